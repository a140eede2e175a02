import { validateAgainst } from '../../../shared/jsonSchema';
import { toIsoDateTime } from '../../helpers/dates';
import { ORDER_SCHEMA } from './orderSchema';

export const CURRENCIES = ['EUR', 'USD', 'GBP'];

/** Customs shipment type used when an order gives none: the API requires one of 0–4. */
export const DEFAULT_CUSTOMS_SHIPMENT_TYPE = 2;

export type Order = Record<string, unknown>;

export interface OrderCheck {
	order: Order;
	/** Field errors in the API's own shape, so that local and API rejections read alike. */
	errors?: Record<string, string[]>;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function toDecimalString(value: unknown): unknown {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string') return value.trim().replace(',', '.');
	return value;
}

function toStatus(value: unknown): unknown {
	if (value === undefined || value === '' || value === null) return null;
	if (typeof value === 'string') return { id: value, message: value };
	return value;
}

function emptyToNull(value: unknown): unknown {
	return value === undefined || value === '' ? null : value;
}

/** Costs may be given as plain amounts; the API wants `{value, currency}`. */
function normalizeCustoms(customs: unknown, currency: unknown): unknown {
	if (typeof customs !== 'object' || customs === null) return customs;
	const out: Order = { ...(customs as Order) };
	for (const field of ['discount_granted', 'insurance_costs', 'freight_costs', 'other_costs']) {
		const cost = out[field];
		if (typeof cost === 'string' || typeof cost === 'number') {
			out[field] = { value: toDecimalString(cost), currency: currency ?? null };
		}
	}
	const taxNumbers = out.tax_numbers as Record<string, Order[]> | undefined;
	if (taxNumbers && typeof taxNumbers === 'object') {
		out.tax_numbers = Object.fromEntries(
			Object.entries(taxNumbers).map(([party, list]) => [
				party,
				(Array.isArray(list) ? list : []).map((entry) => {
					// The spec's own example nests numbers under `tax_number` with `country`.
					const taxNumber = ((entry as Order).tax_number ?? entry) as Order;
					const { country, ...rest } = taxNumber;
					return { ...rest, country_code: rest.country_code ?? country ?? null };
				}),
			]),
		);
	}
	return out;
}

/**
 * Turns what users map (numbers, dates, lower-case codes, empty strings) into the API's order
 * shape, fills the fields the spec requires but most shops leave empty, and checks what the spec
 * demands. Fields the API computes (shipment_uuid, integration, …) are dropped.
 */
export function prepareOrder(input: Order): OrderCheck {
	const {
		shipment_uuid: _uuid,
		integration: _integration,
		allowed_shipping_methods: _allowed,
		barcode: _barcode,
		sender_address: _sender,
		shipment_created_at,
		shipment_updated_at,
		...fields
	} = input;
	const currency =
		typeof fields.currency === 'string' ? fields.currency.trim().toUpperCase() : fields.currency;
	const order: Order = {
		address_2: '',
		company_name: '',
		customs_invoice_nr: '',
		house_number: '',
		parcel_items: [],
		shipping_method_checkout_name: '',
		telephone: '',
		to_post_number: '',
		to_service_point: null,
		...fields,
		// An order read back from the API carries the shop's timestamps under other names.
		created_at: toIsoDateTime(fields.created_at ?? shipment_created_at),
		updated_at: toIsoDateTime(
			fields.updated_at ?? shipment_updated_at ?? fields.created_at ?? shipment_created_at,
		),
		currency,
		country:
			typeof fields.country === 'string' ? fields.country.trim().toUpperCase() : fields.country,
		external_order_id:
			typeof fields.external_order_id === 'number'
				? String(fields.external_order_id)
				: fields.external_order_id,
		external_shipment_id: emptyToNull(
			typeof fields.external_shipment_id === 'number'
				? String(fields.external_shipment_id)
				: fields.external_shipment_id,
		),
		order_status: toStatus(fields.order_status),
		payment_status: toStatus(fields.payment_status),
		to_state: emptyToNull(fields.to_state),
		customs_shipment_type:
			emptyToNull(fields.customs_shipment_type) ?? DEFAULT_CUSTOMS_SHIPMENT_TYPE,
	};
	for (const field of ['total_order_value', 'weight', 'width', 'height', 'length']) {
		if (order[field] === '' || order[field] === undefined) delete order[field];
		else order[field] = order[field] === null ? null : toDecimalString(order[field]);
	}
	if (Array.isArray(order.parcel_items)) {
		order.parcel_items = (order.parcel_items as Order[]).map((item) => {
			const out: Order = { ...item, value: toDecimalString(item.value) };
			if (item.weight !== undefined && item.weight !== null)
				out.weight = toDecimalString(item.weight);
			if (typeof item.quantity === 'string' && /^\d+$/.test(item.quantity))
				out.quantity = Number(item.quantity);
			if (typeof item.origin_country === 'string')
				out.origin_country = item.origin_country.trim().toUpperCase();
			if (out.origin_country === '' || out.origin_country === null) delete out.origin_country;
			return out;
		});
	}
	if (order.customs_details !== undefined)
		order.customs_details = normalizeCustoms(order.customs_details, currency);
	for (const key of Object.keys(order)) if (order[key] === undefined) delete order[key];
	const errors = checkOrder(order);
	return errors ? { order, errors } : { order };
}

/** The spec's schema, plus what its prose adds: a total weight of at least 0.001. */
function checkOrder(order: Order): Record<string, string[]> | undefined {
	const errors = validateAgainst(ORDER_SCHEMA, order);
	if (
		typeof order.weight === 'string' &&
		DECIMAL.test(order.weight) &&
		Number(order.weight) < 0.001
	) {
		(errors.weight ??= []).push('Ensure this value is greater than or equal to 0.001.');
	}
	return Object.keys(errors).length ? errors : undefined;
}

/** Identity of an order for the upsert: its external order id and shipment id (null when not split). */
export function orderKey(externalOrderId: unknown, externalShipmentId: unknown): string {
	const shipment =
		externalShipmentId === null || externalShipmentId === undefined
			? ''
			: String(externalShipmentId);
	return JSON.stringify([String(externalOrderId ?? ''), shipment]);
}
