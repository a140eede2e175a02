import {
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { bearerMatches } from './events/auth';
import {
	EVENT_SOURCES,
	EXCEPTIONS,
	eventKey,
	eventWanted,
	optionsOf,
	parseDelivery,
	PHASES,
	simplifyParcelEvent,
	STATUS_TYPES,
	type EventFilters,
} from './events/parcelEvents';
import {
	listeningTokenOf,
	registerSubscription,
	subscriptionExists,
	unregisterSubscription,
	type Registration,
} from './events/subscriptions';
import { authenticationProperty, sendcloudCredentials } from './helpers/fields';
import { recordIfUnseen, type SeenDeliveries } from './webhook/replays';

/**
 * The keys of events that started an execution, per workflow and node, as this process saw them: n8n saves a
 * webhook's static data only when its execution ends, so a repeat arriving meanwhile would read the old list.
 */
const seenInThisProcess = new Map<string, SeenDeliveries>();

/** Ends the call with `status` and starts no execution. */
function answerOnly(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

const filter = (displayName: string, name: string, values: string[], description: string) => ({
	displayName,
	name,
	type: 'multiOptions' as const,
	options: optionsOf(values),
	default: [],
	description: `${description} Leave empty for any. Applies to the active workflow: Listen for Test Event shows whatever arrives.`,
});

export class SendcloudParcelEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendcloud Parcel Event Trigger',
		name: 'sendcloudParcelEventTrigger',
		icon: { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["phases"].length ? $parameter["phases"].join(", ") : "any parcel event"}}',
		description:
			'Starts the workflow when a parcel of the Sendcloud account moves (announced, in transit, delivered, an exception, …), through Event Subscriptions: the shop’s webhook URL stays untouched',
		defaults: { name: 'Sendcloud Parcel Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: sendcloudCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'parcel-events' },
		],
		properties: [
			{
				displayName:
					'Uses Sendcloud’s Event Subscriptions (a beta): any number of workflows can listen, and the integration’s webhook URL is left alone. Parcel events only; for returns and integration events use the Sendcloud Webhook Trigger.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			filter(
				'Phases',
				'phases',
				PHASES,
				'Start a run only for events in these delivery phases (the event’s phase).',
			),
			filter(
				'Exceptions',
				'exceptions',
				EXCEPTIONS,
				'Start a run only for these exceptions (None means the parcel is on its expected path).',
			),
			filter(
				'Status Types',
				'statusTypes',
				STATUS_TYPES,
				'Start a run only for events of these severities.',
			),
			filter(
				'Event Sources',
				'eventSources',
				EVENT_SOURCES,
				'Start a run only for events from these sources (the event’s event_type: a carrier scan, Sendcloud itself, a calculation or a claim).',
			),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Send Test Event on Listen',
						name: 'sendTestEvent',
						type: 'boolean',
						default: true,
						description:
							'Whether Listen for Test Event asks Sendcloud to broadcast a sample parcel event, so that one arrives without waiting for a parcel to move',
					},
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: false,
						description:
							'Whether to return one flat object (parcel ID, tracking number, carrier, phase, exception, status type, description, event time) instead of the whole event',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerSubscription.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
			rawBody?: Buffer;
		};
		const staticData = this.getWorkflowStaticData('node');
		// The caller first: nothing about an unauthenticated call is read, logged or answered beyond 401.
		const registrations = (staticData.eventSubscriptions ?? {}) as Record<string, Registration>;
		const tokens = Object.values(registrations).map((r) => r.token);
		const listening = this.getMode() === 'manual' && listeningTokenOf(this.getNode().webhookId);
		if (listening) tokens.push(listening);
		if (!bearerMatches(request.headers.authorization, tokens))
			return answerOnly(this, 401, 'Unauthorized');
		const body = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? null));
		const parsed = parseDelivery(body);
		if ('invalid' in parsed) return answerOnly(this, 400, parsed.invalid);
		if ('otherType' in parsed) return answerOnly(this, 200, 'Event type not listened to');
		const { event } = parsed;
		const filters: EventFilters = {
			phases: this.getNodeParameter('phases', []) as string[],
			exceptions: this.getNodeParameter('exceptions', []) as string[],
			statusTypes: this.getNodeParameter('statusTypes', []) as string[],
			eventSources: this.getNodeParameter('eventSources', []) as string[],
		};
		// A test listen shows whatever arrives: Sendcloud's test event is one sample, whatever the filters say.
		if (this.getMode() !== 'manual') {
			if (!eventWanted(event, filters)) return answerOnly(this, 200, 'Event filtered out');
			const memoryKey = `${this.getWorkflow().id}:${this.getNode().id}`;
			const seen = recordIfUnseen(
				seenInThisProcess.get(memoryKey) ?? ((staticData.seenEvents ?? []) as SeenDeliveries),
				eventKey(event),
			);
			if (!seen) return answerOnly(this, 200, 'Already received this event');
			seenInThisProcess.set(memoryKey, seen);
			staticData.seenEvents = seen;
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const json = options.simplify ? simplifyParcelEvent(event) : event;
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}
}
