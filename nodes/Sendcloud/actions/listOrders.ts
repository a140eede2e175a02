import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeError';
import { pagesOf } from '../../shared/transport';
import { sendcloudProfile } from '../transport';
import { parseIntegrationId, toList } from '../helpers/fields';
import { toApiDate } from '../helpers/dates';

/** The main fields of an order, which Simplify keeps. */
const SIMPLIFIED_FIELDS = [
	'shipment_uuid',
	'external_order_id',
	'external_shipment_id',
	'order_number',
	'name',
	'email',
	'city',
	'postal_code',
	'country',
	'order_status',
	'payment_status',
	'total_order_value',
	'currency',
	'created_at',
	'shipment_created_at',
	'shipment_updated_at',
];

function simplifyOrder(order: IDataObject): IDataObject {
	return Object.fromEntries(SIMPLIFIED_FIELDS.map((field) => [field, order[field]]));
}

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

/** The orders one input item asks for, reading no page beyond its Limit. */
async function ordersFor(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const integrationId = parseIntegrationId(
		node,
		ctx.getNodeParameter('integrationId', itemIndex, '', { extractValue: true }),
		itemIndex,
	);
	const qs = orderFilterQuery(
		node,
		ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		itemIndex,
	);
	const limit = ctx.getNodeParameter('returnAll', itemIndex, false)
		? Infinity
		: Number(ctx.getNodeParameter('limit', itemIndex, 50));
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	const request = { method: 'GET' as const, url: `/integrations/${integrationId}/shipments`, qs };
	const orders: INodeExecutionData[] = [];
	for await (const page of pagesOf.call(ctx, sendcloudProfile, request, { itemIndex })) {
		for (const order of page.slice(0, limit - orders.length)) {
			orders.push({
				json: simplify ? simplifyOrder(order) : order,
				pairedItem: { item: itemIndex },
			});
		}
		if (orders.length >= limit) break;
	}
	return orders;
}

/**
 * Get Many of orders, as a custom operation rather than routing: n8n's router spreads a declarative
 * operation's whole list into one call, which fails above about 120,000 orders.
 */
export async function listOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			// One at a time: hundreds of thousands of items spread into one call overflow the stack.
			for (const order of await ordersFor(this, itemIndex)) output.push(order);
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, itemIndex);
			if (!this.continueOnFail()) throw error;
			// Orders of pages read before the failure are left out: a list is whole or it is an error.
			output.push({ json: { error: error.message }, error, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
