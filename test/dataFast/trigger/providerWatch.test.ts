/** The provider rules on their own: baseline, one event per change, unknown states. */
import type { IDataObject } from 'n8n-workflow';

import {
	checkProviders,
	connectionsOf,
	providerSample,
	type ProviderWatchState,
} from '../../../nodes/DataFast/trigger/providerWatch';

const status = (connected: Record<string, boolean | undefined>, extra: IDataObject = {}) => ({
	...Object.fromEntries(
		Object.entries(connected).map(([key, value]) => [
			key,
			value === undefined ? {} : { connected: value },
		]),
	),
	currency: 'EUR',
	...extra,
});
const ALL = {
	stripe: true,
	lemonsqueezy: false,
	polar: false,
	paddle: false,
	shopify: false,
	woocommerce: true,
};
const providersOf = (fire: IDataObject[]) => fire.map((e) => e.provider);

test('connectionsOf keeps only what the answer says: a missing provider or a non-boolean is unknown', () => {
	expect(
		connectionsOf({
			stripe: { connected: true },
			polar: { connected: 'yes' },
			paddle: null,
		} as never),
	).toEqual({
		stripe: true,
	});
	expect(connectionsOf(status(ALL))).toEqual({
		stripe: true,
		lemonSqueezy: false,
		polar: false,
		paddle: false,
		shopify: false,
		wooCommerce: true,
	});
});

test('no state, an unknown version or another website: a baseline, nothing fires', () => {
	const options = { event: 'disconnected' as const, providers: [] };
	const { state, fire } = checkProviders(undefined, 'w1', status(ALL), options);
	expect(fire).toEqual([]);
	const { fire: later } = checkProviders(
		{ ...state, version: 2 } as never,
		'w1',
		status({ ...ALL, stripe: false }),
		options,
	);
	expect(later).toEqual([]);
	expect(checkProviders(state, 'w2', status({ ...ALL, stripe: false }), options).fire).toEqual([]);
	expect(checkProviders(state, 'w1', status({ ...ALL, stripe: false }), options).fire).toHaveLength(
		1,
	);
});

test('each change fires once for its event; the state follows every provider', () => {
	let state = checkProviders(undefined, 'w', status(ALL), {
		event: 'disconnected',
		providers: [],
	}).state;
	const step = (connected: Record<string, boolean>, event: 'disconnected' | 'reconnected') => {
		const result = checkProviders(state, 'w', status({ ...ALL, ...connected }), {
			event,
			providers: [],
		});
		state = result.state;
		return providersOf(result.fire);
	};
	expect(step({ stripe: false, woocommerce: false }, 'disconnected')).toEqual([
		'stripe',
		'wooCommerce',
	]);
	expect(step({ stripe: false, woocommerce: false }, 'disconnected')).toEqual([]);
	expect(step({ stripe: true, woocommerce: false, polar: true }, 'reconnected')).toEqual([
		'stripe',
		'polar',
	]);
	expect(step({ stripe: true, woocommerce: false, polar: true }, 'reconnected')).toEqual([]);
	expect(state.connected).toMatchObject({ stripe: true, wooCommerce: false, polar: true });
});

test('a provider whose state is unknown for a poll keeps its last state and fires nothing', () => {
	const options = { event: 'disconnected' as const, providers: [] };
	const { state } = checkProviders(undefined, 'w', status(ALL), options);
	const gap = checkProviders(state, 'w', status({ ...ALL, stripe: undefined }), options);
	expect(gap.fire).toEqual([]);
	expect(gap.state.connected.stripe).toBe(true);
	expect(
		providersOf(checkProviders(gap.state, 'w', status({ ...ALL, stripe: false }), options).fire),
	).toEqual(['stripe']);
});

test('chosen providers already down at the baseline fire Disconnected once; Reconnected never at the baseline', () => {
	const chosen = { providers: ['paddle', 'stripe'] };
	const first = checkProviders(undefined, 'w', status(ALL), { event: 'disconnected', ...chosen });
	expect(first.fire).toEqual([expect.objectContaining({ provider: 'paddle', atActivation: true })]);
	expect(
		checkProviders(first.state, 'w', status(ALL), { event: 'disconnected', ...chosen }).fire,
	).toEqual([]);
	expect(
		checkProviders(undefined, 'w', status(ALL), { event: 'reconnected', ...chosen }).fire,
	).toEqual([]);
});

test('the state stays the same size however many polls', () => {
	let state: ProviderWatchState | undefined;
	for (let i = 0; i < 200; i++)
		state = checkProviders(state, 'w', status({ ...ALL, stripe: i % 2 === 0 }), {
			event: 'disconnected',
			providers: [],
		}).state;
	expect(Object.keys(state!.connected)).toHaveLength(6);
});

test('the sample prefers a watched provider in the state the event reports', () => {
	const s = status(ALL);
	expect(providerSample('w', s, { event: 'disconnected', providers: [] }).provider).toBe(
		'lemonSqueezy',
	);
	expect(
		providerSample('w', s, { event: 'reconnected', providers: ['polar', 'wooCommerce'] }).provider,
	).toBe('wooCommerce');
	expect(providerSample('w', s, { event: 'disconnected', providers: ['stripe'] })).toMatchObject({
		provider: 'stripe',
		connected: true,
		websiteId: 'w',
		currency: 'EUR',
	});
});
