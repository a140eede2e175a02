import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { websiteForRequest } from '../../helpers/website';
import { scopeFields, scopeQuery, show, websiteField } from './common';

const FIELDS = [
	['Avg Session Duration (Ms)', 'avg_session_duration'],
	['Bounce Rate (%)', 'bounce_rate'],
	['Conversion Rate (%)', 'conversion_rate'],
	['Currency', 'currency'],
	['Revenue', 'revenue'],
	['Revenue per Visitor', 'revenue_per_visitor'],
	['Sessions', 'sessions'],
	['Visitors', 'visitors'],
];

export const overview: Operation = {
	option: {
		name: 'Get Overview',
		value: 'overview',
		action: 'Get the overview of a website',
		description:
			'Totals of a website for a time range (or all time): visitors, sessions, bounce rate, average session duration, revenue, revenue per visitor, conversion rate; one item',
	},
	description: [
		websiteField('overview'),
		...scopeFields('overview'),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			options: FIELDS.map(([name, value]) => ({ name, value })),
			default: [],
			description: 'Which metrics to return; none chosen returns all',
			displayOptions: show('overview'),
		},
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const qs = scopeQuery(this, i);
			const fields = this.getNodeParameter('fields', i, []) as string[];
			if (fields.length) qs.fields = fields.join(',');
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'GET', '/analytics/overview', {
				qs,
				itemIndex: i,
				websiteId,
			});
			return dataOf(answer)[0] ?? {};
		});
	},
};
