/**
 * Who an integration's webhook URL belongs to, from the URL alone: the integration is the only place two
 * workflows (or two n8n instances) both see, so it is all registration can go by.
 */

/** The test and production URLs of one trigger node differ only in n8n's `webhook-test` path segment. */
export function sameNodeWebhook(a: string, b: string): boolean {
	const production = (url: string) => url.replace('/webhook-test/', '/webhook/');
	return production(a) === production(b);
}

// n8n serves a trigger's webhook at `<webhook base>/<node's webhookId, a UUID>/<path>`; this node's path is `webhook`.
const TRIGGER_PATH =
	/\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/webhook\/?$/i;

/**
 * The webhook ID of the Sendcloud Webhook Trigger that `url` belongs to, in any workflow on any n8n instance;
 * undefined for any other receiver. n8n shows this ID in the trigger's Webhook URLs, which is how a user finds
 * the workflow holding the integration.
 */
export function triggerWebhookIdOf(url: string): string | undefined {
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return undefined;
	}
	return TRIGGER_PATH.exec(path)?.[1].toLowerCase();
}
