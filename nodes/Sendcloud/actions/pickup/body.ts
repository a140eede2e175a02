import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from '../../helpers/fields';
import { CARRIER_RULES, carrierName } from './carriers';
import { pickupTime } from './times';

/** Fields left empty are not sent: to the API an empty text is a value. */
const compact = (object: IDataObject): IDataObject =>
	Object.fromEntries(Object.entries(object).filter(([, v]) => v !== '' && v !== undefined));

/** Weight as the API's decimal text, in kilograms. */
export const weightText = (kg: number) => String(Number(kg.toFixed(3)));

/**
 * The pickup item `i` asks for, in the API's fields, checked against what its carrier requires before
 * anything is sent. Every carrier's schema requires `quantity` and `total_weight` at the top; the node also
 * sends them as one item, as the spec's examples do, except for carriers whose items need more (UPS).
 */
export function pickupBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const get = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, i, fallback) as T;
	const text = (name: string) => String(get<unknown>(name, '') ?? '').trim();
	const extra = get<IDataObject>('additionalFields', {});
	const extraText = (name: string) => String(extra[name] ?? '').trim();
	const carrier = text('carrierCode');
	const fail = (message: string, description?: string) =>
		new NodeOperationError(node, message, { itemIndex: i, description });

	const country = text('countryCode').toUpperCase();
	if (!/^[A-Z]{2}$/.test(country))
		throw fail(
			`"${text('countryCode')}" is not a country code`,
			'Give a two-letter ISO 3166-1 code, such as NL.',
		);
	const address = compact({
		name: text('name'),
		company_name: extraText('companyName'),
		address_line_1: text('addressLine1'),
		house_number: text('houseNumber'),
		address_line_2: extraText('addressLine2'),
		postal_code: text('postalCode'),
		city: text('city'),
		country_code: country,
		state_province_code: extraText('stateProvinceCode'),
		email: extraText('email'),
		phone_number: extraText('phoneNumber'),
	});
	const missing = ['name', 'address_line_1', 'postal_code', 'city'].filter((f) => !address[f]);
	if (CARRIER_RULES.stateRequired.includes(carrier) && !address.state_province_code)
		missing.push('state_province_code');
	if (CARRIER_RULES.phoneRequired.includes(carrier) && !address.phone_number)
		missing.push('phone_number');
	if (missing.length)
		throw fail(
			`The pickup address lacks ${missing.join(', ')}`,
			`${carrierName(carrier)} needs them to book a pickup.`,
		);

	const timeZone = ctx.getTimezone();
	const startAt = pickupTime(node, 'Pickup From', get<unknown>('startAt', ''), timeZone, i);
	const endAt = pickupTime(node, 'Pickup Until', get<unknown>('endAt', ''), timeZone, i);
	if (Date.parse(endAt) <= Date.parse(startAt))
		throw fail(`The pickup window ends (${endAt}) before it starts (${startAt})`);

	const quantity = Number(get<number>('quantity', 1));
	const kg = Number(get<number>('totalWeight', 1));
	if (!Number.isInteger(quantity) || quantity < 1)
		throw fail(`Number of Parcels must be a whole number of at least 1, not ${quantity}`);
	if (!(kg > 0)) throw fail(`Total Weight must be more than 0 kg, not ${kg}`);
	const totalWeight = { value: weightText(kg), unit: 'kg' };
	const containerType = extraText('containerType') || 'parcel';
	if (containerType === 'pallet' && !CARRIER_RULES.pallets.includes(carrier))
		throw fail(
			`${carrierName(carrier)} does not collect pallets`,
			'Pallets: DHL, DPD Austria and UPS.',
		);
	const reference = extraText('reference');
	if (carrier === 'correos' && !reference) throw fail('Correos needs a Reference for a pickup');

	const others = parseJsonText(node, 'Other Fields (JSON)', extra.otherFields, i);
	if (
		others !== undefined &&
		(typeof others !== 'object' || others === null || Array.isArray(others))
	)
		throw fail('Other Fields (JSON) must be a JSON object');
	const lacking = (CARRIER_RULES.extraFields[carrier] ?? []).filter(
		(f) => (others as IDataObject | undefined)?.[f] === undefined,
	);
	if (lacking.length)
		throw fail(
			`${carrierName(carrier)} pickups need ${lacking.join(' and ')}: give ${lacking.length > 1 ? 'them' : 'it'} in Other Fields (JSON)`,
		);
	const contractId = Number(extra.contractId ?? 0);
	return {
		carrier_code: carrier,
		...(contractId > 0 ? { contract_id: contractId } : {}),
		address,
		time_slots: [{ start_at: startAt, end_at: endAt }],
		quantity,
		total_weight: totalWeight,
		...(CARRIER_RULES.ownItems.includes(carrier)
			? {}
			: {
					items: [
						compact({
							quantity,
							container_type: containerType,
							total_weight: totalWeight,
							volumetric_weight_kind:
								carrier === 'correos' ? extraText('volumetricWeightKind') || 'small' : undefined,
						}),
					],
				}),
		...compact({ reference, special_instructions: extraText('specialInstructions') }),
		...(others as IDataObject | undefined),
	};
}
