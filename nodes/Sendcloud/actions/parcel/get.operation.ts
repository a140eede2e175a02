import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { getV3Record } from './answers';
import { shipmentIdAt, shipmentIdField, shipmentPath } from './shipmentId';
import { simplifiedIfAsked, simplifyField } from './simplify';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a shipment',
		description:
			'Get one shipment by its shipment ID: recipient, carrier, shipping option and each parcel with its ID, status and tracking number and URL',
	},
	description: updateDisplayOptions({ show: { resource: ['parcel'], operation: ['get'] } }, [
		shipmentIdField,
		simplifyField,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = shipmentIdAt(this, i);
			const shipment = await getV3Record(this, shipmentPath(id), i);
			return simplifiedIfAsked(this, i, [shipment]);
		});
	},
};
