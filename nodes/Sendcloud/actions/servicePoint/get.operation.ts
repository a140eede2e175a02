import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { getV3Record } from '../parcel/answers';
import { searchCountryField, servicePointIdAt } from './servicePointId';
import {
	servicePointLocator,
	simplifyServicePoint,
	simplifyServicePointField,
} from './servicePoints';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a service point',
		description:
			'Get one service point by its Sendcloud ID: name, carrier, address, coordinates, opening hours this week, and whether its details are expired (is_expired)',
	},
	description: updateDisplayOptions({ show: { resource: ['servicePoint'], operation: ['get'] } }, [
		servicePointLocator(),
		searchCountryField,
		simplifyServicePointField,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const point = await getV3Record(this, `/service-points/${servicePointIdAt(this, i)}`, i);
			return (this.getNodeParameter('simplify', i, true) as boolean)
				? simplifyServicePoint(point)
				: point;
		});
	},
};
