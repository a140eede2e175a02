import type { INodeProperties } from 'n8n-workflow';

import { analyticsProperties } from './analytics/Analytics.resource';
import { funnelProperties } from './funnel/Funnel.resource';
import { goalProperties } from './goal/Goal.resource';
import { paymentProperties } from './payment/Payment.resource';
import { paymentIntegrationProperties } from './paymentIntegration/PaymentIntegration.resource';
import { userProperties } from './user/User.resource';
import { visitorProperties } from './visitor/Visitor.resource';
import { websiteProperties } from './website/Website.resource';

/** The node's parameters: its resources and their operations' fields. */
export const dataFastProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Analytics', value: 'analytics' },
			{ name: 'Funnel', value: 'funnel' },
			{ name: 'Goal', value: 'goal' },
			{ name: 'Payment', value: 'payment' },
			{ name: 'Payment Integration', value: 'paymentIntegration' },
			{ name: 'User', value: 'user' },
			{ name: 'Visitor', value: 'visitor' },
			{ name: 'Website', value: 'website' },
		],
		// Saved nodes from before these resources have no resource stored: they stay on Payment Integration.
		default: 'paymentIntegration',
	},
	...analyticsProperties,
	...funnelProperties,
	...goalProperties,
	...paymentProperties,
	...paymentIntegrationProperties,
	...userProperties,
	...visitorProperties,
	...websiteProperties,
];
