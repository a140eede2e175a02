import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_FROM_CREDENTIALS } from '../nodes/shared/baseUrl';

/** Whether the credential holds a website key (df_): its Token Type, or else the token's prefix. */
const IS_WEBSITE_KEY =
	"$credentials.kind === 'websiteKey' || ($credentials.kind !== 'accountToken' && String($credentials.apiToken).trim().startsWith('df_'))";

/**
 * How the token test reads DataFast's answer. A website key (df_) reads its website's metadata
 * (`GET /analytics/metadata`, no websiteId); an account token (dft_) lists the websites it may reach
 * (`GET /admin/websites`, websites:read, which the node's Website list needs too). HTTP errors are
 * let through, so every answer reaches these rules, and DataFast's documented error body
 * (`{status: "error", error: {code, message}}`) carries the status. n8n applies the first rule whose
 * `key` has the `value` in the answer's body; none matching means the token works.
 */
const tokenTestRules: IAuthenticateRuleResponseSuccessBody[] = [
	// Every DataFast answer has a status ("success" or "error"): one without is from something else.
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status',
			value: undefined,
			message:
				'Could not check the token: the answer did not come from the DataFast API (check the API Base URL)',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error.code',
			value: 401,
			message:
				'DataFast did not accept the token: it is wrong or revoked, or Token Type names the other kind (df_ website key, dft_ account token)',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error.code',
			value: 403,
			message:
				"DataFast accepted the token but refused: an account token (dft_) needs the websites:read permission (to list its websites); for a website key (df_), its website's tracking may be suspended",
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error.code',
			value: 404,
			message: 'DataFast accepted the key, but its website no longer exists',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'data.length',
			value: 0,
			message:
				'DataFast accepted the account token, but it has access to no website: give it access to a website in DataFast',
		},
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
];

export class DataFastApi implements ICredentialType {
	name = 'dataFastApi';

	displayName = 'DataFast API';

	icon: Icon = { light: 'file:datafast.svg', dark: 'file:datafast.dark.svg' };

	documentationUrl = 'https://datafa.st/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'df_… or dft_…',
			description:
				"A website API key (df_…, from the website's Settings > API: one website) or an account token (dft_…: websites it may reach, with permissions such as analytics:read, payments:write, websites:read)",
		},
		{
			displayName: 'Token Type',
			name: 'kind',
			type: 'options',
			options: [
				{
					name: 'Auto-Detect From the Prefix',
					value: 'auto',
					description: 'Df_ is a website API key, anything else an account token',
				},
				{
					name: 'Website API Key (Df_)',
					value: 'websiteKey',
					description: 'Bound to one website: no Website to choose in the node',
				},
				{
					name: 'Account Token (Dft_)',
					value: 'accountToken',
					description: 'Choose the Website in the node; needs the permissions of each operation',
				},
			],
			default: 'auto',
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
			url: `={{ (${IS_WEBSITE_KEY}) ? '/analytics/metadata' : '/admin/websites' }}`,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			// n8n-core would send the token to any host a redirect names: its 3xx then meets the last rule.
			disableFollowRedirect: true,
		},
		rules: tokenTestRules,
	};
}
