import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { malformedAnswer } from '../../../shared/transport';
import { websiteIdLocator } from '../../helpers/website';
import { dataFastApiRequest } from '../../transport';

/** Provider keys in DataFast's answer, and the names users see for them. */
const PAYMENT_PROVIDERS: Array<[key: string, field: string]> = [
	['stripe', 'stripe'],
	['lemonsqueezy', 'lemonSqueezy'],
	['polar', 'polar'],
	['paddle', 'paddle'],
	['shopify', 'shopify'],
	['woocommerce', 'wooCommerce'],
];

const isConnected = (status: IDataObject, key: string) =>
	(status[key] as IDataObject | undefined)?.connected === true;

/** One flat record: a connected flag per provider, Paddle's key expiry, the currency, the connected providers. */
function simplify(status: IDataObject): IDataObject {
	return {
		...Object.fromEntries(
			PAYMENT_PROVIDERS.map(([key, field]) => [field, isConnected(status, key)]),
		),
		paddleKeyExpiresAt: (status.paddle as IDataObject | undefined)?.keyExpiresAt ?? null,
		currency: status.currency ?? null,
		connectedProviders: PAYMENT_PROVIDERS.filter(([key]) => isConnected(status, key)).map(
			([, field]) => field,
		),
	};
}

/** The website ID item `itemIndex` names, checked before it becomes part of a path. */
function websiteIdAt(ctx: IExecuteFunctions, itemIndex: number): string {
	const websiteId = String(
		ctx.getNodeParameter('websiteId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z0-9_-]+$/.test(websiteId)) {
		throw new NodeOperationError(ctx.getNode(), `"${websiteId}" is not a DataFast website ID`, {
			itemIndex,
			description:
				'Pick the website from the list, or copy its ID (a 24-character ObjectId) from the website settings in DataFast.',
		});
	}
	return websiteId;
}

export const getStatus: Operation = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get payment provider connection status',
		description:
			'Which payment providers (Stripe, Lemon Squeezy, Polar, Paddle, Shopify, WooCommerce) a website has connected, with its currency and when its Paddle key expires',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['paymentIntegration'], operation: ['getStatus'] } },
		[
			websiteIdLocator(),
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return one flat item with a connected flag per provider and a list of connected providers, instead of the raw answer',
			},
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const websiteId = websiteIdAt(this, i);
			const answer = await dataFastApiRequest.call(
				this,
				'GET',
				`/admin/websites/${encodeURIComponent(websiteId)}/integrations`,
				{
					itemIndex: i,
					check: (body) => {
						if (!Array.isArray((body as IDataObject | null)?.data))
							throw malformedAnswer(this.getNode(), 'The answer has no "data" list');
					},
				},
			);
			const statuses = answer.data as IDataObject[];
			return this.getNodeParameter('simplify', i, true) ? statuses.map(simplify) : statuses;
		});
	},
};
