import { type INodeType, type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import {
	paymentIntegrationFields,
	paymentIntegrationOperations,
} from './descriptions/PaymentIntegrationDescription';
import { BASE_URL_FROM_CREDENTIALS } from '../shared/baseUrl';
import { sendToDataFast } from './transport';

export class DataFast implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DataFast',
		name: 'dataFast',
		icon: { light: 'file:datafast.svg', dark: 'file:datafast.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read payment provider connections of a DataFast website',
		defaults: { name: 'DataFast' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dataFastApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_FROM_CREDENTIALS,
			headers: { Accept: 'application/json' },
			json: true,
		},
		requestOperations: { pagination: sendToDataFast },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Payment Integration', value: 'paymentIntegration' }],
				default: 'paymentIntegration',
			},
			...paymentIntegrationOperations,
			...paymentIntegrationFields,
		],
	};
}
