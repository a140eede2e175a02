import type { INodeProperties } from 'n8n-workflow';

import { addressFields } from '../parcel/address';
import { binaryPropertyField, documentOptionsField } from '../parcel/documents';

const defineBelow = { show: { dataMode: ['defineBelow'] } };
const withLabel = { show: { announce: ['synchronously'], downloadLabel: [true] } };
/** What an address field without a description of its own holds, by the end of its name. */
const addressPart = (name: string, whose: string): string | undefined =>
	({
		HouseNumber: `House number of ${whose}, when the street line does not hold it`,
		PostalCode: `Postal code of ${whose}`,
		City: `City of ${whose}`,
	})[name.replace(/^(customer|returnTo)/, '')];

/** What Create and Validate share: the return itself (Validate takes the same body). */
export const returnFields: INodeProperties[] = [
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
					'Each input item is a return in the API’s own JSON (from_address, to_address, ship_with, weight, parcel_items, …)',
			},
			{ name: 'Define Below', value: 'defineBelow', description: 'Set the return’s fields here' },
		],
	},
	...addressFields('customer', true, defineBelow).map((field) => ({
		...field,
		displayName: `Customer ${field.displayName}`,
		description:
			field.name === 'customerName'
				? 'The customer who sends the parcel back'
				: (field.description ??
					addressPart(field.name, 'the customer (where the return is sent from)')),
	})),
	...addressFields('returnTo', true, defineBelow).map((field) => ({
		...field,
		displayName: `Return To ${field.displayName}`,
		description:
			field.name === 'returnToName'
				? 'Who receives the return: your warehouse or shop'
				: (field.description ??
					addressPart(field.name, 'the warehouse or shop the return goes to')),
	})),
	{
		displayName: 'Shipping Option Code',
		name: 'shippingOptionCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. postnl:standard/return',
		displayOptions: defineBelow,
		description: 'A return shipping option of the carrier, as Sendcloud’s shipping options name it',
	},
	{
		displayName: 'Weight (Kg)',
		name: 'weight',
		type: 'number',
		default: 1,
		required: true,
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		displayOptions: defineBelow,
		description: 'Weight of the returned parcel in kilograms',
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		displayOptions: defineBelow,
		description: 'The order the customer returns goods of',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: defineBelow,
		options: [
			{
				displayName: 'Brand ID',
				name: 'brandId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description: 'The brand the return is made under (its ID, as Brand → Get Many lists it)',
			},
			{
				displayName: 'Contract ID',
				name: 'contractId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description: 'The carrier contract to use; needed when you have several for the carrier',
			},
			{
				displayName: 'Customer Email',
				name: 'customerEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email address of the customer, for the tracking emails',
			},
			{
				displayName: 'Customer Phone Number',
				name: 'customerPhoneNumber',
				type: 'string',
				default: '',
				description: 'Phone number of the customer, for the carrier',
			},
			{
				displayName: 'Items (JSON)',
				name: 'items',
				type: 'json',
				default: '',
				placeholder:
					'[{"description": "T-shirt", "quantity": 1, "weight": {"value": 0.3, "unit": "kg"}, "price": {"value": 12.5, "currency": "EUR"}, "return_reason_id": "22"}]',
				description:
					'The returned items as a JSON list in the API’s form; needed outside the EU (customs)',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '',
				description:
					'Any other fields of the API’s return, merged in as given: dimensions, delivery_option, total_order_value, customs_information, …',
			},
			{
				displayName: 'Send Tracking Emails',
				name: 'sendTrackingEmails',
				type: 'boolean',
				default: false,
				description: 'Whether Sendcloud emails the customer its track and trace messages',
			},
		],
	},
];

/** The fields of Create, without their resource and operation display rules. */
export const createFields: INodeProperties[] = [
	{
		displayName: 'Announcement',
		name: 'announce',
		type: 'options',
		default: 'synchronously',
		options: [
			{
				name: 'Wait for the Carrier (Label Now)',
				value: 'synchronously',
				description:
					'Sendcloud announces the return to the carrier before answering: the label comes with the output, and a carrier’s refusal is the error',
			},
			{
				name: 'In the Background (Label Later)',
				value: 'asynchronously',
				description:
					'Faster: Sendcloud answers at once and announces afterwards; Get shows the label and any carrier error later',
			},
		],
	},
	{
		displayName: 'External Reference',
		name: 'externalReference',
		type: 'string',
		default: '',
		placeholder: 'e.g. RMA-{{ $json.rma_id }}',
		description:
			'Your unique reference of this return, such as the RMA number. Sendcloud refuses a second return with the same reference, so a repeat never buys a second return label: the node then returns the first return (status "existing"). Empty: a reference derived from the return (a hash of what is asked for), the same when the same input runs again.',
	},
	...returnFields,
	{
		displayName: 'Download Label',
		name: 'downloadLabel',
		type: 'boolean',
		default: true,
		displayOptions: { show: { announce: ['synchronously'] } },
		description:
			'Whether to add the return label file to the output item (to send to the customer)',
	},
	{ ...binaryPropertyField, displayOptions: withLabel },
	{ ...documentOptionsField('Label Options'), displayOptions: withLabel },
];
