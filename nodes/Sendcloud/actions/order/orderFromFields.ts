import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonText } from '../../helpers/fields';
import type { Order } from './prepare';

/** Additional Fields by their name in the node → the API's. */
const ADDITIONAL_FIELDS: Record<string, string> = {
	address2: 'address_2',
	companyName: 'company_name',
	telephone: 'telephone',
	toState: 'to_state',
	toPostNumber: 'to_post_number',
	toServicePoint: 'to_service_point',
	updatedAt: 'updated_at',
	orderStatus: 'order_status',
	paymentStatus: 'payment_status',
	totalOrderValue: 'total_order_value',
	weight: 'weight',
	width: 'width',
	height: 'height',
	length: 'length',
	shippingMethod: 'shipping_method',
	shippingMethodCheckoutName: 'shipping_method_checkout_name',
	customsInvoiceNr: 'customs_invoice_nr',
	customsShipmentType: 'customs_shipment_type',
};

/** The order described by the node's own fields ("Define Below"), in the API's field names. */
export function orderFromFields(ctx: IExecuteFunctions, i: number): Order {
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, i, fallback);
	const extra = get('additionalFields', {}) as IDataObject;
	const parcelItems = ((get('parcelItems', {}) as IDataObject).item ?? []) as IDataObject[];
	const order: Order = {
		name: get('name'),
		address: get('address'),
		house_number: get('houseNumber'),
		city: get('city'),
		postal_code: get('postalCode'),
		country: get('country'),
		email: get('email'),
		order_number: get('orderNumber'),
		external_order_id: get('externalOrderId'),
		external_shipment_id: get('externalShipmentId'),
		created_at: get('createdAt'),
		currency: get('currency'),
		parcel_items: parcelItems.map((item) => ({
			description: item.description,
			quantity: item.quantity,
			value: item.value,
			...(item.weight !== '' && item.weight !== undefined ? { weight: item.weight } : {}),
			...(item.sku ? { sku: item.sku } : {}),
			...(item.hsCode ? { hs_code: item.hsCode } : {}),
			...(item.originCountry ? { origin_country: item.originCountry } : {}),
			...(item.productId ? { product_id: item.productId } : {}),
		})),
	};
	for (const [parameter, field] of Object.entries(ADDITIONAL_FIELDS)) {
		if (extra[parameter] !== undefined) order[field] = extra[parameter];
	}
	for (const [parameter, field] of [
		['checkoutPayload', 'checkout_payload'],
		['customsDetails', 'customs_details'],
	]) {
		const parsed = parseJsonText(ctx.getNode(), field, extra[parameter], i);
		if (parsed !== undefined) order[field] = parsed;
	}
	return order;
}
