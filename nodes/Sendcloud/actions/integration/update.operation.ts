import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';
import { checkSettings, settingsBody, settingsFields } from './settings';

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an integration',
		description: 'Change only the settings given (PATCH); the others stay as they are',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integration'], operation: ['update'] } },
		[
			integrationIdLocator({}),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: settingsFields(false).map(({ required: _required, ...field }) => field),
			},
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			const body = settingsBody(this.getNodeParameter('updateFields', i, {}) as IDataObject);
			checkSettings(this, body, false, i);
			return await sendcloudApiRequest.call(this, 'PATCH', `/integrations/${id}`, {
				body,
				itemIndex: i,
			});
		});
	},
};
