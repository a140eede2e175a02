import type { INodeProperties } from 'n8n-workflow';

import { PICKUP_CARRIERS } from './carriers';

const text = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

/** The fields of Create, without their resource and operation display rules. */
export const createFields: INodeProperties[] = [
	{
		displayName: 'Carrier',
		name: 'carrierCode',
		type: 'options',
		options: PICKUP_CARRIERS,
		default: 'dhl_express',
		required: true,
		description: 'The carrier that comes to collect the parcels',
	},
	text('Name', 'name', { required: true, description: 'Contact person at the pickup address' }),
	text('Address Line 1', 'addressLine1', {
		required: true,
		placeholder: 'e.g. Stadhuisplein',
		description: 'Street of the pickup address, with or without the house number',
	}),
	text('House Number', 'houseNumber', {
		description: 'House number of the pickup address, when Address Line 1 does not hold it',
	}),
	text('Postal Code', 'postalCode', {
		required: true,
		description: 'Postal code of the pickup address',
	}),
	text('City', 'city', { required: true, description: 'City of the pickup address' }),
	text('Country Code', 'countryCode', {
		required: true,
		placeholder: 'e.g. NL',
		description: 'Two-letter ISO 3166-1 code of the pickup address’s country',
	}),
	{
		displayName: 'Pickup From',
		name: 'startAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Start of the time window in which the carrier comes (the workflow’s time zone unless the value has an offset)',
	},
	{
		displayName: 'Pickup Until',
		name: 'endAt',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the time window: when the pickup place closes',
	},
	{
		displayName: 'Number of Parcels',
		name: 'quantity',
		type: 'number',
		default: 1,
		required: true,
		typeOptions: { minValue: 1 },
		description: 'How many parcels (or pallets) the carrier collects',
	},
	{
		displayName: 'Total Weight (Kg)',
		name: 'totalWeight',
		type: 'number',
		default: 1,
		required: true,
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		description: 'Weight of everything collected together, in kilograms',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			text('Address Line 2', 'addressLine2', {
				description: 'More of the pickup address, such as the floor or the building',
			}),
			text('Company Name', 'companyName', { description: 'Company at the pickup address' }),
			{
				displayName: 'Container Type',
				name: 'containerType',
				type: 'options',
				default: 'parcel',
				options: [
					{ name: 'Parcel', value: 'parcel' },
					{ name: 'Pallet', value: 'pallet', description: 'DHL, DPD Austria and UPS only' },
				],
				description: 'What the carrier collects: parcels, or pallets',
			},
			{
				displayName: 'Contract ID',
				name: 'contractId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description:
					'The carrier contract to use; required when the account has more than one active contract for the carrier',
			},
			text('Email', 'email', {
				placeholder: 'name@email.com',
				description: 'Email address of the contact person at the pickup address',
			}),
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '',
				description:
					'Carrier-specific fields of the API’s pickup, merged in as given: origin_detail (FedEx), customer_account_number and trading_location_id (DHL Parcel UK), items with destination_country_code and shipping_option (UPS), is_overweight, …',
			},
			text('Phone Number', 'phoneNumber', {
				placeholder: 'e.g. +31612345678',
				description:
					'Contact phone number (E.164); required by Correos Express, DHL Express and FedEx',
			}),
			text('Reference', 'reference', {
				description: 'Your reference for your administration (required by Correos)',
			}),
			text('Special Instructions', 'specialInstructions', {
				description: 'Instructions for the driver, such as where to ring',
			}),
			text('State or Province Code', 'stateProvinceCode', {
				placeholder: 'e.g. IT-RM',
				description: 'ISO 3166-2 code; required by BRT, GLS Italy and Poste Italiane',
			}),
			{
				displayName: 'Volumetric Weight Kind',
				name: 'volumetricWeightKind',
				type: 'options',
				default: 'small',
				options: [
					{ name: 'Envelope', value: 'envelope' },
					{ name: 'Large', value: 'large' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'Pallet', value: 'pallet' },
					{ name: 'Small', value: 'small' },
					{ name: 'Very Large', value: 'very_large' },
				],
				description: 'Correos only: the size class of the parcels',
			},
		],
	},
	{
		displayName: 'Book Even If a Matching Pickup Exists',
		name: 'allowDuplicate',
		type: 'boolean',
		default: false,
		description:
			'Whether to book a second carrier visit when the account already has a pickup with the same carrier, address and time window. Off (the default): that pickup is returned as "existing" and nothing is booked, so a workflow run twice books once.',
	},
];
