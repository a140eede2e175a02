import type { INodeProperties } from 'n8n-workflow';

import { paymentIntegrationProperties } from './paymentIntegration/PaymentIntegration.resource';

/** The node's parameters: its resources and their operations' fields. */
export const dataFastProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Payment Integration', value: 'paymentIntegration' }],
		default: 'paymentIntegration',
	},
	...paymentIntegrationProperties,
];
