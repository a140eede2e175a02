import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';

export const deleteIntegration: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an integration',
		description: 'Delete a shop integration from Sendcloud; answers which one was deleted',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integration'], operation: ['delete'] } },
		[integrationIdLocator({})],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			await sendcloudApiRequest.call(this, 'DELETE', `/integrations/${id}`, { itemIndex: i });
			return { deleted: true, integration_id: id };
		});
	},
};
