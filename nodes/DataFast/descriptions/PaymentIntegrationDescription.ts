import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { viaTransport } from '../../shared/transport';

const showFor = (operation: string[]) => ({
	show: { resource: ['paymentIntegration'], operation },
});

/** Provider keys in DataFast's answer, and the names users see for them. */
export const PAYMENT_PROVIDERS: Array<[key: string, field: string]> = [
	['stripe', 'stripe'],
	['lemonsqueezy', 'lemonSqueezy'],
	['polar', 'polar'],
	['paddle', 'paddle'],
	['shopify', 'shopify'],
	['woocommerce', 'wooCommerce'],
];

async function validateWebsiteId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const websiteId = String(this.getNodeParameter('websiteId', '')).trim();
	if (!/^[A-Za-z0-9_-]+$/.test(websiteId)) {
		throw new NodeOperationError(this.getNode(), `"${websiteId}" is not a DataFast website ID`, {
			itemIndex: this.getItemIndex(),
			description:
				'Copy the website ID (a 24-character ObjectId) from the website settings in DataFast.',
		});
	}
	return requestOptions;
}

const simplified: Record<string, string> = Object.fromEntries([
	...PAYMENT_PROVIDERS.map(([key, field]) => [
		field,
		`={{ $responseItem.${key}?.connected === true }}`,
	]),
	['paddleKeyExpiresAt', '={{ $responseItem.paddle?.keyExpiresAt ?? null }}'],
	['currency', '={{ $responseItem.currency ?? null }}'],
	[
		'connectedProviders',
		`={{ ${JSON.stringify(PAYMENT_PROVIDERS)}.filter(([key]) => $responseItem[key]?.connected === true).map(([, field]) => field) }}`,
	],
]);

export const paymentIntegrationOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentIntegration'] } },
		default: 'getStatus',
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get payment provider connection status',
				description:
					'Which payment providers (Stripe, Lemon Squeezy, Polar, Paddle, Shopify, WooCommerce) a website has connected',
				routing: viaTransport({
					request: {
						method: 'GET',
						url: '=/admin/websites/{{ encodeURIComponent(String($parameter.websiteId).trim()) }}/integrations',
					},
					send: { preSend: [validateWebsiteId] },
					output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
				}),
			},
		],
	},
];

export const paymentIntegrationFields: INodeProperties[] = [
	{
		displayName: 'Website ID',
		name: 'websiteId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 66f1c0ffee0123456789abcd',
		description: 'ObjectId of the website in DataFast; the token must have access to it',
		displayOptions: showFor(['getStatus']),
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one flat item with a connected flag per provider and a list of connected providers, instead of the raw answer',
		displayOptions: showFor(['getStatus']),
		routing: {
			output: {
				postReceive: [{ type: 'setKeyValue', enabled: '={{$value}}', properties: simplified }],
			},
		},
	},
];
