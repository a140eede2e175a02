import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';
import { checkSettings, settingsBody, settingsFields } from './settings';

const fields = settingsFields(true);

export const replace: Operation = {
	option: {
		name: 'Replace',
		value: 'replace',
		action: 'Replace an integration',
		description: 'Set every setting of an integration (PUT); settings left empty are cleared',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integration'], operation: ['replace'] } },
		[integrationIdLocator({}), ...fields],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			const settings: IDataObject = {};
			for (const field of fields)
				settings[field.name] = this.getNodeParameter(field.name, i, field.default);
			// An empty URL cannot be sent (the spec wants a URI): leaving it out clears it.
			if (settings.webhookUrl === '') delete settings.webhookUrl;
			const body = settingsBody(settings);
			checkSettings(this, body, true, i);
			return await sendcloudApiRequest.call(this, 'PUT', `/integrations/${id}`, {
				body,
				itemIndex: i,
			});
		});
	},
};
