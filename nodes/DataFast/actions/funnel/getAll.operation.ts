import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastApiRequest, dataOf } from '../../transport';
import { returnAllAndLimit, wantedCount } from '../../helpers/fields';
import { websiteInPath, websiteLocator } from '../../helpers/website';

const displayOptions = { show: { resource: ['funnel'], operation: ['getAll'] } };

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many funnels',
		description:
			"A website's active funnels with their steps (pageview URL or goal name per step); one item per funnel (needs funnels:read)",
	},
	description: [websiteLocator(displayOptions, true), ...returnAllAndLimit(displayOptions)],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const websiteId = websiteInPath(this, i);
			const answer = await dataFastApiRequest.call(
				this,
				'GET',
				`/admin/websites/${encodeURIComponent(websiteId)}/funnels`,
				{ itemIndex: i },
			);
			const funnels: IDataObject[] = dataOf(answer);
			return funnels.slice(0, wantedCount(this, i));
		});
	},
};
