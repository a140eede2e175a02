import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastPages } from '../../transport';
import {
	pageSizeFor,
	rangeFields,
	rangeQuery,
	recordsUpTo,
	returnAllAndLimit,
	wantedCount,
} from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';
import { simplifyField, simplifyVisitor } from './simplify';

const displayOptions = { show: { resource: ['visitor'], operation: ['getAll'] } };

/** The documented filters of GET /visitors, with what each takes. */
const FILTERS: Array<[displayName: string, name: string, description: string]> = [
	['Visited Page', 'visitedPage', 'Only visitors who viewed exactly this path, e.g. /pricing'],
	[
		'Visited Page Contains',
		'visitedPageContains',
		'Only visitors who viewed a path containing this text, e.g. /blog',
	],
	[
		'Completed Goal',
		'completedGoal',
		'Only visitors who completed this goal, e.g. newsletter_signup',
	],
	['Country', 'country', 'Only visitors from this country (code such as US, or name)'],
	['Device', 'device', 'Only visitors on this device type: desktop, mobile or tablet'],
	['Browser', 'browser', 'Only visitors with this browser, e.g. Chrome'],
	['UTM Campaign', 'utm_campaign', 'Only visitors who came with this utm_campaign'],
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many visitors',
		description:
			'Visitors of a website, newest activity first, filtered by time range, pages, goal, country, device, browser, campaign or customer status; one item per visitor',
	},
	description: [
		websiteLocator(displayOptions),
		...returnAllAndLimit(displayOptions),
		...rangeFields(displayOptions, 'Leave both empty for visitors of any time.'),
		{
			displayName: 'Filters',
			name: 'visitorFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions,
			options: [
				...FILTERS.map(([displayName, name, description]) => ({
					displayName,
					name,
					type: 'string' as const,
					default: '',
					description,
				})),
				{
					displayName: 'Customer',
					name: 'isCustomer',
					type: 'options',
					options: [
						{ name: 'Customers Only', value: 'true' },
						{ name: 'Non-Customers Only', value: 'false' },
					],
					default: 'true',
					description: 'Whether to return only visitors who paid, or only those who did not',
				},
			],
		},
		simplifyField(['getAll']),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const filters = this.getNodeParameter('visitorFilters', i, {}) as IDataObject;
			const qs: IDataObject = { ...rangeQuery(this, i) };
			for (const [name, value] of Object.entries(filters)) {
				const text = String(value ?? '').trim();
				if (text) qs[name] = text;
			}
			const wanted = wantedCount(this, i);
			const websiteId = await websiteForRequest(this, i);
			const visitors = await recordsUpTo(
				dataFastPages(this, '/visitors', { qs, itemIndex: i, websiteId }, pageSizeFor(wanted, 250)),
				wanted,
			);
			return this.getNodeParameter('simplify', i, true) ? visitors.map(simplifyVisitor) : visitors;
		});
	},
};
