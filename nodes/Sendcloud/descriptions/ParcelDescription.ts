import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { viaTransport } from '../../shared/transport';
import { listFromSendcloudV3, sendcloudV3Profile, sendToSendcloudV3 } from '../transport';
import { DOCUMENT_FORMATS, PAPER_SIZES, simplifyShipment } from '../actions/labels';
import { returnAllAndLimit, toList } from '../helpers/fields';

const showFor = (operation: string[], extra: Record<string, unknown[]> = {}) => ({
	show: { resource: ['parcel'], operation, ...extra },
});

const SHIPMENT_PATH = '=/shipments/{{ encodeURIComponent(String($parameter.shipmentId).trim()) }}';

/**
 * The credential's base URL moved to v3. A preSend step, because n8n evaluates an operation
 * option's routing without `$credentials`.
 */
async function useV3Base(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const authentication = this.getNodeParameter('authentication', 'apiKey') as string;
	const credentials = await this.getCredentials(sendcloudV3Profile.credentialType(authentication));
	requestOptions.baseURL = sendcloudV3Profile.baseUrl(credentials, this.getNode());
	return requestOptions;
}

/** Routed v3 requests: on the v3 base URL, through v3's transport profile. */
function viaV3(routing: Parameters<typeof viaTransport>[0], list = false) {
	return viaTransport({
		...routing,
		send: { ...routing.send, preSend: [useV3Base, ...(routing.send?.preSend ?? [])] },
		operations: { pagination: list ? listFromSendcloudV3 : sendToSendcloudV3 },
	});
}

async function requireShipmentId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = String(this.getNodeParameter('shipmentId', '') ?? '').trim();
	if (!id || id.includes('/')) {
		throw new NodeOperationError(this.getNode(), `"${id}" is not a shipment ID`, {
			itemIndex: this.getItemIndex(),
			description:
				'Give the ID Sendcloud returned when the shipment was created (the "id" of Create and Announce or Get Many).',
		});
	}
	return requestOptions;
}

/** 200: cancelled; 202: Sendcloud asked the carrier and will cancel unless the parcel moves on. */
async function cancellationOutcome(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = ((response.body as IDataObject)?.data ?? {}) as IDataObject;
	return [
		{
			json: {
				shipment_id: String(this.getNodeParameter('shipmentId', '')).trim(),
				cancelled: response.statusCode === 200,
				queued: response.statusCode === 202,
				status: data.status ?? null,
				message: data.message ?? null,
			},
		},
	];
}

function isoOrFail(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	const text =
		typeof (value as { toISO?: unknown })?.toISO === 'function'
			? String((value as { toISO: () => string }).toISO())
			: String(value);
	if (Number.isNaN(Date.parse(text))) {
		throw new NodeOperationError(ctx.getNode(), `${label}: "${text}" is not a date and time`, {
			itemIndex: ctx.getItemIndex(),
		});
	}
	return new Date(text).toISOString();
}

function idList(
	ctx: IExecuteSingleFunctions,
	label: string,
	value: unknown,
	pattern: RegExp,
): string {
	const ids = toList(value);
	const wrong = ids.find((id) => !pattern.test(id));
	if (wrong !== undefined || ids.length > 100) {
		throw new NodeOperationError(
			ctx.getNode(),
			wrong !== undefined ? `${label}: "${wrong}" is not an ID` : `${label}: at most 100 IDs`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	}
	return ids.join(',');
}

/** The Filters collection as the spec's query, and pages no larger than the Limit needs. */
async function setShipmentListQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [parameter, field] of [
		['parcelStatus', 'parcel_status'],
		['trackingNumber', 'tracking_number'],
		['externalReferenceId', 'external_reference_id'],
		['orderNumber', 'order_number'],
		['integrationId', 'integration_id'],
	]) {
		const value = String(filters[parameter] ?? '').trim();
		if (value) qs[field] = value;
	}
	for (const [parameter, field, label] of [
		['updatedAfter', 'updated_after', 'Updated After'],
		['updatedBefore', 'updated_before', 'Updated Before'],
		['announcedAfter', 'announced_after', 'Announced After'],
		['announcedBefore', 'announced_before', 'Announced Before'],
	]) {
		if (filters[parameter]) qs[field] = isoOrFail(this, label, filters[parameter]);
	}
	if (filters.parcelIds) qs.ids = idList(this, 'Parcel IDs', filters.parcelIds, /^[1-9][0-9]*$/);
	if (filters.shipmentIds)
		qs.shipment_uuids = idList(this, 'Shipment IDs', filters.shipmentIds, /^[^,/\s]+$/);
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = this.getNodeParameter('limit', 50) as number;
	qs.page_size = returnAll ? 100 : Math.min(100, Math.max(1, limit));
	requestOptions.qs = { ...requestOptions.qs, ...qs };
	return requestOptions;
}

function addressFields(
	prefix: string,
	displayOptions: INodeProperties['displayOptions'],
	withContact: boolean,
): INodeProperties[] {
	const field = (
		displayName: string,
		name: string,
		extra: Partial<INodeProperties> = {},
	): INodeProperties => ({
		displayName,
		name: `${prefix}${name}`,
		type: 'string',
		default: '',
		displayOptions,
		...extra,
	});
	return [
		...(withContact
			? [
					field('Name', 'Name', {
						required: true,
						description: 'Name of the person the parcel goes to',
					}),
				]
			: []),
		field('Address Line 1', 'AddressLine1', {
			required: true,
			placeholder: 'e.g. Stadhuisplein',
			description: 'Street, with or without the house number',
		}),
		field('House Number', 'HouseNumber'),
		field('Postal Code', 'PostalCode', { required: true }),
		field('City', 'City', { required: true }),
		field('Country Code', 'CountryCode', {
			required: true,
			placeholder: 'e.g. NL',
			description: 'Two-letter ISO 3166-1 country code',
		}),
	];
}

const createOnly = showFor(['create']);
const createDefineBelow = showFor(['create'], { dataMode: ['defineBelow'] });

/** Format, resolution and paper size of a downloaded label or document. */
function documentOptions(
	operation: string,
	extraShow: Record<string, unknown[]> = {},
): INodeProperties {
	return {
		displayName: operation === 'create' ? 'Label Options' : 'Document Options',
		name: 'documentOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor([operation], extraShow),
		options: [
			{
				displayName: 'Format',
				name: 'format',
				type: 'options',
				default: 'pdf',
				options: Object.entries(DOCUMENT_FORMATS).map(([value, { name }]) => ({ name, value })),
				description:
					'File format. ZPL goes straight to thermal label printers (Zebra and compatible).',
			},
			{
				displayName: 'DPI',
				name: 'dpi',
				type: 'options',
				default: 300,
				options: [
					{ name: '150', value: 150 },
					{ name: '300', value: 300 },
				],
				description: 'Resolution of a PNG file (PDF is always 72 DPI; ZPL takes the printer’s own)',
				displayOptions: { show: { format: ['png'] } },
			},
			{
				displayName: 'Paper Size',
				name: 'paperSize',
				type: 'options',
				default: 'A6',
				options: PAPER_SIZES.map((size) => ({ name: size, value: size })),
				description: 'A6 for label printers, A4 to print labels on office paper',
			},
		],
	};
}

function binaryProperty(
	operation: string,
	extraShow: Record<string, unknown[]> = {},
): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: showFor([operation], extraShow),
	};
}

export const parcelOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['parcel'] } },
		default: 'create',
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a shipment',
				description: 'Cancel a shipment and its labels before the carrier has it',
				routing: viaV3({
					request: { method: 'POST', url: `${SHIPMENT_PATH}/cancel` },
					send: { preSend: [requireShipmentId] },
					output: { postReceive: [cancellationOutcome] },
				}),
			},
			{
				// Runs as the node's custom operation: it buys labels, which needs every answer judged.
				name: 'Create and Announce',
				value: 'create',
				action: 'Create and announce a shipment',
				description:
					'Create a shipment, announce it to the carrier and get its label (this buys the label)',
			},
			{
				// Custom operation too: files, and print batches that span items.
				name: 'Download Document',
				value: 'downloadDocument',
				action: 'Download a parcel document',
				description: 'Get a parcel’s label, customs declaration or air waybill as a file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a shipment',
				description: 'Get a shipment with its parcels, statuses and tracking',
				routing: viaV3({
					request: { method: 'GET', url: SHIPMENT_PATH },
					send: { preSend: [requireShipmentId] },
					output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many shipments',
				description: 'List shipments, with optional filters',
				routing: viaV3(
					{
						request: { method: 'GET', url: '/shipments' },
						send: { preSend: [setShipmentListQuery] },
					},
					true,
				),
			},
			{
				name: 'Get Return Portal URL',
				value: 'getReturnPortalUrl',
				action: 'Get the return portal URL of a shipment',
				description: 'Get the link where the recipient can start a return',
				routing: viaV3({
					request: { method: 'GET', url: `${SHIPMENT_PATH}/return-portal-url` },
					send: { preSend: [requireShipmentId] },
					output: {
						postReceive: [
							{
								type: 'set',
								properties: {
									value:
										'={{ { "shipment_id": String($parameter.shipmentId).trim(), "url": $response.body.data.url } }}',
								},
							},
						],
					},
				}),
			},
			{
				name: 'Validate Address',
				value: 'validateAddress',
				action: 'Validate an address',
				description: 'Check an address for a carrier, with suggested corrections',
				routing: viaV3({
					request: {
						method: 'POST',
						url: '/addresses/validate',
						body: {
							carrier_code: '={{ $parameter.carrierCode.trim() }}',
							address:
								'={{ Object.fromEntries(Object.entries({ "address_line_1": $parameter.addressAddressLine1, "house_number": $parameter.addressHouseNumber, "postal_code": $parameter.addressPostalCode, "city": $parameter.addressCity, "country_code": $parameter.addressCountryCode.trim().toUpperCase() }).filter(([, v]) => v !== "")) }}',
						},
					},
				}),
			},
		],
	},
];

export const parcelFields: INodeProperties[] = [
	// ---- Create and Announce
	{
		displayName: 'Input Data',
		name: 'dataMode',
		type: 'options',
		default: 'defineBelow',
		displayOptions: createOnly,
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
		displayOptions: createOnly,
		description:
			'Whether Sendcloud’s shipping rules choose or change the shipping option, weight and more',
	},
	{
		displayName: 'External Reference ID',
		name: 'externalReferenceId',
		type: 'string',
		default: '',
		displayOptions: createOnly,
		placeholder: 'e.g. {{ $json.order_id }}',
		description:
			'Your unique reference of this shipment, such as the shop order ID. Sendcloud refuses a second shipment with the same reference and returns the first one, so the node can repeat a request whose answer was lost without buying a second label. Empty: a reference derived from the shipment (a hash of what is asked for), the same when the same input is run again, so a re-run returns the shipments already bought. Two identical shipments are then one purchase: give each its own reference to buy two identical labels.',
	},
	...addressFields('recipient', createDefineBelow, true),
	{
		displayName: 'Sender',
		name: 'senderType',
		type: 'options',
		default: 'senderAddressId',
		displayOptions: createDefineBelow,
		options: [
			{
				name: 'Sender Address ID',
				value: 'senderAddressId',
				description: 'A sender address saved in the Sendcloud panel',
			},
			{ name: 'Address', value: 'address', description: 'A full address given here' },
		],
	},
	{
		displayName: 'Sender Address ID',
		name: 'senderAddressId',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 1 },
		displayOptions: showFor(['create'], {
			dataMode: ['defineBelow'],
			senderType: ['senderAddressId'],
		}),
		description: 'ID of a sender address from Sendcloud’s Settings → Addresses',
	},
	{
		displayName: 'Sender Company or Name',
		name: 'senderName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor(['create'], { dataMode: ['defineBelow'], senderType: ['address'] }),
	},
	...addressFields(
		'sender',
		showFor(['create'], { dataMode: ['defineBelow'], senderType: ['address'] }),
		false,
	),
	{
		displayName: 'Shipping Option Code',
		name: 'shippingOptionCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. postnl:standard',
		displayOptions: createDefineBelow,
		description:
			'Carrier and service, as Sendcloud’s shipping options name them. Required unless shipping rules choose it.',
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		displayOptions: createDefineBelow,
		description: 'Order number as the shop shows it; printed on some labels',
	},
	{
		displayName: 'Parcels',
		name: 'parcels',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: { parcel: [{ weight: 1 }] },
		placeholder: 'Add Parcel',
		displayOptions: createDefineBelow,
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
		displayOptions: createDefineBelow,
		options: [
			{
				displayName: 'Contract ID',
				name: 'contractId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description: 'The carrier contract to use; the carrier’s default otherwise',
			},
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
		displayOptions: createOnly,
		description:
			'Whether to add the label file (every parcel of the shipment in one file) to the output item; off returns JSON only',
	},
	binaryProperty('create', { downloadLabel: [true] }),
	documentOptions('create', { downloadLabel: [true] }),

	// ---- Download Document
	{
		displayName: 'Mode',
		name: 'documentMode',
		type: 'options',
		default: 'perParcel',
		displayOptions: showFor(['downloadDocument']),
		options: [
			{
				name: 'One File per Item',
				value: 'perParcel',
				description: 'Each input item gets the document of its parcel',
			},
			{
				name: 'Print Batch',
				value: 'printBatch',
				description:
					'The documents of all input items’ parcels in as few files as possible (up to 20 parcels each)',
			},
		],
	},
	{
		displayName: 'Parcel ID',
		name: 'parcelId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 400000001',
		displayOptions: showFor(['downloadDocument']),
		description:
			'Sendcloud’s number of the parcel, as a shipment lists it under its parcels; in a print batch, a comma-separated list is welcome too',
	},
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		default: 'label',
		displayOptions: showFor(['downloadDocument']),
		options: [
			{ name: 'Label', value: 'label' },
			{ name: 'Customs Declaration', value: 'customs-declaration' },
			{ name: 'Air Waybill', value: 'air-waybill' },
		],
	},
	binaryProperty('downloadDocument'),
	documentOptions('downloadDocument'),

	// ---- Get, Cancel, Return portal
	{
		displayName: 'Shipment ID',
		name: 'shipmentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor(['get', 'cancel', 'getReturnPortalUrl']),
		description: 'Sendcloud’s ID of the shipment, as Create and Announce and Get Many return it',
	},

	// ---- Get Many
	...returnAllAndLimit(showFor(['getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(['getAll']),
		options: [
			{ displayName: 'Announced After', name: 'announcedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Announced Before', name: 'announcedBefore', type: 'dateTime', default: '' },
			{
				displayName: 'External Reference ID',
				name: 'externalReferenceId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Integration ID',
				name: 'integrationId',
				type: 'string',
				default: '',
				description: 'Only shipments of this shop integration',
			},
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '' },
			{
				displayName: 'Parcel IDs',
				name: 'parcelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234,5678',
				description: 'Comma-separated, at most 100',
			},
			{
				displayName: 'Parcel Status',
				name: 'parcelStatus',
				type: 'string',
				default: '',
				placeholder: 'e.g. READY_TO_SEND',
				description: 'A status code such as READY_TO_SEND, EN_ROUTE_TO_SORTING_CENTER or DELIVERED',
			},
			{
				displayName: 'Shipment IDs',
				name: 'shipmentIds',
				type: 'string',
				default: '',
				description: 'Comma-separated, at most 100',
			},
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: showFor(['getAll', 'get']),
		description:
			'Whether to return only the main fields (IDs, recipient, carrier, parcels with status and tracking) instead of everything',
		routing: {
			output: {
				postReceive: [
					async function (
						this: IExecuteSingleFunctions,
						items: INodeExecutionData[],
					): Promise<INodeExecutionData[]> {
						if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
						return items.map((item) => ({ ...item, json: simplifyShipment(item.json) }));
					},
				],
			},
		},
	},

	// ---- Validate Address
	{
		displayName: 'Carrier Code',
		name: 'carrierCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. postnl',
		displayOptions: showFor(['validateAddress']),
		description: 'The carrier whose rules the address is checked against',
	},
	...addressFields('address', showFor(['validateAddress']), false),
];
