import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { websiteForRequest } from '../../helpers/website';
import { websiteField } from './common';

export const metadata: Operation = {
	option: {
		name: 'Get Metadata',
		value: 'metadata',
		action: 'Get the metadata of a website',
		description:
			"A website's settings as analytics use them: domain, name, timezone, currency, KPI goal and its color scheme; one item",
	},
	description: [websiteField('metadata')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'GET', '/analytics/metadata', {
				itemIndex: i,
				websiteId,
			});
			return dataOf(answer)[0] ?? {};
		});
	},
};
