import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_FROM_CREDENTIALS } from '../nodes/shared/baseUrl';

/** An ObjectId no website has: the answer tells a valid token (403/404) from an invalid one (401). */
const PROBE_WEBSITE_ID = '000000000000000000000000';

/**
 * How the token test reads DataFast's answer. DataFast has no endpoint that needs only a token,
 * so the test asks for a website no one has, with HTTP errors let through: every answer then
 * reaches these rules, and DataFast's documented error body (`{status: "error", error: {code,
 * message}}`) carries the status. 403 (no access to that website) and 404 (no such website)
 * mean the token was accepted, so no rule matches them; 401 means it was not; any other status
 * and any answer that is not DataFast's JSON (a wrong API Base URL, a proxy's error page) is
 * named. n8n applies the first rule whose `key` has the `value` in the answer's body.
 */
const tokenTestRules: IAuthenticateRuleResponseSuccessBody[] = [
	{
		type: 'responseSuccessBody',
		properties: { key: 'error.code', value: 401, message: 'DataFast did not accept the token' },
	},
	...Array.from({ length: 200 }, (_, i) => 400 + i)
		.filter((status) => status !== 401 && status !== 403 && status !== 404)
		.map((status): IAuthenticateRuleResponseSuccessBody => ({
			type: 'responseSuccessBody',
			properties: {
				key: 'error.code',
				value: status,
				message: `Could not check the token: HTTP ${status}`,
			},
		})),
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status',
			value: undefined,
			message:
				'Could not check the token: the answer did not come from the DataFast API (check the API Base URL)',
		},
	},
];

export class DataFastApi implements ICredentialType {
	name = 'dataFastApi';

	displayName = 'DataFast API';

	icon: Icon = { light: 'file:datafast.svg', dark: 'file:datafast.dark.svg' };

	documentationUrl = 'https://datafa.st/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'Account Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'dft_…',
			description:
				'A DataFast account token (starts with dft_). Reading payment integrations needs the settings:read permission.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://datafa.st/api/v1',
			description: 'Change only to go through a proxy or to test against a sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_FROM_CREDENTIALS,
			url: `/admin/websites/${PROBE_WEBSITE_ID}/integrations`,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			// n8n-core would send the token to any host a redirect names: its 3xx then meets the last rule.
			disableFollowRedirect: true,
		},
		rules: tokenTestRules,
	};
}
