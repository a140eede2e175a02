import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { returnAllAndLimit, toList } from '../../helpers/fields';
import { sendcloudV3Pages } from '../../transport';
import { PICKUP_CARRIERS } from './carriers';

const STATUSES = [
	{ name: 'Announcing (Sent to the Carrier)', value: 'ANNOUNCING' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Created (Accepted by the Carrier)', value: 'CREATED' },
	{ name: 'Failed', value: 'FAILED' },
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many pickups',
		description:
			'List the account’s pickups, newest first, optionally only of some carriers or statuses: each with its ID, carrier, country, time window, status and tracking number',
	},
	description: updateDisplayOptions({ show: { resource: ['pickup'], operation: ['getAll'] } }, [
		...returnAllAndLimit({}),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Applied by the node as it reads the pages: the API filters nothing',
			options: [
				{
					displayName: 'Carriers',
					name: 'carriers',
					type: 'multiOptions',
					options: PICKUP_CARRIERS,
					default: [],
					description: 'Only pickups of these carriers',
				},
				{
					displayName: 'Statuses',
					name: 'statuses',
					type: 'multiOptions',
					options: STATUSES,
					default: [],
					description: 'Only pickups in these statuses',
				},
			],
		},
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
			const [carriers, statuses] = [toList(filters.carriers), toList(filters.statuses)];
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
			const filtered = carriers.length > 0 || statuses.length > 0;
			const pageSize = returnAll || filtered ? 100 : Math.min(100, Math.max(1, limit));
			const records: IDataObject[] = [];
			for await (const page of sendcloudV3Pages.call(
				this,
				'/pickups',
				{ page_size: pageSize },
				i,
			)) {
				for (const pickup of page) {
					if (carriers.length && !carriers.includes(String(pickup.carrier_code))) continue;
					if (statuses.length && !statuses.includes(String(pickup.status))) continue;
					records.push(pickup);
					if (records.length >= limit) return records;
				}
			}
			return records;
		});
	},
};
