import type { INodeProperties } from 'n8n-workflow';

import { CHOICES, FEATURES } from './functionalities';

const countryField = (side: 'from' | 'to'): INodeProperties => ({
	displayName: side === 'from' ? 'From Country Code' : 'To Country Code',
	name: `${side}CountryCode`,
	type: 'string',
	default: '',
	required: true,
	placeholder: side === 'from' ? 'e.g. NL' : 'e.g. DE',
	description: `Country the parcel ${side === 'from' ? 'leaves from (the sender’s)' : 'goes to (the recipient’s)'}, as a two-letter ISO 3166-1 code; map it from the order with an expression`,
});

const postalField = (side: 'from' | 'to'): INodeProperties => ({
	displayName: side === 'from' ? 'From Postal Code' : 'To Postal Code',
	name: `${side}PostalCode`,
	type: 'string',
	default: '',
	placeholder: side === 'from' ? 'e.g. 1012AB' : 'e.g. 10115',
	description: `Postal code of the ${side === 'from' ? 'sender' : 'recipient'}: optional, makes prices more accurate (zones, remote areas)`,
});

/** Route, parcels and filters: what Get Many and Get Best Option ask Sendcloud about. */
export const questionFields: INodeProperties[] = [
	countryField('from'),
	postalField('from'),
	countryField('to'),
	postalField('to'),
	{
		displayName: 'Parcels Input',
		name: 'parcelsInput',
		type: 'options',
		default: 'fields',
		description: 'How the parcels are given: as fields below, or as a JSON list',
		options: [
			{
				name: 'Define Below',
				value: 'fields',
				description: 'A fixed number of parcels, each field mappable with an expression',
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					'A list from the order, as many parcels as it holds: map it with an expression',
			},
		],
	},
	{
		displayName: 'Parcels (JSON)',
		name: 'parcelsJson',
		type: 'json',
		default: '[{"weight": 1}]',
		displayOptions: { show: { parcelsInput: ['json'] } },
		description:
			'A list of parcels: weight in kg, and optionally length, width and height in cm, e.g. [{"weight": 2.5, "length": 30, "width": 20, "height": 10}, {"weight": 1}]',
	},
	{
		displayName: 'Parcels',
		name: 'parcels',
		displayOptions: { show: { parcelsInput: ['fields'] } },
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: { parcel: [{ weight: 1 }] },
		placeholder: 'Add Parcel',
		description:
			'The packages shipped together. Two or more make a multicollo shipment: only options that carry several parcels to one address are offered, priced for all of them.',
		options: [
			{
				displayName: 'Parcel',
				name: 'parcel',
				values: [
					{
						displayName: 'Weight (Kg)',
						name: 'weight',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 0, numberPrecision: 3 },
						description:
							'Weight of this parcel in kilograms; map it from the order with an expression',
					},
					{
						displayName: 'Length (Cm)',
						name: 'length',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description:
							'Leave length, width and height at 0 to send no dimensions; with them, options too small are left out and volumetric weight is priced',
					},
					{
						displayName: 'Width (Cm)',
						name: 'width',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description:
							'Width of this parcel in centimetres; 0 with length and height to send no dimensions',
					},
					{
						displayName: 'Height (Cm)',
						name: 'height',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description:
							'Height of this parcel in centimetres; 0 with length and width to send no dimensions',
					},
				],
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Address Details',
				name: 'addressDetails',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Address Details',
				description:
					'Street, city and state of sender and recipient: more accurate prices (zonal prices, remote area surcharges)',
				options: [
					{
						displayName: 'Details',
						name: 'details',
						values: [
							{
								displayName: 'From Address Line 1',
								name: 'fromAddressLine1',
								type: 'string',
								default: '',
								description: 'Street and house number of the sender',
							},
							{
								displayName: 'From City',
								name: 'fromCity',
								type: 'string',
								default: '',
								description: 'City of the sender',
							},
							{
								displayName: 'From State or Province Code',
								name: 'fromStateProvinceCode',
								type: 'string',
								default: '',
								description:
									'ISO 3166-2 code of the sender’s state or province, where the country has them',
								placeholder: 'e.g. US-NY',
							},
							{
								displayName: 'To Address Line 1',
								name: 'toAddressLine1',
								type: 'string',
								default: '',
								description: 'Street and house number of the recipient',
							},
							{
								displayName: 'To City',
								name: 'toCity',
								type: 'string',
								default: '',
								description: 'City of the recipient',
							},
							{
								displayName: 'To State or Province Code',
								name: 'toStateProvinceCode',
								type: 'string',
								default: '',
								description:
									'ISO 3166-2 code of the recipient’s state or province, where the country has them',
								placeholder: 'e.g. US-CA',
							},
						],
					},
				],
			},
			{
				displayName: 'Age Check',
				name: 'ageCheck',
				type: 'options',
				default: 16,
				options: CHOICES.ageCheck.options,
				description: 'Only options with this age check (the API’s ' + CHOICES.ageCheck.api + ')',
			},
			{
				displayName: 'Carrier Code',
				name: 'carrierCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. postnl',
				description: 'Only options of this carrier',
			},
			{
				displayName: 'Contract ID',
				name: 'contractId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Only options under this carrier contract; 0 for any',
			},
			{
				displayName: 'Delivery Deadline',
				name: 'deliveryDeadline',
				type: 'options',
				default: 'best_effort',
				options: CHOICES.deliveryDeadline.options,
				description:
					'Only options with this delivery deadline (the API’s ' +
					CHOICES.deliveryDeadline.api +
					')',
			},
			{
				displayName: 'Delivery To (Last Mile)',
				name: 'lastMile',
				type: 'options',
				default: 'home_delivery',
				options: CHOICES.lastMile.options,
				description:
					'Only options with this delivery to (last mile) (the API’s ' + CHOICES.lastMile.api + ')',
			},
			{
				displayName: 'First Mile',
				name: 'firstMile',
				type: 'options',
				default: 'dropoff',
				options: CHOICES.firstMile.options,
				description: 'Only options with this first mile (the API’s ' + CHOICES.firstMile.api + ')',
			},
			{
				displayName: 'Form Factor',
				name: 'formFactor',
				type: 'options',
				default: 'letter',
				options: CHOICES.formFactor.options,
				description:
					'Only options with this form factor (the API’s ' + CHOICES.formFactor.api + ')',
			},
			{
				displayName: 'Max Lead Time (Hours)',
				name: 'maxLeadTimeHours',
				type: 'number',
				default: 48,
				typeOptions: { minValue: 1 },
				description: 'Only options Sendcloud expects to deliver within this many hours',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'economical',
				options: CHOICES.priority.options,
				description: 'Only options with this priority (the API’s ' + CHOICES.priority.api + ')',
			},
			{
				displayName: 'Required Features',
				name: 'features',
				type: 'multiOptions',
				default: [],
				options: FEATURES.map(([name, value]) => ({ name, value })),
				description: 'Only options that have all of these',
			},
			{
				displayName: 'Shipping Option Code',
				name: 'shippingOptionCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. postnl:standard',
				description: 'Only this shipping option (to price it)',
			},
			{
				displayName: 'Shipping Product Code',
				name: 'shippingProductCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. postnl:standard',
				description: 'Only options of this carrier product',
			},
			{
				displayName: 'Weekend Delivery',
				name: 'weekendDelivery',
				type: 'options',
				default: 'saturday',
				options: CHOICES.weekendDelivery.options,
				description:
					'Only options with this weekend delivery (the API’s ' + CHOICES.weekendDelivery.api + ')',
			},
		],
	},
];
