import type { IAuthenticateRuleResponseCode, INodeProperties } from 'n8n-workflow';

/** Fields both Sendcloud credentials share, so that either can point at a proxy or a sandbox. */
export const sendcloudConnectionProperties: INodeProperties[] = [
	{
		displayName: 'Partner ID',
		name: 'partnerId',
		type: 'string',
		default: '',
		description:
			'Your Sendcloud partner ID, sent as the Sendcloud-Partner-Id header. Sendcloud asks new v2 API users and official partners for it; leave empty if you have none.',
	},
	{
		displayName: 'API Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://panel.sendcloud.sc/api/v2',
		description: 'Change only to go through a proxy or to test against a sandbox',
	},
];

/**
 * The key the Sendcloud Webhook Trigger verifies deliveries with. In the credential, not the node: a node
 * parameter is saved in clear text with the workflow (exports, templates, history), and whoever reads the key can
 * forge events.
 */
export function webhookSignatureKeyProperty(description: string): INodeProperties {
	return {
		displayName: 'Webhook Signature Key',
		name: 'webhookSignatureKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description,
	};
}

/**
 * How a credential test treats a redirect. n8n-core would follow it and send the keys or the token
 * to any host it names, so the test does not follow it (`disableFollowRedirect`) and n8n's request
 * fails with the 3xx, which these rules name.
 */
export const sendcloudRedirectRules: IAuthenticateRuleResponseCode[] = [
	301, 302, 303, 307, 308,
].map((status) => ({
	type: 'responseCode',
	properties: {
		value: status,
		message: `Sendcloud answered with a redirect (HTTP ${status}), which was not followed so that the credentials go nowhere else: check that the API Base URL is the API's own address (https://panel.sendcloud.sc/api/v2, or your proxy's, without a redirect)`,
	},
}));
