import type { IDataObject } from 'n8n-workflow';

/** The payment providers in DataFast's integrations answer: its key, the name the node uses, and for people. */
export const PROVIDERS = [
	{ key: 'stripe', field: 'stripe', name: 'Stripe' },
	{ key: 'lemonsqueezy', field: 'lemonSqueezy', name: 'Lemon Squeezy' },
	{ key: 'polar', field: 'polar', name: 'Polar' },
	{ key: 'paddle', field: 'paddle', name: 'Paddle' },
	{ key: 'shopify', field: 'shopify', name: 'Shopify' },
	{ key: 'woocommerce', field: 'wooCommerce', name: 'WooCommerce' },
] as const;

export type ProviderEvent = 'disconnected' | 'reconnected';

/** What the trigger remembers between polls: each provider's last known connection, by website. */
export interface ProviderWatchState {
	version: 1;
	websiteId: string;
	/** Keyed by the node's provider name (`stripe`, `lemonSqueezy`, …). */
	connected: Record<string, boolean>;
}

export interface ProviderWatchOptions {
	event: ProviderEvent;
	/** The providers to watch (node names, e.g. `stripe`); empty: all of them. */
	providers: string[];
}

/**
 * Each provider's connection in one website's status: `true` or `false` as DataFast says it, and
 * left out when the answer does not say (a provider missing from the answer, or a `connected` that is
 * not a boolean): an unknown state is never taken for a disconnection.
 */
export function connectionsOf(status: IDataObject): Record<string, boolean> {
	const connections: Record<string, boolean> = {};
	for (const { key, field } of PROVIDERS) {
		const connected = (status[key] as IDataObject | undefined)?.connected;
		if (typeof connected === 'boolean') connections[field] = connected;
	}
	return connections;
}

/** The item a provider event starts the workflow with. */
export function providerEvent(
	event: ProviderEvent,
	field: string,
	websiteId: string,
	status: IDataObject,
	atActivation = false,
): IDataObject {
	const provider = PROVIDERS.find((p) => p.field === field)!;
	const connections = connectionsOf(status);
	return {
		event,
		provider: provider.field,
		providerName: provider.name,
		connected: connections[provider.field] ?? null,
		atActivation,
		websiteId,
		connectedProviders: PROVIDERS.filter((p) => connections[p.field]).map((p) => p.field),
		currency: status.currency ?? null,
	};
}

const watched = (providers: string[]) =>
	PROVIDERS.filter((p) => providers.length === 0 || providers.includes(p.field));

/**
 * Compares a website's status with the last one seen and says which events fire.
 *
 * - The first poll (no state, or state of another website) records the baseline. Nothing fires, except
 *   for *Disconnected* with providers chosen explicitly: a chosen provider that is not connected fires
 *   once then (`atActivation: true`), as the user asked to watch it and it is already down. With all
 *   providers watched (the default) the trigger cannot tell a provider that was disconnected from one that
 *   was never used, so it fires nothing.
 * - Later polls fire once per change: connected → not connected (*Disconnected*), not connected →
 *   connected (*Reconnected*, which includes a first connection). A provider whose state is unknown in
 *   this answer keeps its last known state and fires nothing.
 */
export function checkProviders(
	previous: ProviderWatchState | undefined,
	websiteId: string,
	status: IDataObject,
	{ event, providers }: ProviderWatchOptions,
): { state: ProviderWatchState; fire: IDataObject[] } {
	const now = connectionsOf(status);
	const baseline = !previous || previous.version !== 1 || previous.websiteId !== websiteId;
	const before = baseline ? {} : previous.connected;
	const state: ProviderWatchState = { version: 1, websiteId, connected: { ...before, ...now } };
	const fire: IDataObject[] = [];
	for (const { field } of watched(providers)) {
		const after = now[field];
		if (after === undefined) continue;
		if (baseline) {
			if (event === 'disconnected' && providers.length > 0 && !after)
				fire.push(providerEvent(event, field, websiteId, status, true));
			continue;
		}
		const was = before[field];
		if (event === 'disconnected' && was === true && !after)
			fire.push(providerEvent(event, field, websiteId, status));
		if (event === 'reconnected' && was === false && after)
			fire.push(providerEvent(event, field, websiteId, status));
	}
	return { state, fire };
}

/**
 * "Fetch Test Event": the website's current state as the event would carry it, for one watched
 * provider: preferably one in the state the event reports (not connected for *Disconnected*,
 * connected for *Reconnected*), else the first watched one.
 */
export function providerSample(
	websiteId: string,
	status: IDataObject,
	{ event, providers }: ProviderWatchOptions,
): IDataObject {
	const now = connectionsOf(status);
	const candidates = watched(providers);
	const matching = candidates.find((p) => now[p.field] === (event === 'reconnected'));
	return providerEvent(event, (matching ?? candidates[0]).field, websiteId, status);
}
