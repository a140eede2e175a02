/**
 * How this package's Sendcloud Parcel Event Trigger recognises its own Event Subscriptions connections. A connection
 * has no name: the trigger sends a header of its own with every delivery (`extra_headers`), which Sendcloud lists
 * back, and the n8n webhook URL it delivers to. A connection is ours only when both match, so connections made by
 * people or other tools (even to the same URL) are never touched.
 */

/** The header that tags a connection as a trigger's: its value is `n8n:<the node's webhook ID>`. */
export const TAG_HEADER = 'X-N8n-Trigger';

/** The header that names the workflow, for people reading the connection list in Sendcloud. */
export const WORKFLOW_HEADER = 'X-N8n-Workflow';

/** The event type the trigger subscribes to (the only one the Event Subscriptions API has). */
export const PARCEL_EVENT_TYPE = 'parcels.event.created';

/** The tag of the trigger node with this webhook ID. */
export function tagOf(webhookId: string): string {
	return `n8n:${webhookId}`;
}

/** A connection as the Event Subscriptions API lists it (only what the trigger reads). */
export interface ConnectionView {
	id?: unknown;
	type?: unknown;
	configuration?: unknown;
}

/** The value of a header in `extra_headers`, whatever the case of its name. */
function headerValue(headers: unknown, name: string): unknown {
	if (!headers || typeof headers !== 'object') return undefined;
	const found = Object.entries(headers as Record<string, unknown>).find(
		([key]) => key.toLowerCase() === name.toLowerCase(),
	);
	return found?.[1];
}

/** Whether a connection is this trigger's: a webhook connection to `url` tagged with `tag`. */
export function isTriggerConnection(connection: ConnectionView, url: string, tag: string): boolean {
	if (connection.type !== 'webhook') return false;
	const configuration = (connection.configuration ?? {}) as Record<string, unknown>;
	return configuration.url === url && headerValue(configuration.extra_headers, TAG_HEADER) === tag;
}
