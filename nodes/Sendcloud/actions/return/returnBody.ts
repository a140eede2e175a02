import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from '../../helpers/fields';

const text = (ctx: IExecuteFunctions, name: string, i: number) =>
	String(ctx.getNodeParameter(name, i, '') ?? '').trim();

function address(ctx: IExecuteFunctions, prefix: string, i: number, extra: IDataObject = {}) {
	const fields: IDataObject = {
		name: text(ctx, `${prefix}Name`, i),
		address_line_1: text(ctx, `${prefix}AddressLine1`, i),
		house_number: text(ctx, `${prefix}HouseNumber`, i),
		postal_code: text(ctx, `${prefix}PostalCode`, i),
		city: text(ctx, `${prefix}City`, i),
		country_code: text(ctx, `${prefix}CountryCode`, i).toUpperCase(),
		...extra,
	};
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined));
}

function bodyFromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const items = parseJsonText(node, 'Items (JSON)', extra.items, i);
	const other = parseJsonText(node, 'Other Fields (JSON)', extra.otherFields, i) as
		IDataObject | undefined;
	const orderNumber = text(ctx, 'orderNumber', i);
	return {
		from_address: address(ctx, 'customer', i, {
			email: String(extra.customerEmail ?? '').trim(),
			phone_number: String(extra.customerPhoneNumber ?? '').trim(),
		}),
		to_address: address(ctx, 'returnTo', i),
		ship_with: {
			type: 'shipping_option_code',
			shipping_option_code: text(ctx, 'shippingOptionCode', i),
			...(extra.contractId ? { contract: Number(extra.contractId) } : {}),
		},
		weight: { value: Number(ctx.getNodeParameter('weight', i, 0)), unit: 'kg' },
		...(orderNumber ? { order_number: orderNumber } : {}),
		...(Array.isArray(items) && items.length ? { parcel_items: items } : {}),
		...(extra.brandId ? { brand_id: Number(extra.brandId) } : {}),
		...(extra.sendTrackingEmails ? { send_tracking_emails: true } : {}),
		...(other ?? {}),
	};
}

/** The return body item `i` asks for (without a reference), checked before anything is sent. */
export function returnBodyOf(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	i: number,
): IDataObject {
	const autoMap = ctx.getNodeParameter('dataMode', i, 'defineBelow') === 'autoMapInputData';
	const body = autoMap ? { ...items[i].json } : bodyFromFields(ctx, i);
	const shipWith = (body.ship_with ?? {}) as IDataObject;
	const weight = body.weight as IDataObject | undefined;
	const problems = [
		!(body.from_address as IDataObject | undefined)?.postal_code &&
			'the customer’s address (from_address)',
		!(body.to_address as IDataObject | undefined)?.postal_code &&
			'the address it goes back to (to_address)',
		!(shipWith.shipping_option_code || shipWith.shipping_product_code) &&
			'a shipping option code (ship_with)',
		!(typeof weight === 'object' && Number(weight?.value) > 0) && 'a weight above 0 (weight)',
	].filter(Boolean);
	if (problems.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The return of item ${i} lacks ${problems.join(', ')}`,
			{
				itemIndex: i,
				description: autoMap
					? 'With Auto-Map Input Data, each item must be a return in the API’s JSON.'
					: 'Fill in the fields above.',
			},
		);
	}
	return body;
}

/** Keys sorted at every level and empty values dropped, as labelReference.ts does for shipments. */
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
 * The reference a return is created with when the user gives none: a SHA-256 of the return asked for
 * (never of the execution), the same for the same input on any run and instance. Waiting for the
 * carrier or not is left out: it is the same return either way.
 */
export function derivedReturnReference(body: IDataObject): string {
	const { external_reference: _reference, ...rest } = body;
	const request = { endpoint: 'return', return: canonical(rest) };
	return `n8n-${createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 32)}`;
}

/** Text compared loosely: Sendcloud may return a postal code or a name in its own spelling. */
const loose = (value: unknown) =>
	String(value ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

/** Where a return Sendcloud has differs from the request: empty when it is this item's return. */
export function returnDifferences(request: IDataObject, existing: IDataObject): string[] {
	const addressOf = (r: IDataObject, key: string) => (r[key] ?? {}) as IDataObject;
	const checks: Array<[string, unknown, unknown]> = [];
	for (const [key, who] of [
		['from_address', 'customer'],
		['to_address', 'return address'],
	]) {
		const [asked, found] = [addressOf(request, key), addressOf(existing, key)];
		checks.push(
			[`${who} name`, asked.name, found.name],
			[`${who} postal code`, asked.postal_code, found.postal_code],
			[`${who} country`, asked.country_code, found.country_code],
		);
	}
	const differences = checks
		.filter(([, want, got]) => loose(want) !== '' && loose(want) !== loose(got))
		.map(([field]) => field);
	if (loose(request.order_number) !== loose(existing.order_number))
		differences.push('order number');
	const [want, got] = [request.weight as IDataObject, existing.weight as IDataObject];
	const grams = (w?: IDataObject) =>
		Number(w?.value) * ({ kg: 1000, g: 1, lbs: 453.592, oz: 28.3495 }[String(w?.unit)] ?? NaN);
	if (want && got && Math.abs(grams(want) - grams(got)) > 1) differences.push('weight');
	return differences;
}
