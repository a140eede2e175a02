import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import {
	integrationIdAt,
	integrationIdLocator,
	recordsUpTo,
	returnAllAndLimit,
} from '../../helpers/fields';
import { sendcloudPages } from '../../transport';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many integration exception logs',
		description:
			'List the exception logs (failed calls to a shop: URL, method, response code, exception) of every integration or of one',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integrationLog'], operation: ['getAll'] } },
		[
			{
				displayName: 'Logs Of',
				name: 'scope',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'All Integrations', value: 'all' },
					{ name: 'One Integration', value: 'integration' },
				],
			},
			integrationIdLocator({ show: { scope: ['integration'] } }),
			...returnAllAndLimit({}),
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const scope = this.getNodeParameter('scope', i, 'all') as string;
			const path =
				scope === 'integration'
					? `/integrations/${integrationIdAt(this, i)}/logs`
					: '/integrations/logs';
			return await recordsUpTo(sendcloudPages.call(this, path, {}, i), this, i);
		});
	},
};
