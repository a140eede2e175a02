import {
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	NodeConnectionTypes,
} from 'n8n-workflow';

import {
	authenticationProperty,
	integrationIdLocator,
	sendcloudCredentials,
	toList,
} from './helpers/fields';
import { searchIntegrations } from './methods/listSearch';
import {
	isoTime,
	parseEvent,
	recordIfNews,
	simplifyEvent,
	type FiredStatuses,
} from './webhook/deliveries';
import {
	registerWebhook,
	signingKeyOf,
	unregisterWebhook,
	webhookExists,
} from './webhook/registration';
import {
	deliveryDigest,
	isOlderThan,
	recordIfUnseen,
	type SeenDeliveries,
} from './webhook/replays';
import { isSignedBy } from './webhook/signature';

const EVENTS = [
	{
		name: 'Parcel Status Changed',
		value: 'parcel_status_changed',
		description: 'A parcel was announced, moved, delivered, returned, …',
	},
	{
		name: 'Return Created',
		value: 'return_created',
		description: 'A return was created for one of the integration’s parcels',
	},
	{ name: 'Integration Connected', value: 'integration_connected' },
	{ name: 'Integration Updated', value: 'integration_updated' },
	{ name: 'Integration Deleted', value: 'integration_deleted' },
];

/**
 * The parcel statuses fired, per workflow, node and mode, as this n8n process saw them. n8n saves a
 * webhook's static data only when the execution it started ends, so a repeat arriving meanwhile
 * would read the old list; static data still carries the list across restarts.
 */
const firedInThisProcess = new Map<string, FiredStatuses>();

/** The digests of deliveries that started an execution, kept in this process for the same reason. */
const seenInThisProcess = new Map<string, SeenDeliveries>();

/** Ends the call with `status` and starts no execution. */
function answerOnly(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/** Whether a parcel event passes the Status IDs / Status Messages filters (either may match). */
function statusWanted(event: IDataObject, options: IDataObject): boolean {
	const ids = toList(options.statusIds).map((id) => id.toLowerCase());
	const messages = toList(options.statusMessages).map((message) => message.toLowerCase());
	if (!ids.length && !messages.length) return true;
	const status = ((event.parcel as IDataObject | undefined)?.status ?? {}) as IDataObject;
	return (
		ids.includes(String(status.id ?? '').toLowerCase()) ||
		messages.includes(
			String(status.message ?? '')
				.trim()
				.toLowerCase(),
		)
	);
}

export class SendcloudWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendcloud Webhook Trigger',
		name: 'sendcloudWebhookTrigger',
		icon: { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' },
		group: ['trigger'],
		// 1.1 moved the Webhook Signature Key to the credentials: version 1 nodes still show and use it on the node.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Sendcloud reports a parcel status change, a return or an integration event',
		defaults: { name: 'Sendcloud Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: sendcloudCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			integrationIdLocator(
				{},
				'The integration whose webhooks start this workflow: n8n sets its webhook URL while the workflow is active',
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				default: ['parcel_status_changed'],
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Deliveries Older Than (Minutes)',
						name: 'maxDeliveryAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Skip an event whose timestamp is more than this many minutes old, so that a captured delivery cannot be sent again later. 0 keeps every event, however old (Sendcloud retries a failed delivery for a while).',
					},
					{
						displayName: 'Ignore Older Updates',
						name: 'ignoreOlderUpdates',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip a parcel status change no newer than one already received for the same parcel (Sendcloud retries deliveries and they can arrive out of order). Remembers the last 1,000 parcels.',
					},
					{
						displayName: 'Replace Existing Webhook',
						name: 'replaceExistingWebhook',
						type: 'boolean',
						default: false,
						description:
							'Whether to take over an integration whose webhooks already go to another URL; that URL is put back when the workflow is deactivated. Another workflow’s Sendcloud Webhook Trigger is never replaced: deactivate that workflow first.',
					},
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: false,
						description:
							'Whether to return only the main fields (parcel, status, tracking, order) instead of the whole event',
					},
					{
						displayName: 'Status IDs',
						name: 'statusIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 11, 80',
						description:
							'Parcel status changes only to these Sendcloud status IDs (comma-separated)',
					},
					{
						displayName: 'Status Messages',
						name: 'statusMessages',
						type: 'string',
						default: '',
						placeholder: 'e.g. Delivered',
						description:
							'Parcel status changes only to these status messages (comma-separated, any case)',
					},
					{
						displayName: 'Webhook Signature Key (Moved to Credential)',
						name: 'webhookSignatureKey',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						displayOptions: { show: { '@version': [1] } },
						description:
							'Set the Webhook Signature Key in the Sendcloud credential instead: a key here is saved in clear text with the workflow. Used only while the credential’s is empty.',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchIntegrations } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
			rawBody?: Buffer;
		};
		// The signature first: nothing about an unsigned call is read, logged or answered beyond 401.
		const key = await signingKeyOf(this);
		if (!key || !isSignedBy(request.rawBody, request.headers['sendcloud-signature'], key)) {
			return answerOnly(this, 401, 'Invalid signature');
		}
		const body = request.rawBody!;
		const parsed = parseEvent(body);
		if ('invalid' in parsed) return answerOnly(this, 400, parsed.invalid);
		const { event } = parsed;
		const events = this.getNodeParameter('events', []) as string[];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const action = String(event.action ?? '');
		if (!events.includes(action)) return answerOnly(this, 200, 'Event not listened to');
		// 200 all the same: Sendcloud would retry anything else, and an old delivery never gets younger.
		if (isOlderThan(event.timestamp, options.maxDeliveryAgeMinutes, Date.now()))
			return answerOnly(this, 200, 'Delivery too old');
		const staticData = this.getWorkflowStaticData('node');
		const memoryKey = `${this.getWorkflow().id}:${this.getNode().id}:${this.getMode()}`;
		if (action === 'parcel_status_changed') {
			if (!statusWanted(event, options)) return answerOnly(this, 200, 'Status filtered out');
			const parcelId = (event.parcel as IDataObject | undefined)?.id;
			if (options.ignoreOlderUpdates !== false && parcelId !== undefined) {
				const remembered =
					firedInThisProcess.get(memoryKey) ?? ((staticData.firedStatuses ?? []) as FiredStatuses);
				const fired = recordIfNews(remembered, String(parcelId), Number(event.timestamp) || 0);
				if (!fired) return answerOnly(this, 200, 'Already received a newer or the same update');
				firedInThisProcess.set(memoryKey, fired);
				staticData.firedStatuses = fired;
			}
		}
		const seen = recordIfUnseen(
			seenInThisProcess.get(memoryKey) ?? ((staticData.seenDeliveries ?? []) as SeenDeliveries),
			deliveryDigest(body),
		);
		if (!seen) return answerOnly(this, 200, 'Already received this delivery');
		seenInThisProcess.set(memoryKey, seen);
		staticData.seenDeliveries = seen;
		const json = options.simplify
			? simplifyEvent(event)
			: { ...event, event: action, event_time: isoTime(event.timestamp) };
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
