import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from '../../helpers/fields';
import { CHOICES } from './functionalities';

/** What one item asks: the request body, and the parcels' weights (kg) to judge the answer by. */
export interface Question {
	body: IDataObject;
	weightsKg: number[];
	/** "NL 1012AB → DE, 2 parcels (25 kg, 3 kg)", for messages. */
	summary: string;
}

const trimmed = (value: unknown) => String(value ?? '').trim();

function countryCode(node: INode, label: string, value: unknown, itemIndex: number): string {
	const code = trimmed(value).toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) {
		throw new NodeOperationError(
			node,
			`${label} "${trimmed(value)}" is not a two-letter country code`,
			{
				itemIndex,
				description: 'Use an ISO 3166-1 alpha-2 code such as NL, DE or US.',
			},
		);
	}
	return code;
}

/** A number of kg or cm as the API takes it: a string without needless digits. */
const decimal = (value: number) => String(Number(value.toFixed(3)));

/** The parcels as the API takes them, with weights in kg; dimensions only when all three are given. */
export function parcelsOf(node: INode, parcels: IDataObject[], itemIndex: number) {
	if (parcels.length === 0) {
		throw new NodeOperationError(node, 'Add at least one parcel', { itemIndex });
	}
	if (parcels.length > 50) {
		throw new NodeOperationError(node, `${parcels.length} parcels are more than the 50 allowed`, {
			itemIndex,
		});
	}
	return parcels.map((parcel, n) => {
		const weight = Number(parcel.weight);
		if (!Number.isFinite(weight) || weight <= 0) {
			throw new NodeOperationError(
				node,
				`Parcel ${n + 1} has no weight: "${trimmed(parcel.weight)}" is not a number of kilograms above 0`,
				{ itemIndex },
			);
		}
		const sides = [parcel.length, parcel.width, parcel.height].map((v) => Number(v ?? 0));
		if (sides.some((side) => !Number.isFinite(side) || side < 0)) {
			throw new NodeOperationError(node, `Parcel ${n + 1} has a dimension that is not a number`, {
				itemIndex,
			});
		}
		const given = sides.filter((side) => side > 0).length;
		if (given !== 0 && given !== 3) {
			throw new NodeOperationError(
				node,
				`Parcel ${n + 1} needs length, width and height together (or none of them)`,
				{ itemIndex },
			);
		}
		const [length, width, height] = sides.map(decimal);
		return {
			weight: { value: decimal(weight), unit: 'kg' },
			...(given === 3 ? { dimensions: { length, width, height, unit: 'cm' } } : {}),
		};
	});
}

/** The parcels as given: the fields' list, or a JSON list (text, or a list from an expression). */
function givenParcels(ctx: IExecuteFunctions, i: number): IDataObject[] {
	if (ctx.getNodeParameter('parcelsInput', i, 'fields') !== 'json') {
		return ((ctx.getNodeParameter('parcels', i, {}) as IDataObject).parcel ?? []) as IDataObject[];
	}
	const list = parseJsonText(
		ctx.getNode(),
		'Parcels (JSON)',
		ctx.getNodeParameter('parcelsJson', i, ''),
		i,
	);
	const parcels = Array.isArray(list) ? list : list === undefined ? [] : [list];
	if (
		parcels.some((parcel) => typeof parcel !== 'object' || parcel === null || Array.isArray(parcel))
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Parcels (JSON) must be a list of objects such as {"weight": 1.5}',
			{
				itemIndex: i,
			},
		);
	}
	return parcels as IDataObject[];
}

/** The request body the node's fields describe for item `i`, checked before anything is sent. */
export function questionOf(ctx: IExecuteFunctions, i: number, calculateQuotes: boolean): Question {
	const node = ctx.getNode();
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, i, fallback);
	const filters = get('filters', {}) as IDataObject;
	const details = ((filters.addressDetails as IDataObject | undefined)?.details ??
		{}) as IDataObject;
	const address = (side: 'from' | 'to') => {
		const fields: IDataObject = {
			country_code: countryCode(
				node,
				side === 'from' ? 'From Country Code' : 'To Country Code',
				get(`${side}CountryCode`),
				i,
			),
			postal_code: trimmed(get(`${side}PostalCode`)),
			address_line_1: trimmed(details[`${side}AddressLine1`]),
			city: trimmed(details[`${side}City`]),
			state_province_code: trimmed(details[`${side}StateProvinceCode`]).toUpperCase(),
		};
		return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
	};
	const parcels = parcelsOf(node, givenParcels(ctx, i), i);
	const functionalities: IDataObject = {};
	for (const feature of (filters.features as string[] | undefined) ?? []) {
		functionalities[feature] = true;
	}
	for (const [name, choice] of Object.entries(CHOICES)) {
		if (filters[name] !== undefined && filters[name] !== '')
			functionalities[choice.api] = filters[name];
	}
	const contractId = Number(filters.contractId ?? 0);
	const maxLeadTime = Number(filters.maxLeadTimeHours ?? 0);
	const body: IDataObject = {
		from_address: address('from'),
		to_address: address('to'),
		parcels,
		...(trimmed(filters.carrierCode) ? { carrier_code: trimmed(filters.carrierCode) } : {}),
		...(contractId > 0 ? { contract_id: Math.trunc(contractId) } : {}),
		...(trimmed(filters.shippingProductCode)
			? { shipping_product_code: trimmed(filters.shippingProductCode) }
			: {}),
		...(trimmed(filters.shippingOptionCode)
			? { shipping_option_code: trimmed(filters.shippingOptionCode) }
			: {}),
		...(Object.keys(functionalities).length ? { functionalities } : {}),
		...(maxLeadTime > 0 ? { lead_time: { lte: maxLeadTime } } : {}),
		calculate_quotes: calculateQuotes,
	};
	const weightsKg = parcels.map((p) => Number(p.weight.value));
	const place = (a: IDataObject) => [a.country_code, a.postal_code].filter(Boolean).join(' ');
	const summary = `${place(body.from_address as IDataObject)} → ${place(body.to_address as IDataObject)}, ${
		weightsKg.length === 1
			? `${weightsKg[0]} kg`
			: `${weightsKg.length} parcels (${weightsKg.map((w) => `${w} kg`).join(', ')})`
	}`;
	return { body, weightsKg, summary };
}

/** JSON with object keys sorted: two bodies that ask the same thing give the same text. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}
