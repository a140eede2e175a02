import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastPages } from '../../transport';
import { pageSizeFor, recordsUpTo, returnAllAndLimit, wantedCount } from '../../helpers/fields';
import { websiteForRequest } from '../../helpers/website';
import { scopeFields, scopeQuery, show, websiteField } from './common';

export const timeseries: Operation = {
	option: {
		name: 'Get Timeseries',
		value: 'timeseries',
		action: 'Get the timeseries of a website',
		description:
			'Metrics per hour, day, week or month (visitors, sessions, revenue with its new/renewal/refund breakdown, payments, conversion rate); one item per period with its name and timestamp',
	},
	description: [
		websiteField('timeseries'),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			required: true,
			options: [
				{ name: 'Conversion Rate', value: 'conversion_rate' },
				{ name: 'Payments', value: 'payments' },
				{ name: 'Revenue', value: 'revenue' },
				{ name: 'Sessions', value: 'sessions' },
				{ name: 'Visitors', value: 'visitors' },
			],
			default: ['visitors'],
			description: 'Metrics per period (revenue brings payments and a revenue breakdown with it)',
			displayOptions: show('timeseries'),
		},
		{
			displayName: 'Interval',
			name: 'interval',
			type: 'options',
			options: [
				{ name: 'Hour', value: 'hour' },
				{ name: 'Day', value: 'day' },
				{ name: 'Week', value: 'week' },
				{ name: 'Month', value: 'month' },
			],
			default: 'day',
			description:
				'Length of a period. Without a range DataFast takes the last 24 hours (hour), 30 days (day, week) or 12 months (month); a range within one day is given by hour.',
			displayOptions: show('timeseries'),
		},
		...scopeFields('timeseries'),
		...returnAllAndLimit(show('timeseries')),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const fields = this.getNodeParameter('fields', i, []) as string[];
			if (!fields.length)
				throw new NodeOperationError(this.getNode(), 'Choose at least one of Fields', {
					itemIndex: i,
				});
			const qs = {
				...scopeQuery(this, i),
				fields: fields.join(','),
				interval: this.getNodeParameter('interval', i, 'day') as string,
			};
			const wanted = wantedCount(this, i);
			const websiteId = await websiteForRequest(this, i);
			return await recordsUpTo(
				dataFastPages(
					this,
					'/analytics/timeseries',
					{ qs, itemIndex: i, websiteId },
					pageSizeFor(wanted, 1000),
				),
				wanted,
			);
		});
	},
};
