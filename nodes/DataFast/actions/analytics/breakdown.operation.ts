import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastPages } from '../../transport';
import { pageSizeFor, recordsUpTo, returnAllAndLimit, wantedCount } from '../../helpers/fields';
import { websiteForRequest } from '../../helpers/website';
import { scopeFields, scopeQuery, show, websiteField } from './common';

/** Breakdown By → DataFast's route below /analytics, and what one row holds. */
const BREAKDOWNS: Array<[name: string, value: string, row: string]> = [
	['Browsers', 'browsers', 'browser'],
	['Campaigns', 'campaigns', 'campaign (UTM fields, ref, source, via)'],
	['Cities', 'cities', 'city'],
	['Countries', 'countries', 'country and flag image'],
	['Devices', 'devices', 'device'],
	['Goals', 'goals', 'goal, completions'],
	['Hostnames', 'hostnames', 'hostname'],
	['Operating Systems', 'operating-systems', 'operating_system'],
	['Pages', 'pages', 'hostname and path'],
	['Referrers', 'referrers', 'referrer'],
	['Regions', 'regions', 'region'],
];

export const breakdown: Operation = {
	option: {
		name: 'Get Breakdown',
		value: 'breakdown',
		action: 'Get a breakdown of a website',
		description:
			"A website's visitors and revenue broken down by page, referrer, country, region, city, device, browser, operating system, campaign, hostname or goal; one item per row, most visitors first",
	},
	description: [
		websiteField('breakdown'),
		{
			displayName: 'Breakdown By',
			name: 'breakdownBy',
			type: 'options',
			options: BREAKDOWNS.map(([name, value, row]) => ({
				name,
				value,
				description: `One row per ${row}, with visitors${value === 'goals' ? '' : ' and revenue'}`,
			})),
			default: 'pages',
			displayOptions: show('breakdown'),
			description: 'What each output row is: a page, a referrer, a country, a device, a goal, …',
		},
		...scopeFields('breakdown'),
		...returnAllAndLimit(show('breakdown')),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const by = this.getNodeParameter('breakdownBy', i, 'pages') as string;
			const route = BREAKDOWNS.find(([, value]) => value === by)?.[1] ?? 'pages';
			const qs = scopeQuery(this, i);
			const wanted = wantedCount(this, i);
			const websiteId = await websiteForRequest(this, i);
			return await recordsUpTo(
				dataFastPages(
					this,
					`/analytics/${route}`,
					{ qs, itemIndex: i, websiteId },
					pageSizeFor(wanted, 1000),
				),
				wanted,
			);
		});
	},
};
