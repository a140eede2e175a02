import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { BASE_URL_FROM_CREDENTIALS } from '../nodes/shared/baseUrl';
import {
	sendcloudConnectionProperties,
	sendcloudRedirectRules,
	webhookSignatureKeyProperty,
} from './sendcloudConnection';

export class SendcloudOAuth2Api implements ICredentialType {
	name = 'sendcloudOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Sendcloud OAuth2 API';

	icon: Icon = { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' };

	documentationUrl = 'https://sendcloud.dev/docs/getting-started/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://account.sendcloud.com/oauth2/token/',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'api',
		},
		{
			// Sendcloud's token endpoint expects the client ID and secret in a Basic header.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		webhookSignatureKeyProperty(
			'Needed only by the Sendcloud Webhook Trigger: the key the integration signs its webhooks with, shown in the integration’s settings in the Sendcloud panel. OAuth2 clients have no secret key that Sendcloud signs with.',
		),
		...sendcloudConnectionProperties,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_FROM_CREDENTIALS,
			url: '/integrations',
			disableFollowRedirect: true,
		},
		rules: sendcloudRedirectRules,
	};
}
