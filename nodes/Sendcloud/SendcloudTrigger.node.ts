import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	authenticationProperty,
	integrationIdLocator,
	parseIntegrationId,
	sendcloudCredentials,
	toList,
} from './helpers/fields';
import { searchIntegrations } from './methods/listSearch';
import { sendcloudApiRequest, sendcloudPages } from './transport';
import { checkIntegration, type IntegrationWatchState } from './trigger/integrationWatch';
import {
	newestOrder,
	type OrderPages,
	type OrderWatchState,
	pollOrders,
} from './trigger/orderWatch';

const MINUTE_MS = 60_000;

// A polling trigger starts workflows on its own schedule; it cannot serve as an AI agent's tool,
// so it has no usableAsTool.
export class SendcloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendcloud Trigger',
		name: 'sendcloudTrigger',
		icon: { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"newShipment": "New Order", "updatedShipment": "Updated Order", "integrationFailing": "Integration Failing"}[$parameter["event"]] }}',
		description:
			'Starts the workflow when an order arrives or changes in a Sendcloud integration, or when the integration starts failing',
		defaults: { name: 'Sendcloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: sendcloudCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				default: 'newShipment',
				options: [
					{
						name: 'New Order',
						value: 'newShipment',
						description: 'An order appeared in the integration',
					},
					{
						name: 'Updated Order',
						value: 'updatedShipment',
						description: 'The shop changed an order (its shipment_updated_at moved)',
					},
					{
						name: 'Integration Failing',
						value: 'integrationFailing',
						description: 'Sendcloud could no longer fetch orders or send feedback',
					},
				],
			},
			integrationIdLocator({}),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ['newShipment', 'updatedShipment'] } },
				options: [
					{
						displayName: 'Include New Orders',
						name: 'includeNew',
						type: 'boolean',
						default: true,
						displayOptions: { show: { '/event': ['updatedShipment'] } },
						description: 'Whether an order seen for the first time counts as an update',
					},
					{
						displayName: 'Late Arrival Tolerance (Minutes)',
						name: 'latenessMinutes',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 10,
						description:
							'How long after its creation time an order may still become visible in Sendcloud and be caught. Longer costs more requests per poll.',
					},
					{
						displayName: 'Max Orders per Poll',
						name: 'maxPerPoll',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'At most this many orders start the workflow per poll, oldest first; the rest wait for the next poll. 0 means no cap.',
					},
					{
						displayName: 'Order Statuses',
						name: 'orderStatuses',
						type: 'string',
						default: '',
						placeholder: 'e.g. processing, ready',
						description:
							'Comma-separated shop order status IDs; other orders are skipped (and not fired later)',
					},
					{
						displayName: 'Payment Statuses',
						name: 'paymentStatuses',
						type: 'string',
						default: '',
						placeholder: 'e.g. paid',
						description:
							'Comma-separated shop payment status IDs; other orders are skipped (and not fired later)',
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'On the first activation, fire for orders created since this time (backfill). Empty: only orders that arrive after activation.',
					},
					{
						displayName: 'Watch Updates for (Days)',
						name: 'updateWindowDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 2,
						displayOptions: { show: { '/event': ['updatedShipment'] } },
						description:
							'Changes are detected for orders created this many days before the newest order; each poll reads them all',
					},
				],
			},
			{
				displayName: 'Notify When Healthy Again',
				name: 'notifyRecovery',
				type: 'boolean',
				default: false,
				displayOptions: { show: { event: ['integrationFailing'] } },
				description: 'Whether to also start the workflow when the integration stops failing',
			},
		],
	};

	methods = {
		listSearch: { searchIntegrations },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const integrationId = parseIntegrationId(
			this.getNode(),
			this.getNodeParameter('integrationId', undefined, { extractValue: true }),
		);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const scope = `${integrationId} ${event}`;

		if (event === 'integrationFailing') {
			const integration = await sendcloudApiRequest.call(
				this,
				'GET',
				`/integrations/${integrationId}`,
			);
			if (manual)
				return [
					[{ json: { event: integration.failing_since ? 'failing' : 'healthy', ...integration } }],
				];
			const { state, fire } = checkIntegration(
				staticData.integrationWatch as IntegrationWatchState | undefined,
				scope,
				integration,
				this.getNodeParameter('notifyRecovery', false) as boolean,
			);
			staticData.integrationWatch = state as unknown as IDataObject;
			return fire.length ? [fire.map((json) => ({ json }))] : null;
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const pages: OrderPages = (startDate) =>
			sendcloudPages.call(
				this,
				`/integrations/${integrationId}/shipments`,
				startDate ? { start_date: startDate } : {},
			);

		if (manual) {
			const sample = await newestOrder(pages);
			if (!sample) {
				throw new NodeOperationError(
					this.getNode(),
					`Integration ${integrationId} has no orders yet, so there is no order to show as a sample`,
					{
						description:
							"Add an order in the shop (or with the Sendcloud node's Order → Create or Update), then fetch the test event again.",
					},
				);
			}
			return [[{ json: sample }]];
		}

		const backfillFrom = options.startFrom ? Date.parse(String(options.startFrom)) : undefined;
		if (backfillFrom !== undefined && Number.isNaN(backfillFrom)) {
			throw new NodeOperationError(
				this.getNode(),
				`Start From "${String(options.startFrom)}" is not a date`,
			);
		}
		const { state, fire, undated } = await pollOrders(
			staticData.orderWatch as OrderWatchState | undefined,
			scope,
			{
				event: event as 'newShipment' | 'updatedShipment',
				latenessMs: Number(options.latenessMinutes ?? 10) * MINUTE_MS,
				updateWindowMs: Number(options.updateWindowDays ?? 2) * 24 * 60 * MINUTE_MS,
				maxPerPoll: Number(options.maxPerPoll ?? 0),
				orderStatuses: toList(options.orderStatuses),
				paymentStatuses: toList(options.paymentStatuses),
				includeNew: options.includeNew !== false,
				backfillFrom,
			},
			pages,
		);
		if (undated.length) {
			const ids = undated
				.map((order) => String(order.shipment_uuid ?? order.external_order_id))
				.join(', ');
			this.logger.warn(
				`Sendcloud Trigger: skipped ${undated.length} order(s) of integration ${integrationId} whose created_at is not a date: ${ids}`,
			);
		}
		// Only now that every page was read does the position move: a failed poll loses nothing.
		staticData.orderWatch = state as unknown as IDataObject;
		return fire.length ? [fire.map((json) => ({ json }))] : null;
	}
}
