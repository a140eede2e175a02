import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { toApiDate } from '../../helpers/dates';
import {
	integrationIdAt,
	integrationIdLocator,
	recordsUpTo,
	returnAllAndLimit,
	toList,
} from '../../helpers/fields';
import { sendcloudPages } from '../../transport';
import { simplifyOrder } from './simplify';

const properties = [
	integrationIdLocator({}),
	...returnAllAndLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection' as const,
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Apply Shipping Rules',
				name: 'shippingRules',
				type: 'boolean' as const,
				default: false,
				description:
					'Whether to apply the account’s shipping rules, which changes the allowed shipping methods',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime' as const,
				default: '',
				description: 'Only orders up to this day, included (defaults to today)',
			},
			{
				displayName: 'External Order IDs',
				name: 'externalOrderIds',
				type: 'string' as const,
				default: '',
				placeholder: 'e.g. 1001, 1002',
				description: 'Comma-separated list, or a list from an expression',
			},
			{
				displayName: 'External Shipment IDs',
				name: 'externalShipmentIds',
				type: 'string' as const,
				default: '',
				description: 'Comma-separated list, or a list from an expression',
			},
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string' as const, default: '' },
			{
				displayName: 'Sender Address ID',
				name: 'senderAddress',
				type: 'number' as const,
				default: 0,
				description: 'Sender address used to work out the allowed shipping methods',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime' as const,
				default: '',
				description: 'Only orders from this day, included (defaults to one year ago)',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean' as const,
		default: true,
		description:
			'Whether to return only the main fields of each order instead of everything (items, customs, checkout data)',
	},
];

/** Turns the Filters collection into the query the spec describes (dates as days, lists exploded). */
function orderFilterQuery(node: INode, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	for (const [parameter, field] of [
		['startDate', 'start_date'],
		['endDate', 'end_date'],
	]) {
		if (filters[parameter] === undefined || filters[parameter] === '') continue;
		const day = toApiDate(filters[parameter]);
		if (!day) {
			throw new NodeOperationError(node, `"${String(filters[parameter])}" is not a date`, {
				itemIndex,
				description: 'Give a date such as 2026-11-20, or a date and time.',
			});
		}
		qs[field] = day;
	}
	if (qs.start_date && qs.end_date && String(qs.start_date) > String(qs.end_date)) {
		throw new NodeOperationError(node, 'The start date is after the end date', { itemIndex });
	}
	for (const [parameter, field] of [
		['externalOrderIds', 'external_order_ids'],
		['externalShipmentIds', 'external_shipment_ids'],
	]) {
		const list = toList(filters[parameter]);
		if (list.length) qs[field] = list;
	}
	if (filters.orderNumber) qs.order_number = String(filters.orderNumber).trim();
	if (filters.senderAddress) qs.sender_address = Number(filters.senderAddress);
	if (filters.shippingRules !== undefined) qs.shipping_rules = Boolean(filters.shippingRules);
	return qs;
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many orders',
		description:
			'List the orders of a shop integration, newest first, optionally filtered by date range, external order or shipment IDs or order number; returns one item per order (its main fields when Simplify is on)',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['shipment'], operation: ['getAll'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// A list is whole or it is an error: orders of pages read before a failure are left out.
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			const qs = orderFilterQuery(
				this.getNode(),
				this.getNodeParameter('filters', i, {}) as IDataObject,
				i,
			);
			const pages = sendcloudPages.call(this, `/integrations/${id}/shipments`, qs, i);
			const orders = await recordsUpTo(pages, this, i);
			return this.getNodeParameter('simplify', i, true) ? orders.map(simplifyOrder) : orders;
		});
	},
};
