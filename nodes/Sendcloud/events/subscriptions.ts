import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendcloudV3ApiRequest, sendcloudV3Response } from '../transport';
import { newToken } from './auth';
import {
	isTriggerConnection,
	PARCEL_EVENT_TYPE,
	TAG_HEADER,
	tagOf,
	WORKFLOW_HEADER,
	type ConnectionView,
} from './naming';

const CONNECTIONS = '/event-subscriptions/connections';
const SUBSCRIPTIONS = '/event-subscriptions/subscriptions';

/**
 * The tokens of test URLs being listened on, by the node's webhook ID. Sendcloud's broadcast test event arrives while
 * registration is still running, before n8n keeps the static data registration wrote, so the test URL's token must
 * be found elsewhere; n8n's test webhooks live in one process (the one the editor talks to) and end with it.
 */
const listeningTokens = new Map<string, string>();

/** The token of the test URL this node is listening on, if any. */
export function listeningTokenOf(webhookId: string | undefined): string | undefined {
	return webhookId === undefined ? undefined : listeningTokens.get(webhookId);
}

/** What one of the node's webhook URLs (test, production) registered; the token never leaves static data. */
export interface Registration {
	connectionId: number;
	subscriptionId?: number;
	token: string;
}

type Registrations = Record<string, Registration>;

/** The registrations in the node's static data, by webhook URL. */
export function registrationsOf(staticData: IDataObject): Registrations {
	staticData.eventSubscriptions ??= {};
	return staticData.eventSubscriptions as Registrations;
}

function ours(ctx: IHookFunctions): { url: string; tag: string } {
	return {
		url: ctx.getNodeWebhookUrl('default') as string,
		tag: tagOf(String(ctx.getNode().webhookId ?? ctx.getNode().id)),
	};
}

/** GET of one record; undefined when Sendcloud no longer has it. */
async function found(ctx: IHookFunctions, path: string): Promise<IDataObject | undefined> {
	const response = await sendcloudV3Response.call(ctx, { method: 'GET', url: path }, undefined, {
		acceptStatuses: [404],
	});
	if (response.statusCode === 404) return undefined;
	return ((response.body as IDataObject | undefined)?.data ?? undefined) as IDataObject | undefined;
}

/** DELETE that counts a 404 as done: a repeat after a lost answer, or a record someone removed already. */
async function remove(ctx: IHookFunctions, path: string): Promise<void> {
	await sendcloudV3Response.call(ctx, { method: 'DELETE', url: path }, undefined, {
		acceptStatuses: [404],
	});
}

async function list(ctx: IHookFunctions, path: string, qs: IDataObject): Promise<IDataObject[]> {
	const answer = await sendcloudV3ApiRequest.call(ctx, 'GET', path, { qs });
	return (answer.data ?? []) as IDataObject[];
}

/**
 * Removes this trigger's connections to this URL other than `keep`, with their subscriptions: those a crashed n8n,
 * a lost answer or a deleted workflow left behind. Connections of anyone else are never touched.
 */
async function removeLeftovers(ctx: IHookFunctions, keep?: number): Promise<void> {
	const { url, tag } = ours(ctx);
	const connections = await list(ctx, CONNECTIONS, { connection_type: 'webhook' });
	const stale = connections
		.filter((c) => isTriggerConnection(c as ConnectionView, url, tag) && c.id !== keep)
		.map((c) => Number(c.id));
	if (!stale.length) return;
	const subscriptions = await list(ctx, SUBSCRIPTIONS, { event_type: PARCEL_EVENT_TYPE });
	for (const subscription of subscriptions)
		if (stale.includes(Number(subscription.connection_id)))
			await remove(ctx, `${SUBSCRIPTIONS}/${subscription.id}`);
	for (const id of stale) await remove(ctx, `${CONNECTIONS}/${id}`);
}

/** Whether the connection and subscription this URL registered still exist, active and delivering here. */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const { url, tag } = ours(this);
	const registration = registrationsOf(this.getWorkflowStaticData('node'))[url];
	if (!registration?.subscriptionId) return false;
	const connection = await found(this, `${CONNECTIONS}/${registration.connectionId}`);
	if (!connection || !isTriggerConnection(connection, url, tag)) return false;
	const subscription = await found(this, `${SUBSCRIPTIONS}/${registration.subscriptionId}`);
	return (
		subscription?.is_active === true &&
		Number(subscription.connection_id) === registration.connectionId &&
		subscription.event_type === PARCEL_EVENT_TYPE
	);
}

function betaHint(error: unknown): never {
	const code = String((error as { httpCode?: unknown }).httpCode ?? '');
	if (code === '403' || code === '404') {
		(error as { description?: string }).description =
			'Sendcloud’s Event Subscriptions API is a beta: ask Sendcloud to enable it for your account, or use the Sendcloud Webhook Trigger (it takes over the integration’s webhook URL instead).';
	}
	throw error;
}

/**
 * Registers this URL: removes this trigger's leftovers, then creates a webhook connection (bearer token the node
 * generates, tagged with the node's webhook ID) and a `parcels.event.created` subscription. In manual mode (Listen
 * for Test Event) it then asks Sendcloud to broadcast a test event, so that a sample arrives without waiting for a
 * parcel to move.
 */
export async function registerSubscription(this: IHookFunctions): Promise<boolean> {
	const { url, tag } = ours(this);
	if (!/^https?:\/\//i.test(url))
		throw new NodeOperationError(this.getNode(), `n8n’s webhook URL is not an HTTP URL: ${url}`);
	const registrations = registrationsOf(this.getWorkflowStaticData('node'));
	const previous = registrations[url];
	if (previous) await removeRegistration(this, previous);
	delete registrations[url];
	await removeLeftovers(this).catch(betaHint);
	const token = newToken();
	const connection = (
		await sendcloudV3ApiRequest
			.call(this, 'POST', CONNECTIONS, {
				body: {
					type: 'webhook',
					configuration: {
						url,
						auth_type: 'bearer',
						auth_config: { token },
						extra_headers: {
							[TAG_HEADER]: tag,
							[WORKFLOW_HEADER]: String(this.getWorkflow().id ?? ''),
						},
					},
				},
			})
			.catch(betaHint)
	).data as IDataObject;
	// Kept before the next call: if it fails, deactivation or the next activation still finds the connection.
	const registration: Registration = { connectionId: Number(connection.id), token };
	registrations[url] = registration;
	const subscription = (
		await sendcloudV3ApiRequest.call(this, 'POST', SUBSCRIPTIONS, {
			body: {
				connection_id: registration.connectionId,
				event_type: PARCEL_EVENT_TYPE,
				is_active: true,
			},
		})
	).data as IDataObject;
	registration.subscriptionId = Number(subscription.id);
	if (this.getMode() === 'manual') {
		listeningTokens.set(String(this.getNode().webhookId), token);
		if (this.getNodeParameter('options.sendTestEvent', true) !== false)
			await broadcastTestEvent(this, registration.subscriptionId);
	}
	return true;
}

/**
 * Asks Sendcloud for a test event. Sendcloud delivers it before answering, so it arrives while registration runs
 * (n8n serves the test URL from the start of registration). A failure only means that no sample arrives.
 */
async function broadcastTestEvent(ctx: IHookFunctions, subscriptionId: number): Promise<void> {
	try {
		await sendcloudV3ApiRequest.call(
			ctx,
			'POST',
			`/event-subscriptions/broadcast/test/${subscriptionId}`,
		);
	} catch (error) {
		ctx.logger.warn(`Sendcloud did not broadcast a test event: ${(error as Error).message}`);
	}
}

async function removeRegistration(ctx: IHookFunctions, registration: Registration): Promise<void> {
	if (registration.subscriptionId)
		await remove(ctx, `${SUBSCRIPTIONS}/${registration.subscriptionId}`);
	await remove(ctx, `${CONNECTIONS}/${registration.connectionId}`);
}

/** Deletes the subscription and connection this URL registered, and any leftovers of this trigger for it. */
export async function unregisterSubscription(this: IHookFunctions): Promise<boolean> {
	const { url } = ours(this);
	const registrations = registrationsOf(this.getWorkflowStaticData('node'));
	const registration = registrations[url];
	if (this.getMode() === 'manual') listeningTokens.delete(String(this.getNode().webhookId));
	if (registration) await removeRegistration(this, registration);
	await removeLeftovers(this);
	delete registrations[url];
	return true;
}
