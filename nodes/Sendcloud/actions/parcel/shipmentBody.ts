import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from '../../helpers/fields';
import { optionalId, requiredId } from '../../helpers/locators';
import { toServicePointAt } from './servicePointField';

function positive(value: unknown): number | undefined {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : undefined;
}

/** Fields left empty are not sent: to the API an empty text is a value (an empty phone number), not none. */
function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/** The shipment the node's own fields describe ("Define Below"), in the API's field names. */
export function shipmentFromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, i, fallback);
	const text = (name: string) => String(get(name) ?? '').trim();
	const extra = get('additionalFields', {}) as IDataObject;
	const address = (prefix: string) =>
		compact({
			address_line_1: text(`${prefix}AddressLine1`),
			house_number: text(`${prefix}HouseNumber`),
			postal_code: text(`${prefix}PostalCode`),
			city: text(`${prefix}City`),
			country_code: text(`${prefix}CountryCode`).toUpperCase(),
		});
	const node = ctx.getNode();
	// Contract and brand are pick lists now; a saved workflow may still hold a plain number there.
	extra.contractId = optionalId(node, 'contract', extra.contractId, i);
	const fromAddress =
		get('senderType', 'senderAddressId') === 'senderAddressId'
			? { sender_address_id: requiredId(node, 'sender address', get('senderAddressId'), i) }
			: { name: text('senderName'), ...address('sender') };
	const parcels = (((get('parcels', {}) as IDataObject).parcel ?? []) as IDataObject[]).map(
		(parcel, n) => {
			const [length, width, height] = [parcel.length, parcel.width, parcel.height].map(positive);
			const items = parseJsonText(ctx.getNode(), `Items of parcel ${n + 1}`, parcel.items, i);
			return compact({
				weight: { value: String(parcel.weight), unit: 'kg' },
				dimensions:
					length && width && height
						? { length: String(length), width: String(width), height: String(height), unit: 'cm' }
						: undefined,
				parcel_items: items as IDataObject[] | undefined,
			});
		},
	);
	// A resource locator; workflows saved before it was one hold the code as plain text, which reads the same.
	const shippingOptionCode = String(
		ctx.getNodeParameter('shippingOptionCode', i, '', { extractValue: true }) ?? '',
	).trim();
	const shipment: IDataObject = compact({
		to_address: compact({
			name: text('recipientName'),
			company_name: String(extra.recipientCompanyName ?? '').trim(),
			address_line_2: String(extra.recipientAddressLine2 ?? '').trim(),
			state_province_code: String(extra.recipientStateProvinceCode ?? '').trim(),
			email: String(extra.recipientEmail ?? '').trim(),
			phone_number: String(extra.recipientPhoneNumber ?? '').trim(),
			...address('recipient'),
		}),
		from_address: fromAddress,
		ship_with:
			shippingOptionCode || extra.contractId
				? {
						type: 'shipping_option_code',
						properties: compact({
							shipping_option_code: shippingOptionCode || undefined,
							contract_id: positive(extra.contractId),
						}),
					}
				: undefined,
		order_number: text('orderNumber'),
		brand_id: optionalId(node, 'brand', extra.brandId, i),
		parcels,
	});
	const others = parseJsonText(ctx.getNode(), 'Other Fields (JSON)', extra.otherFields, i);
	if (
		others !== undefined &&
		(typeof others !== 'object' || others === null || Array.isArray(others))
	) {
		throw new NodeOperationError(ctx.getNode(), 'Other Fields (JSON) must be a JSON object', {
			itemIndex: i,
		});
	}
	return { ...shipment, ...toServicePointAt(ctx, i), ...(others as IDataObject | undefined) };
}
