import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../helpers/fields';
import { integrationProperties } from './integration/Integration.resource';
import { integrationLogProperties } from './integrationLog/IntegrationLog.resource';
import { orderProperties } from './order/Order.resource';
import { parcelProperties } from './parcel/Parcel.resource';
import { shippingOptionProperties } from './shippingOption/ShippingOption.resource';
import { brandProperties } from './brand/Brand.resource';
import { contractProperties } from './contract/Contract.resource';
import { parcelStatusProperties } from './parcelStatus/ParcelStatus.resource';
import { senderAddressProperties } from './senderAddress/SenderAddress.resource';
import { returnProperties } from './return/Return.resource';
import { trackingProperties } from './tracking/Tracking.resource';
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
			{ name: 'Brand', value: 'brand' },
			{ name: 'Contract', value: 'contract' },
			{ name: 'Integration', value: 'integration' },
			{ name: 'Integration Exception Log', value: 'integrationLog' },
			{ name: 'Order (Shipment)', value: 'shipment' },
			{ name: 'Parcel & Label', value: 'parcel' },
			{ name: 'Parcel Status', value: 'parcelStatus' },
			{ name: 'Pickup', value: 'pickup' },
			{ name: 'Return', value: 'return' },
			{ name: 'Sender Address', value: 'senderAddress' },
			{ name: 'Service Point', value: 'servicePoint' },
			{ name: 'Shipping Option', value: 'shippingOption' },
			{ name: 'Tracking', value: 'tracking' },
		],
		default: 'integration',
	},
	...integrationProperties,
	...integrationLogProperties,
	...orderProperties,
	...parcelProperties,
	...shippingOptionProperties,
	...brandProperties,
	...contractProperties,
	...parcelStatusProperties,
	...senderAddressProperties,
	...returnProperties,
	...trackingProperties,
	...pickupProperties,
	...servicePointProperties,
];
