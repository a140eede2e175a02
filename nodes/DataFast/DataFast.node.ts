import {
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	paymentIntegrationFields,
	paymentIntegrationOperations,
} from './descriptions/PaymentIntegrationDescription';
import { BASE_URL_FROM_CREDENTIALS, trimBaseUrl } from '../shared/baseUrl';
import { sendToDataFast } from './transport';

/** An ObjectId no website has: the answer tells a valid token (403/404) from an invalid one (401). */
const PROBE_WEBSITE_ID = '000000000000000000000000';

export class DataFast implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DataFast',
		name: 'dataFast',
		icon: 'file:datafast.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read payment provider connections of a DataFast website',
		defaults: { name: 'DataFast' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'dataFastApi', required: true, testedBy: 'dataFastTokenTest' }],
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

	methods = {
		credentialTest: {
			// DataFast has no endpoint that needs only a token, so a website no one has is asked for.
			async dataFastTokenTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				const baseUrl = trimBaseUrl(data.baseUrl);
				try {
					// Credential test functions get only `request` from n8n (no httpRequest).
					// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
					await this.helpers.request({
						method: 'GET',
						uri: `${baseUrl}/admin/websites/${PROBE_WEBSITE_ID}/integrations`,
						headers: { Authorization: `Bearer ${String(data.apiToken ?? '')}` },
						json: true,
					});
				} catch (error) {
					const status = (error as { statusCode?: number }).statusCode;
					if (status === 403 || status === 404) return { status: 'OK', message: 'Connection successful!' };
					if (status === 401) return { status: 'Error', message: 'DataFast did not accept the token' };
					return {
						status: 'Error',
						message: `Could not check the token: ${status ? `HTTP ${status}` : 'DataFast could not be reached'}`,
					};
				}
				return { status: 'OK', message: 'Connection successful!' };
			},
		},
	};
}
