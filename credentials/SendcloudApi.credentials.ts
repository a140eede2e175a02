import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_FROM_CREDENTIALS } from '../nodes/shared/baseUrl';
import {
	sendcloudConnectionProperties,
	sendcloudRedirectRules,
	webhookSignatureKeyProperty,
} from './sendcloudConnection';

export class SendcloudApi implements ICredentialType {
	name = 'sendcloudApi';

	displayName = 'Sendcloud API';

	icon: Icon = { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' };

	documentationUrl = 'https://sendcloud.dev/docs/getting-started/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'The public key of a Sendcloud API integration (Settings → Integrations → Sendcloud API)',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret key shown once when the API integration was created',
		},
		webhookSignatureKeyProperty(
			'Only for the Sendcloud Webhook Trigger, when the integration signs its webhooks with a key of its own (shown in the integration’s settings in the Sendcloud panel). Leave empty to verify with the Secret Key, as Sendcloud signs by default.',
		),
		...sendcloudConnectionProperties,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.publicKey}}',
				password: '={{$credentials.secretKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_FROM_CREDENTIALS,
			url: '/integrations',
			disableFollowRedirect: true,
		},
		// n8n shows only "Unauthorized" otherwise: say which fields to fix, and where to find them.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Sendcloud did not accept these keys. Copy the public and secret key of an API integration from the Sendcloud panel (Settings → Integrations → Sendcloud API), and check that the API Base URL ends in /api/v2.',
				},
			},
			...sendcloudRedirectRules,
		],
	};
}
