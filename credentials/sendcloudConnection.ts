import type { INodeProperties } from 'n8n-workflow';

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
