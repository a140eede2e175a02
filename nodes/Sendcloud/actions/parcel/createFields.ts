import type { INodeProperties } from 'n8n-workflow';

import { brandLocator } from '../brand/fields';
import { contractLocator } from '../contract/fields';
import { senderAddressLocator } from '../senderAddress/fields';
import { addressFields } from './address';
import { binaryPropertyField, documentOptionsField } from './documents';
import { shippingOptionCodeLocator } from './shippingOptionCode';
import { servicePointFields } from './servicePointField';

const defineBelow = { show: { dataMode: ['defineBelow'] } };
const senderAddress = { show: { dataMode: ['defineBelow'], senderType: ['address'] } };
const withLabel = { show: { downloadLabel: [true] } };

/** The fields of Create and Announce, without their resource and operation display rules. */
export const createFields: INodeProperties[] = [
	{
		displayName: 'Input Data',
		name: 'dataMode',
		type: 'options',
		default: 'defineBelow',
		options: [
			{
				name: 'Auto-Map Input Data',
				value: 'autoMapInputData',
				description:
					'Each input item is a shipment in the API’s own JSON (to_address, from_address, ship_with, parcels, …)',
			},
			{
				name: 'Define Below',
				value: 'defineBelow',
				description: 'Set the shipment’s fields here, with expressions',
			},
		],
	},
	{
		displayName: 'Apply Shipping Rules',
		name: 'applyShippingRules',
		type: 'boolean',
		default: false,
		description:
			'Whether Sendcloud’s shipping rules choose or change the shipping option, weight and more',
	},
	{
		displayName: 'External Reference ID',
		name: 'externalReferenceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.order_id }}',
		description:
			'Your unique reference of this shipment, such as the shop order ID. Sendcloud refuses a second shipment with the same reference and returns the first one, so the node can repeat a request whose answer was lost without buying a second label. Empty: a reference derived from the shipment (a hash of what is asked for), the same when the same input is run again, so a re-run returns the shipments already bought. Two identical shipments are then one purchase: give each its own reference to buy two identical labels.',
	},
	...addressFields('recipient', true, defineBelow),
	...servicePointFields,
	{
		displayName: 'Sender',
		name: 'senderType',
		type: 'options',
		default: 'senderAddressId',
		displayOptions: defineBelow,
		options: [
			{
				name: 'Saved Sender Address',
				value: 'senderAddressId',
				description: 'A sender address saved in the Sendcloud panel',
			},
			{ name: 'Address', value: 'address', description: 'A full address given here' },
		],
	},
	senderAddressLocator(
		{ show: { dataMode: ['defineBelow'], senderType: ['senderAddressId'] } },
		'A sender address saved in Sendcloud (Settings → Addresses): pick it from the list, or give its ID',
	),
	{
		displayName: 'Sender Company or Name',
		name: 'senderName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: senderAddress,
	},
	...addressFields('sender', false, senderAddress),
	shippingOptionCodeLocator(defineBelow),
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		displayOptions: defineBelow,
		description: 'Order number as the shop shows it; printed on some labels',
	},
	{
		displayName: 'Parcels',
		name: 'parcels',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: { parcel: [{ weight: 1 }] },
		placeholder: 'Add Parcel',
		displayOptions: defineBelow,
		description: 'The packages of this shipment (up to 15); each gets its own label page',
		options: [
			{
				displayName: 'Parcel',
				name: 'parcel',
				values: [
					{
						displayName: 'Height (Cm)',
						name: 'height',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'Items (JSON)',
						name: 'items',
						type: 'json',
						default: '',
						placeholder:
							'[{"description": "T-shirt", "quantity": 1, "weight": {"value": 0.3, "unit": "kg"}, "price": {"value": "12.50", "currency": "EUR"}, "hs_code": "620520", "origin_country": "NL"}]',
						description:
							'The parcel’s items as a JSON list in the API’s form (see the placeholder), needed for customs outside the EU',
					},
					{
						displayName: 'Length (Cm)',
						name: 'length',
						type: 'number',
						default: 0,
						description: 'Leave 0 to send no dimensions',
					},
					{
						displayName: 'Weight (Kg)',
						name: 'weight',
						type: 'number',
						default: 1,
					},
					{
						displayName: 'Width (Cm)',
						name: 'width',
						type: 'number',
						default: 0,
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: defineBelow,
		options: [
			brandLocator(
				{},
				'The brand of the shipment (its tracking emails and return portal): pick it from the list, or give its ID',
				false,
			),
			contractLocator(
				{},
				'The carrier contract to buy the label on: pick it from the list, or give its ID; the carrier’s default otherwise',
				false,
			),
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '',
				description:
					'Any other fields of the API’s shipment, merged in as given: customs_information, total_order_price, brand_id, reference, to_service_point, …',
			},
			{
				displayName: 'Recipient Address Line 2',
				name: 'recipientAddressLine2',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Recipient Company Name',
				name: 'recipientCompanyName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Recipient Email',
				name: 'recipientEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Recipient Phone Number',
				name: 'recipientPhoneNumber',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Recipient State or Province Code',
				name: 'recipientStateProvinceCode',
				type: 'string',
				default: '',
				description: 'Needed for some countries, such as the US',
			},
		],
	},
	{
		displayName: 'Download Label',
		name: 'downloadLabel',
		type: 'boolean',
		default: true,
		description:
			'Whether to add the label file (every parcel of the shipment in one file) to the output item; off returns JSON only',
	},
	{ ...binaryPropertyField, displayOptions: withLabel },
	{ ...documentOptionsField('Label Options'), displayOptions: withLabel },
];
