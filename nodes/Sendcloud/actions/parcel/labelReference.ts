import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Keys sorted at every level, and empty values dropped: the same shipment must give the same text
 * whatever order an upstream node wrote its fields in, and whether it left an unused field out or empty.
 */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, canonical((value as IDataObject)[key])] as const)
			.filter(([, field]) => field !== undefined && field !== null && field !== ''),
	);
}

/**
 * The reference a create is sent with when the user gives none: a SHA-256 of everything the request
 * asks for (endpoint and body, all but the reference itself). It must not come from the execution:
 * execution ids change on a re-run and repeat across instances, so a re-run bought again and a
 * repeated id returned another recipient's shipment. A hash of the request is the same for the same
 * input in any run on any instance, and differs as soon as anything that is bought differs (recipient,
 * sender, shipping option, a parcel's weight, size or items, the order number, the label format...).
 * Its limit: two identical requests are one purchase; a second identical label needs its own reference.
 * 128 bits of the hash keep it short (the spec gives no maximum) and in [a-z0-9-].
 */
export function derivedReference(body: IDataObject, applyShippingRules: boolean): string {
	const { external_reference_id: _reference, ...shipment } = body;
	const request = {
		endpoint: applyShippingRules ? 'announce-with-shipping-rules' : 'announce',
		shipment: canonical(shipment),
	};
	return `n8n-${createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 32)}`;
}

/** Text compared loosely: Sendcloud may return a postal code, a city or a street in its own spelling. */
function loose(value: unknown): string {
	return String(value ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

const addressOf = (shipment: IDataObject) => (shipment.to_address ?? {}) as IDataObject;
/** Street and house number together: Sendcloud may return the number inside `address_line_1`. */
const streetOf = (address: IDataObject) =>
	loose(`${String(address.address_line_1 ?? '')} ${String(address.house_number ?? '')}`);
const parcelCountOf = (shipment: IDataObject) =>
	Array.isArray(shipment.parcels) ? shipment.parcels.length : undefined;

/**
 * Where the shipment a `409` returned differs from the request: empty when it is this item's shipment
 * (bought by an earlier attempt), otherwise what shows it is another one that uses the same reference.
 * Only what the request states is compared, and what identifies the purchase: whom it goes to, for which
 * order, in how many parcels. The shipping option is not, as shipping rules may have changed it.
 */
export function shipmentDifferences(request: IDataObject, existing: IDataObject): string[] {
	const [asked, found] = [addressOf(request), addressOf(existing)];
	const checks: Array<[string, unknown, unknown]> = [
		['recipient name', asked.name, found.name],
		['recipient company', asked.company_name, found.company_name],
		['recipient address', streetOf(asked), streetOf(found)],
		['recipient postal code', asked.postal_code, found.postal_code],
		['recipient city', asked.city, found.city],
		['recipient country', asked.country_code, found.country_code],
	];
	const differences = checks
		.filter(([, want, got]) => loose(want) !== '' && loose(want) !== loose(got))
		.map(([field]) => field);
	// An order number is compared even when the request has none: a shipment for an order is not one without.
	if (loose(request.order_number) !== loose(existing.order_number))
		differences.push('order number');
	const [wantParcels, gotParcels] = [parcelCountOf(request), parcelCountOf(existing)];
	if (wantParcels !== undefined && gotParcels !== undefined && wantParcels !== gotParcels)
		differences.push('number of parcels');
	return differences;
}
