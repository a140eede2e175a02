import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { websiteForRequest } from '../../helpers/website';
import { websiteField } from './common';

export const realtime: Operation = {
	option: {
		name: 'Get Realtime',
		value: 'realtime',
		action: 'Get the realtime visitors of a website',
		description:
			'How many visitors are on the website now (activity in the last 5 minutes); one item with "visitors"',
	},
	description: [websiteField('realtime')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'GET', '/analytics/realtime', {
				itemIndex: i,
				websiteId,
			});
			return dataOf(answer)[0] ?? {};
		});
	},
};
