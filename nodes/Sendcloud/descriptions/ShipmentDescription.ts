import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { viaTransport } from '../../shared/transport';
import { CURRENCIES, DEFAULT_CUSTOMS_SHIPMENT_TYPE } from '../actions/order/prepare';
import {
	INTEGRATION_PATH,
	integrationIdLocator,
	returnAllAndLimit,
	validateIntegrationId,
} from '../helpers/fields';

const showFor = (operation: string[], extra: Record<string, unknown[]> = {}) => ({
	show: { resource: ['shipment'], operation, ...extra },
});

async function setDeleteBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await validateIntegrationId.call(this, requestOptions);
	const deleteBy = this.getNodeParameter('deleteBy', 'shipmentUuid') as string;
	if (deleteBy === 'shipmentUuid') {
		const uuid = String(this.getNodeParameter('shipmentUuid', '')).trim();
		if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uuid)) {
			throw new NodeOperationError(this.getNode(), `"${uuid}" is not a shipment UUID`, {
				itemIndex: this.getItemIndex(),
			});
		}
		requestOptions.body = { shipment_uuid: uuid };
	} else {
		const externalOrderId = String(this.getNodeParameter('externalOrderId', '')).trim();
		if (!externalOrderId) {
			throw new NodeOperationError(
				this.getNode(),
				'An external order ID is needed to find the order',
				{ itemIndex: this.getItemIndex() },
			);
		}
		requestOptions.body = {
			external_order_id: externalOrderId,
			// Orders that are not split have no shipment ID: the API takes it as an empty text here.
			external_shipment_id: String(this.getNodeParameter('externalShipmentId', '') ?? '').trim(),
		};
	}
	return requestOptions;
}

export const shipmentOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shipment'] } },
		default: 'upsert',
		options: [
			{
				// Runs as the node's custom operation: it needs every input item at once to batch them.
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update orders',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an order',
				description:
					'Remove an order from Sendcloud, for example when it was cancelled in the shop',
				routing: viaTransport({
					request: { method: 'POST', url: `${INTEGRATION_PATH}/shipments/delete` },
					send: { preSend: [setDeleteBody] },
					output: {
						postReceive: [
							{
								type: 'set',
								properties: {
									value:
										'={{ Object.assign({ "deleted": true, "integration_id": Number(String($parameter.integrationId).trim()) }, $parameter.deleteBy === "shipmentUuid" ? { "shipment_uuid": String($parameter.shipmentUuid).trim() } : { "external_order_id": String($parameter.externalOrderId).trim(), "external_shipment_id": String($parameter.externalShipmentId ?? "").trim() || null }) }}',
								},
							},
						],
					},
				}),
			},
			{
				// Runs as the node's custom operation: n8n's router fails on lists of over about 120,000 orders.
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many orders',
				description: 'List the orders of an integration, newest first, with optional filters',
			},
		],
	},
];

const orderFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the recipient',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		description: 'Street of the recipient',
	},
	{ displayName: 'House Number', name: 'houseNumber', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '', required: true },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', required: true },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. NL',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Order number as the shop shows it',
	},
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		default: '',
		required: true,
		description:
			'ID of the order in the shop; with the external shipment ID it identifies the order for updates',
	},
	{
		displayName: 'External Shipment ID',
		name: 'externalShipmentId',
		type: 'string',
		default: '',
		description: 'ID of this shipment when the shop splits orders; leave empty otherwise',
	},
	{
		displayName: 'Created At',
		name: 'createdAt',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the order was placed in the shop',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		default: 'EUR',
		options: CURRENCIES.map((c) => ({ name: c, value: c })),
	},
	{
		displayName: 'Parcel Items',
		name: 'parcelItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parcel Item',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						required: true,
					},
					{
						displayName: 'HS Code',
						name: 'hsCode',
						type: 'string',
						default: '',
						description: 'Harmonized System code, for customs',
					},
					{
						displayName: 'Origin Country',
						name: 'originCountry',
						type: 'string',
						default: '',
						placeholder: 'e.g. NL',
					},
					{ displayName: 'Product ID', name: 'productId', type: 'string', default: '' },
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
					{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. 19.95',
						description: 'Price of one item',
					},
					{
						displayName: 'Weight (Kg)',
						name: 'weight',
						type: 'string',
						default: '',
						placeholder: 'e.g. 0.5',
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
		options: [
			{ displayName: 'Address Line 2', name: 'address2', type: 'string', default: '' },
			{
				displayName: 'Checkout Payload (JSON)',
				name: 'checkoutPayload',
				type: 'json',
				default: '',
				description:
					'The delivery the customer chose at checkout: sender_address_id, shipping_product and delivery_method_type are required',
			},
			{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
			{
				displayName: 'Customs Details (JSON)',
				name: 'customsDetails',
				type: 'json',
				default: '',
				description:
					'Discount, insurance, freight and other costs, and tax numbers of sender, receiver and importer',
			},
			{
				displayName: 'Customs Invoice Number',
				name: 'customsInvoiceNr',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Customs Shipment Type',
				name: 'customsShipmentType',
				type: 'options',
				default: DEFAULT_CUSTOMS_SHIPMENT_TYPE,
				description: 'The API requires a type; orders that give none are sent as Commercial Goods',
				options: [
					{ name: 'Commercial Goods', value: 2 },
					{ name: 'Commercial Sample', value: 3 },
					{ name: 'Documents', value: 1 },
					{ name: 'Gift', value: 0 },
					{ name: 'Returned Goods', value: 4 },
				],
			},
			{ displayName: 'Height (Cm)', name: 'height', type: 'string', default: '' },
			{ displayName: 'Length (Cm)', name: 'length', type: 'string', default: '' },
			{
				displayName: 'Order Status',
				name: 'orderStatus',
				type: 'string',
				default: '',
				placeholder: 'e.g. processing',
				description: 'Status of the order in the shop',
			},
			{
				displayName: 'Payment Status',
				name: 'paymentStatus',
				type: 'string',
				default: '',
				placeholder: 'e.g. paid',
				description: 'Payment status of the order in the shop',
			},
			{
				displayName: 'Shipping Method Checkout Name',
				name: 'shippingMethodCheckoutName',
				type: 'string',
				default: '',
				description: 'Shipping method the customer chose, up to 100 characters',
			},
			{
				displayName: 'Shipping Method ID',
				name: 'shippingMethod',
				type: 'number',
				default: 0,
				description: 'Sendcloud shipping method to use',
			},
			{
				displayName: 'State',
				name: 'toState',
				type: 'string',
				default: '',
				description: 'State or province code, where the country uses them',
			},
			{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
			{
				displayName: 'To Post Number',
				name: 'toPostNumber',
				type: 'string',
				default: '',
				description: 'Post number of the recipient (DHL Packstation)',
			},
			{ displayName: 'To Service Point ID', name: 'toServicePoint', type: 'number', default: 0 },
			{
				displayName: 'Total Order Value',
				name: 'totalOrderValue',
				type: 'string',
				default: '',
				placeholder: 'e.g. 59.90',
			},
			{
				displayName: 'Updated At',
				name: 'updatedAt',
				type: 'dateTime',
				default: '',
				description:
					'When the order last changed in the shop; Sendcloud updates an order only when this changes. Defaults to Created At.',
			},
			{
				displayName: 'Weight (Kg)',
				name: 'weight',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1.25',
			},
			{ displayName: 'Width (Cm)', name: 'width', type: 'string', default: '' },
		],
	},
];

export const shipmentFields: INodeProperties[] = [
	integrationIdLocator(showFor(['getAll', 'upsert', 'delete'])),
	...returnAllAndLimit(showFor(['getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(['getAll']),
		options: [
			{
				displayName: 'Apply Shipping Rules',
				name: 'shippingRules',
				type: 'boolean',
				default: false,
				description:
					'Whether to apply the account’s shipping rules, which changes the allowed shipping methods',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders up to this day, included (defaults to today)',
			},
			{
				displayName: 'External Order IDs',
				name: 'externalOrderIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1001, 1002',
				description: 'Comma-separated list, or a list from an expression',
			},
			{
				displayName: 'External Shipment IDs',
				name: 'externalShipmentIds',
				type: 'string',
				default: '',
				description: 'Comma-separated list, or a list from an expression',
			},
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '' },
			{
				displayName: 'Sender Address ID',
				name: 'senderAddress',
				type: 'number',
				default: 0,
				description: 'Sender address used to work out the allowed shipping methods',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders from this day, included (defaults to one year ago)',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: showFor(['getAll']),
		description:
			'Whether to return only the main fields of each order instead of everything (items, customs, checkout data)',
	},
	{
		displayName: 'Input Data',
		name: 'dataMode',
		type: 'options',
		default: 'autoMapInputData',
		displayOptions: showFor(['upsert']),
		options: [
			{
				name: 'Auto-Map Input Data',
				value: 'autoMapInputData',
				description:
					'Each input item is one order in the API’s field names (as Get Many returns them)',
			},
			{
				name: 'Define Below',
				value: 'defineBelow',
				description: 'Set the order’s fields here, with expressions',
			},
		],
	},
	...orderFields.map((field) => ({
		...field,
		displayOptions: showFor(['upsert'], { dataMode: ['defineBelow'] }),
	})),
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		default: 'shipmentUuid',
		displayOptions: showFor(['delete']),
		options: [
			{ name: 'Shipment UUID', value: 'shipmentUuid' },
			{ name: 'External Order and Shipment ID', value: 'externalIds' },
		],
	},
	{
		displayName: 'Shipment UUID',
		name: 'shipmentUuid',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor(['delete'], { deleteBy: ['shipmentUuid'] }),
		description: 'Sendcloud’s ID of the order',
	},
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showFor(['delete'], { deleteBy: ['externalIds'] }),
	},
	{
		displayName: 'External Shipment ID',
		name: 'externalShipmentId',
		type: 'string',
		default: '',
		displayOptions: showFor(['delete'], { deleteBy: ['externalIds'] }),
		description: 'Leave empty for orders the shop does not split',
	},
];
