import { type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import {
	integrationLogFields,
	integrationLogOperations,
} from '../descriptions/IntegrationLogDescription';
import { shipmentFields, shipmentOperations } from '../descriptions/ShipmentDescription';
import { authenticationProperty, sendcloudCredentials } from '../helpers/fields';
import { integrationProperties } from './integration/Integration.resource';
import { parcelProperties } from './parcel/Parcel.resource';

export const sendcloudDescription: INodeTypeDescription = {
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
		...integrationProperties,
		...integrationLogOperations,
		...integrationLogFields,
		...shipmentOperations,
		...shipmentFields,
		...parcelProperties,
	],
};
