/** The Sendcloud Parcel Event Trigger run through n8n-core against the sandbox's Event Subscriptions. */
import type { IDataObject, INode } from 'n8n-workflow';

import { SendcloudParcelEventTrigger } from '../../../nodes/Sendcloud/SendcloudParcelEventTrigger.node';
import { PACKAGE, registerNodeType, WebhookTriggerRunner } from '../../helpers/engine';
import type { Sandbox } from '../../helpers/sandbox';

registerNodeType(`${PACKAGE}.sendcloudParcelEventTrigger`, new SendcloudParcelEventTrigger());

export interface EventDelivery {
	id: number;
	kind: 'event' | 'test' | 'forged' | 'replay';
	connectionId: number | null;
	url: string;
	headers: Record<string, string>;
	body: string;
	sent: boolean;
	status: number | null;
	error: string | null;
}

/** The sandbox's Event Subscriptions helpers (test/sandbox/v3/eventSubscriptions.js). */
export interface EventsSandbox {
	deliveries: EventDelivery[];
	connections(account?: string): Array<IDataObject & { id: number; configuration: IDataObject }>;
	subscriptions(account?: string): Array<IDataObject & { id: number; connection_id: number }>;
	settled(): Promise<void>;
	samplePayload(overrides?: { parcel?: IDataObject; event?: IDataObject }): IDataObject;
	send(
		connectionId: number,
		payload: IDataObject,
		options?: {
			auth?: 'valid' | 'wrong-token' | 'missing' | 'basic';
			tamper?: (body: string) => string;
			url?: string;
		},
	): Promise<EventDelivery>;
	replay(delivery: EventDelivery): Promise<EventDelivery>;
}

export const eventsOf = (sandbox: Sandbox) =>
	(sandbox.v3 as unknown as { events: EventsSandbox }).events;

let nodes = 0;

/** A trigger node of its own (the trigger remembers events per workflow and node), served on loopback. */
export async function eventTrigger(
	parameters: IDataObject = {},
	settings: Partial<INode> = {},
): Promise<WebhookTriggerRunner & { hookUrl(mode?: 'manual' | 'trigger'): string }> {
	const n = ++nodes;
	const node: INode = {
		id: `event-trigger-${n}`,
		name: 'Sendcloud Parcel Event Trigger',
		type: `${PACKAGE}.sendcloudParcelEventTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: `e7e00000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		parameters: {
			phases: [],
			exceptions: [],
			statusTypes: [],
			eventSources: [],
			options: {},
			...parameters,
		},
		credentials: { sendcloudApi: { id: 'cred-sendcloudApi', name: 'sendcloudApi' } },
		...settings,
	};
	const runner = new WebhookTriggerRunner(node) as WebhookTriggerRunner & {
		hookUrl(mode?: 'manual' | 'trigger'): string;
	};
	runner.hookUrl = (mode = 'trigger') =>
		`${runner.baseUrl}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${node.webhookId}/parcel-events`;
	await runner.listen();
	return runner;
}

/** The Event Subscriptions requests the sandbox received, as "METHOD /path?query". */
export const eventCalls = (sandbox: Sandbox) =>
	sandbox.requests
		.filter((r) => r.path.startsWith('/api/v3/event-subscriptions'))
		.map((r) => `${r.method} ${r.path.slice('/api/v3/event-subscriptions'.length)}${r.query}`);
