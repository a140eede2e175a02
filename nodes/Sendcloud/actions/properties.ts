import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../helpers/fields';
import { integrationProperties } from './integration/Integration.resource';
import { integrationLogProperties } from './integrationLog/IntegrationLog.resource';
import { orderProperties } from './order/Order.resource';
import { parcelProperties } from './parcel/Parcel.resource';
import { pickupProperties } from './pickup/Pickup.resource';
import { servicePointProperties } from './servicePoint/ServicePoint.resource';

/** The node's fields: how it authenticates, the resource, and each resource's operations and their fields. */
export const sendcloudProperties: INodeProperties[] = [
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
			{ name: 'Pickup', value: 'pickup' },
			{ name: 'Service Point', value: 'servicePoint' },
		],
		default: 'integration',
	},
	...integrationProperties,
	...integrationLogProperties,
	...orderProperties,
	...parcelProperties,
	...pickupProperties,
	...servicePointProperties,
];
