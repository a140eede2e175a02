import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { malformedAnswer } from '../shared/transport';
import { websiteIdLocator } from './helpers/website';
import { searchWebsites } from './methods/listSearch';
import { dataFastApiRequest } from './transport';
import { checkPaddleKey, type PaddleKeyWatchState, paddleKeyEvent } from './trigger/paddleKeyWatch';
import {
	checkProviders,
	type ProviderEvent,
	providerSample,
	type ProviderWatchState,
} from './trigger/providerWatch';

const PROVIDER_EVENTS: Record<string, ProviderEvent> = {
	providerDisconnected: 'disconnected',
	providerReconnected: 'reconnected',
};

/** The website ID parameter, checked before it becomes part of a path (as the DataFast node does). */
function websiteIdOf(ctx: IPollFunctions): string {
	const websiteId = String(
		ctx.getNodeParameter('websiteId', '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z0-9_-]+$/.test(websiteId)) {
		throw new NodeOperationError(ctx.getNode(), `"${websiteId}" is not a DataFast website ID`, {
			description:
				'Pick the website from the list, or copy its ID (a 24-character ObjectId) from the website settings in DataFast.',
		});
	}
	return websiteId;
}

/** The website's payment integrations: one GET, the same the DataFast node's Get Status sends. */
async function integrationsOf(ctx: IPollFunctions, websiteId: string): Promise<IDataObject> {
	const answer = await dataFastApiRequest.call(
		ctx,
		'GET',
		`/admin/websites/${encodeURIComponent(websiteId)}/integrations`,
		{
			check: (body) => {
				const data = (body as IDataObject | null)?.data;
				const first = Array.isArray(data) ? (data[0] as unknown) : undefined;
				if (typeof first !== 'object' || first === null || Array.isArray(first))
					throw malformedAnswer(ctx.getNode(), 'The answer has no integration status in "data"');
			},
		},
	);
	return (answer.data as IDataObject[])[0];
}

// A polling trigger starts workflows on its own schedule; it cannot serve as an AI agent's tool,
// so it has no usableAsTool.
export class DataFastTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DataFast Trigger',
		name: 'dataFastTrigger',
		icon: { light: 'file:datafast.svg', dark: 'file:datafast.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"providerDisconnected": "Payment Provider Disconnected", "providerReconnected": "Payment Provider Reconnected", "paddleKeyExpiring": "Paddle Key Expiring"}[$parameter["event"]] }}',
		description:
			"Starts the workflow when a DataFast website's payment provider disconnects or reconnects, or its Paddle API key nears expiry",
		defaults: { name: 'DataFast Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dataFastApi', required: true }],
		properties: [
			websiteIdLocator(),
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				default: 'providerDisconnected',
				options: [
					{
						name: 'Payment Provider Disconnected',
						value: 'providerDisconnected',
						description: 'A payment provider that was connected is no longer connected',
					},
					{
						name: 'Payment Provider Reconnected',
						value: 'providerReconnected',
						description:
							'A payment provider that was not connected is connected now (again, or for the first time)',
					},
					{
						name: 'Paddle Key Expiring',
						value: 'paddleKeyExpiring',
						description:
							"The Paddle API key expires within the days you set (once per expiry date; again after it's renewed and nears expiry)",
					},
				],
			},
			{
				displayName: 'Providers',
				name: 'providers',
				type: 'multiOptions',
				default: [],
				displayOptions: { show: { event: ['providerDisconnected', 'providerReconnected'] } },
				options: [
					{ name: 'Lemon Squeezy', value: 'lemonSqueezy' },
					{ name: 'Paddle', value: 'paddle' },
					{ name: 'Polar', value: 'polar' },
					{ name: 'Shopify', value: 'shopify' },
					{ name: 'Stripe', value: 'stripe' },
					{ name: 'WooCommerce', value: 'wooCommerce' },
				],
				description:
					'The providers to watch; none chosen watches all. A chosen provider that is already disconnected when the workflow is activated fires Disconnected once then.',
			},
			{
				displayName: 'Days Before Expiry',
				name: 'withinDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 14,
				displayOptions: { show: { event: ['paddleKeyExpiring'] } },
				description:
					'Start the workflow when the Paddle key expires within this many days (or has expired)',
			},
		],
	};

	methods = { listSearch: { searchWebsites } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const websiteId = websiteIdOf(this);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const status = await integrationsOf(this, websiteId);

		if (event === 'paddleKeyExpiring') {
			const options = {
				withinDays: Number(this.getNodeParameter('withinDays', 14)),
				now: Date.now(),
			};
			// The sample is the key's current state, whatever its expiry; the state does not move.
			if (manual) return [[{ json: paddleKeyEvent(websiteId, status, options) }]];
			const { state, fire, invalidExpiry } = checkPaddleKey(
				staticData.paddleKeyWatch as PaddleKeyWatchState | undefined,
				websiteId,
				status,
				options,
			);
			if (invalidExpiry !== undefined)
				this.logger.warn(
					`DataFast Trigger: the Paddle keyExpiresAt of website ${websiteId} is not a date: ${invalidExpiry.slice(0, 100)}`,
				);
			staticData.paddleKeyWatch = state as unknown as IDataObject;
			return fire.length ? [fire.map((json) => ({ json }))] : null;
		}

		const providerEvent = PROVIDER_EVENTS[event];
		if (!providerEvent)
			throw new NodeOperationError(this.getNode(), `Unknown trigger event "${event}"`);
		const options = {
			event: providerEvent,
			providers: this.getNodeParameter('providers', []) as string[],
		};
		if (manual) return [[{ json: providerSample(websiteId, status, options) }]];
		const { state, fire } = checkProviders(
			staticData.providerWatch as ProviderWatchState | undefined,
			websiteId,
			status,
			options,
		);
		// Only a poll that read the status moves the state: a failed one changes nothing.
		staticData.providerWatch = state as unknown as IDataObject;
		return fire.length ? [fire.map((json) => ({ json }))] : null;
	}
}
