import type { IDataObject } from 'n8n-workflow';

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

export function simplifyOrder(order: IDataObject): IDataObject {
	return Object.fromEntries(SIMPLIFIED_FIELDS.map((field) => [field, order[field]]));
}
