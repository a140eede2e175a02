import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { BASE_URL_FROM_CREDENTIALS } from '../shared/baseUrl';
import { authenticationProperty, sendcloudCredentials } from './descriptions/common';
import { integrationFields, integrationOperations } from './descriptions/IntegrationDescription';
import {
	integrationLogFields,
	integrationLogOperations,
} from './descriptions/IntegrationLogDescription';
import { parcelFields, parcelOperations } from './descriptions/ParcelDescription';
import { shipmentFields, shipmentOperations } from './descriptions/ShipmentDescription';
import { searchIntegrations } from './methods/listSearch';
import { createShipments, downloadDocuments } from './actions/labels';
import { listOrders } from './actions/listOrders';
import { upsertShipments } from './actions/upsertShipments';
import { sendToSendcloud } from './transport';

export class Sendcloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendcloud',
		name: 'sendcloud',
		icon: { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create shipping labels, track parcels, and manage Sendcloud shop integrations, their orders and exception logs',
		defaults: { name: 'Sendcloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: sendcloudCredentials,
		requestDefaults: {
			baseURL: BASE_URL_FROM_CREDENTIALS,
			headers: { Accept: 'application/json' },
			json: true,
			// The spec's list parameters are exploded: ?external_order_ids=a&external_order_ids=b
			arrayFormat: 'repeat',
		},
		requestOperations: { pagination: sendToSendcloud },
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Integration', value: 'integration' },
					{ name: 'Integration Exception Log', value: 'integrationLog' },
					{ name: 'Order (Shipment)', value: 'shipment' },
					{ name: 'Parcel & Label', value: 'parcel' },
				],
				default: 'integration',
			},
			...integrationOperations,
			...integrationFields,
			...integrationLogOperations,
			...integrationLogFields,
			...shipmentOperations,
			...shipmentFields,
			...parcelOperations,
			...parcelFields,
		],
	};

	methods = {
		listSearch: { searchIntegrations },
	};

	customOperations = {
		shipment: { upsert: upsertShipments, getAll: listOrders },
		parcel: { create: createShipments, downloadDocument: downloadDocuments },
	};
}
