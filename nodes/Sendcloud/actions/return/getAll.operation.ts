import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { isoDateTime } from '../../helpers/dates';
import { recordsUpTo, returnAllAndLimit } from '../../helpers/fields';
import { listDate, returnPages, returnSimplifyField, simplifyReturn } from './returnList';

/** The spec's `parent_parcel_status` values most used; any other can be typed as an expression. */
const STATUSES = [
	'announced',
	'announcement-failed',
	'announcing',
	'cancelled',
	'cancelling',
	'delivered',
	'ready-to-send',
	'to-sorting',
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many returns',
		description:
			'List the returns created between two dates, optionally only those whose parcel has a given status: each with its ID, status, tracking number, label link, customer and order number',
	},
	description: updateDisplayOptions({ show: { resource: ['return'], operation: ['getAll'] } }, [
		{
			displayName: 'Created After',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'Only returns created at or after this date and time (UTC when no offset is given)',
		},
		{
			displayName: 'Created Before',
			name: 'toDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Only returns created at or before this date and time',
		},
		...returnAllAndLimit({}),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Parcel Status',
					name: 'parentParcelStatus',
					type: 'options',
					default: 'announced',
					options: STATUSES.map((value) => ({ name: value, value })),
					description: 'Only returns whose parcel has this status',
				},
			],
		},
		returnSimplifyField,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const node = this.getNode();
			const dates = ['fromDate', 'toDate'].map((name, n) => {
				const value = this.getNodeParameter(name, i, '');
				const label = n === 0 ? 'Created After' : 'Created Before';
				if (!value)
					throw new NodeOperationError(node, `${label} is required`, {
						itemIndex: i,
						description: 'Sendcloud lists returns only between two dates.',
					});
				return Date.parse(isoDateTime(node, label, value, i));
			});
			const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
			const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
			const limit = this.getNodeParameter('limit', i, 50) as number;
			const qs: IDataObject = {
				from_date: listDate(dates[0]),
				to_date: listDate(dates[1]),
				page_size: returnAll ? 40 : Math.min(40, Math.max(1, limit)),
			};
			if (filters.parentParcelStatus) qs.parent_parcel_status = filters.parentParcelStatus;
			const returns = await recordsUpTo(returnPages(this, qs, i), this, i);
			return (this.getNodeParameter('simplify', i, true) as boolean)
				? returns.map(simplifyReturn)
				: returns;
		});
	},
};
