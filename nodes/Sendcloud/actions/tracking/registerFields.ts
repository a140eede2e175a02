import type { INodeProperties } from 'n8n-workflow';

const defineBelow = { show: { dataMode: ['defineBelow'] } };
const text = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	displayOptions: defineBelow,
	...extra,
});

/** The fields of Register External Parcel, without their resource and operation display rules. */
export const registerFields: INodeProperties[] = [
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
					'Each input item is the request in the API’s own JSON (tracking_number, ship_with, from_address, to_address, shipment, source_id, announced_at)',
			},
			{ name: 'Define Below', value: 'defineBelow', description: 'Set the fields here' },
		],
	},
	text('Tracking Number', 'trackingNumber', {
		required: true,
		placeholder: 'e.g. JVGL1234567800001339',
		description: 'The tracking number the carrier gave the label you bought outside Sendcloud',
	}),
	text('Carrier Code', 'carrierCode', {
		required: true,
		placeholder: 'e.g. postnl',
		description: 'Sendcloud’s code of the carrier, such as postnl, dhl, dpd or ups',
	}),
	text('Announced At', 'announcedAt', {
		type: 'dateTime',
		required: true,
		description: 'When the label was created (announced to the carrier)',
	}),
	{
		displayName: 'Contract ID',
		name: 'contractId',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 1 },
		displayOptions: defineBelow,
		description:
			'Your Sendcloud carrier contract the parcel ships under (see Contracts in Sendcloud)',
	},
	text('Sender Postal Code', 'senderPostalCode', {
		required: true,
		description: 'Postal code the parcel was sent from',
	}),
	text('Sender Country Code', 'senderCountryCode', {
		required: true,
		placeholder: 'e.g. NL',
		description: 'Two-letter ISO 3166-1 country code',
	}),
	text('Recipient Postal Code', 'recipientPostalCode', {
		required: true,
		description: 'Postal code the parcel goes to',
	}),
	text('Recipient Country Code', 'recipientCountryCode', {
		required: true,
		placeholder: 'e.g. NL',
		description: 'Two-letter ISO 3166-1 country code',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: defineBelow,
		options: [
			{
				displayName: 'Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				description: 'The shop’s order number of the parcel',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '',
				description:
					'Any other fields of the API’s request, merged in as given: details, parcel_items, measurements, insurance, …',
			},
			{
				displayName: 'Recipient City',
				name: 'recipientCity',
				type: 'string',
				default: '',
				description: 'City the parcel goes to',
			},
			{
				displayName: 'Recipient Email',
				name: 'recipientEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Email address of the recipient',
			},
			{
				displayName: 'Recipient Name',
				name: 'recipientName',
				type: 'string',
				default: '',
				description: 'Name of the recipient',
			},
			{
				displayName: 'Shipping Option Code',
				name: 'shippingOptionCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. postnl:standard',
				description: 'Needed for the parcel to show in Sendcloud’s Analytics',
			},
			{
				displayName: 'Tracking URL',
				name: 'trackingUrl',
				type: 'string',
				default: '',
				description: 'The carrier’s tracking page of the parcel',
			},
		],
	},
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.fulfillment_id }}',
		description:
			'Your ID of this parcel. Sendcloud registers a parcel once per source ID and carrier: a repeat returns it (status "existing"). Empty: an ID derived from the carrier and tracking number, the same on every run.',
	},
];
