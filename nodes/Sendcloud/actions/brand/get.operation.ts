import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { requiredId } from '../../helpers/locators';
import { v3Record } from '../../helpers/v3Records';
import { brandLocator } from './fields';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a brand',
		description:
			'Get one brand of the account by ID: name, domain, colour, website, logos and notification emails',
	},
	description: updateDisplayOptions({ show: { resource: ['brand'], operation: ['get'] } }, [
		brandLocator({}, 'The brand to get: pick it from the list, or give its ID'),
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = requiredId(this.getNode(), 'brand', this.getNodeParameter('brandId', i, ''), i);
			return await v3Record(this, `/brands/${id}`, i, 'brand');
		});
	},
};
