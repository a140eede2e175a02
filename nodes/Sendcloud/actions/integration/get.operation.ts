import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an integration',
		description:
			'Get one shop integration by ID: its settings, whether it is failing (failing_since) and its webhook',
	},
	description: updateDisplayOptions({ show: { resource: ['integration'], operation: ['get'] } }, [
		integrationIdLocator({}),
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			return await sendcloudApiRequest.call(this, 'GET', `/integrations/${id}`, { itemIndex: i });
		});
	},
};
