import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { malformedAnswer } from '../../../shared/transport';
import { returnAllAndLimit } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';

const properties = [
	...returnAllAndLimit({}),
	{
		displayName: 'Sort By',
		name: 'ordering',
		type: 'options' as const,
		default: '',
		description: 'Field the list is ordered by',
		options: [
			{ name: 'API Default', value: '' },
			{ name: 'ID (Ascending)', value: 'id' },
			{ name: 'ID (Descending)', value: '-id' },
			{ name: 'Last Fetch (Newest First)', value: '-last_fetch' },
			{ name: 'Last Fetch (Oldest First)', value: 'last_fetch' },
			{ name: 'Shop Name (A-Z)', value: 'shop_name' },
			{ name: 'Shop Name (Z-A)', value: '-shop_name' },
		],
	},
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many integrations',
		description:
			'List the shop integrations of the Sendcloud account: ID, shop name and URL, system, failing_since, webhook settings',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integration'], operation: ['getAll'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const ordering = this.getNodeParameter('ordering', i, '') as string;
			const integrations = (await sendcloudApiRequest.call(this, 'GET', '/integrations', {
				qs: ordering ? { ordering } : {},
				itemIndex: i,
				check: (body) => {
					if (!Array.isArray(body))
						throw malformedAnswer(this.getNode(), 'The answer is not a list of integrations');
				},
			})) as unknown as IDataObject[];
			if (this.getNodeParameter('returnAll', i, false)) return integrations;
			return integrations.slice(0, this.getNodeParameter('limit', i, 50) as number);
		});
	},
};
