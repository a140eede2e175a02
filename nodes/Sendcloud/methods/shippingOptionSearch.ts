import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { quoteOf } from '../actions/shippingOption/choose';
import { sendcloudV3ApiRequest } from '../transport';

/** A parameter of Create and Announce as the editor holds it; undefined when empty or an expression. */
function literal(ctx: ILoadOptionsFunctions, name: string): unknown {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
	if (value !== null && typeof value === 'object' && 'value' in value)
		value = (value as { value: unknown }).value;
	if (typeof value === 'string' && (value.startsWith('=') || value.trim() === '')) return undefined;
	return value ?? undefined;
}

const country = (value: unknown) =>
	typeof value === 'string' && /^[A-Za-z]{2}$/.test(value.trim())
		? value.trim().toUpperCase()
		: undefined;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
const positive = (value: unknown) => {
	const number = Number(value);
	return typeof value !== 'string' || !value.startsWith('=')
		? Number.isFinite(number) && number > 0
			? number
			: undefined
		: undefined;
};

/** The question Create and Announce's fields ask, and what was assumed where they could not say. */
function questionFromFields(ctx: ILoadOptionsFunctions) {
	const assumed: string[] = [];
	const to = country(literal(ctx, 'recipientCountryCode'));
	const senderIsAddress = literal(ctx, 'senderType') === 'address';
	const from = senderIsAddress ? country(literal(ctx, 'senderCountryCode')) : undefined;
	if (!from)
		assumed.push(
			senderIsAddress
				? 'the sender country is empty or an expression, so no prices'
				: 'the saved sender address is not read here, so no prices: set the sender as an address to see them',
		);
	const toAddress = to
		? {
				country_code: to,
				...(text(literal(ctx, 'recipientPostalCode'))
					? { postal_code: text(literal(ctx, 'recipientPostalCode')) }
					: {}),
			}
		: undefined;
	if (!to)
		assumed.push('the recipient country is empty or an expression, so options for any destination');
	const fromAddress = from
		? {
				country_code: from,
				...(text(literal(ctx, 'senderPostalCode'))
					? { postal_code: text(literal(ctx, 'senderPostalCode')) }
					: {}),
			}
		: undefined;
	const rawParcels = literal(ctx, 'parcels') as IDataObject | undefined;
	const given = Array.isArray(rawParcels?.parcel) ? (rawParcels.parcel as IDataObject[]) : [];
	const parcels = (given.length ? given : [{}]).slice(0, 50).map((parcel, n) => {
		const kg = positive(parcel.weight);
		if (kg === undefined)
			assumed.push(`parcel ${n + 1}: weight empty or an expression, 1 kg assumed`);
		const sides = [parcel.length, parcel.width, parcel.height].map(positive);
		return {
			weight: { value: String(kg ?? 1), unit: 'kg' },
			...(sides.every((side) => side !== undefined)
				? {
						dimensions: {
							length: String(sides[0]),
							width: String(sides[1]),
							height: String(sides[2]),
							unit: 'cm',
						},
					}
				: {}),
		};
	});
	const contractId = positive(literal(ctx, 'additionalFields.contractId'));
	const body: IDataObject = {
		...(fromAddress ? { from_address: fromAddress } : {}),
		...(toAddress ? { to_address: toAddress } : {}),
		parcels,
		...(contractId ? { contract_id: Math.trunc(contractId) } : {}),
		calculate_quotes: Boolean(fromAddress && toAddress),
	};
	const weights = parcels.map((p) => Number(p.weight.value));
	const route = `${from ?? 'any origin'} → ${to ?? 'any destination'}, ${weights.map((w) => `${w} kg`).join(' + ')}`;
	return { body, weights, route, assumed };
}

/**
 * The shipping options for the route and parcels filled in on Create and Announce, cheapest first when priced.
 * Fields that are expressions or empty cannot be read while editing: the description of each entry says what was
 * assumed instead.
 */
export async function searchShippingOptions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { body, weights, route, assumed } = questionFromFields(this);
	const answer = await sendcloudV3ApiRequest.call(this, 'POST', '/shipping-options', { body });
	const options = Array.isArray(answer.data) ? (answer.data as IDataObject[]) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	const note = `For ${route}${assumed.length ? ` (${assumed.join('; ')})` : ''}`;
	const rows = options
		.filter((option) => {
			const carrier = (option.carrier ?? {}) as IDataObject;
			return (
				!needle ||
				`${String(option.code)} ${String(option.name)} ${String(carrier.name ?? '')}`
					.toLowerCase()
					.includes(needle)
			);
		})
		.map((option) => {
			const quote = quoteOf(option, weights);
			const total = (quote?.price as IDataObject | undefined)?.total as IDataObject | undefined;
			const price = total ? Number(total.value) : undefined;
			const lead = typeof quote?.lead_time === 'number' ? `, ${quote.lead_time} h` : '';
			const item: INodeListSearchItems = {
				name: `${String(option.name)}${total ? ` — ${String(total.value)} ${String(total.currency ?? '')}${lead}` : ''}`,
				value: String(option.code),
				description: `${String(option.code)}. ${note}.`,
			};
			return { item, price };
		});
	rows.sort(
		(a, b) =>
			(a.price ?? Infinity) - (b.price ?? Infinity) || a.item.name.localeCompare(b.item.name),
	);
	return { results: rows.map((row) => row.item) };
}
