import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastApiRequest, dataOf } from '../../transport';
import { websiteInPath, websiteLocator } from '../../helpers/website';

const displayOptions = { show: { resource: ['website'], operation: ['get'] } };

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a website',
		description:
			"One website's settings: ID, domain, name, timezone, currency, KPI goal (needs the settings:read permission)",
	},
	description: [websiteLocator(displayOptions, true)],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const websiteId = websiteInPath(this, i);
			const answer = await dataFastApiRequest.call(
				this,
				'GET',
				`/admin/websites/${encodeURIComponent(websiteId)}`,
				{ itemIndex: i },
			);
			return dataOf(answer)[0] ?? {};
		});
	},
};
