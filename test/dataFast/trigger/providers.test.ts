/** DataFast Trigger, Payment Provider Disconnected / Reconnected, through n8n-core against the sandbox. */
import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';
import {
	DATAFAST_CALLS,
	dataFastOf,
	EMPTY_WEBSITE,
	stateOf,
	triggerNode,
	watcher,
	WEBSITE,
} from './triggerKit';

const sandbox = useSandbox();
const website = () => dataFastOf(sandbox);
const disconnected = (providers: string[] = []) =>
	watcher({ event: 'providerDisconnected', providers });
const reconnected = (providers: string[] = []) =>
	watcher({ event: 'providerReconnected', providers });
const INTEGRATIONS = `GET /datafast/api/v1/admin/websites/${WEBSITE}/integrations`;

describe('Payment Provider Disconnected', () => {
	test('the first poll records the baseline and fires nothing, with one request', async () => {
		const runner = disconnected();
		expect(await runner.poll()).toBeNull();
		expect(DATAFAST_CALLS(sandbox)).toEqual([INTEGRATIONS]);
		expect((stateOf(runner) as IDataObject).providerWatch).toEqual({
			version: 1,
			websiteId: WEBSITE,
			connected: {
				stripe: true,
				lemonSqueezy: false,
				polar: false,
				paddle: true,
				shopify: false,
				wooCommerce: false,
			},
		});
		expect(await runner.poll()).toBeNull();
	});

	test('a disconnect fires once, and again only after a reconnect and a new disconnect', async () => {
		const runner = disconnected();
		await runner.poll();
		website().setConnected(WEBSITE, 'stripe', false);
		expect(await runner.poll()).toEqual([
			{
				event: 'disconnected',
				provider: 'stripe',
				providerName: 'Stripe',
				connected: false,
				atActivation: false,
				websiteId: WEBSITE,
				connectedProviders: ['paddle'],
				currency: 'USD',
			},
		]);
		expect(await runner.poll()).toBeNull();
		expect(await runner.poll()).toBeNull();
		website().setConnected(WEBSITE, 'stripe', true);
		expect(await runner.poll()).toBeNull();
		website().setConnected(WEBSITE, 'stripe', false);
		expect((await runner.poll())?.map((e) => e.provider)).toEqual(['stripe']);
		expect(await runner.poll()).toBeNull();
	});

	test('two providers disconnecting at once fire one item each', async () => {
		const runner = disconnected();
		await runner.poll();
		website().setConnected(WEBSITE, 'stripe', false);
		website().setConnected(WEBSITE, 'paddle', false);
		const fired = await runner.poll();
		expect(fired?.map((e) => e.provider)).toEqual(['stripe', 'paddle']);
		expect(fired?.[1]).toMatchObject({ providerName: 'Paddle', connectedProviders: [] });
	});

	test('only the chosen providers are watched', async () => {
		const runner = disconnected(['paddle']);
		await runner.poll();
		website().setConnected(WEBSITE, 'stripe', false);
		expect(await runner.poll()).toBeNull();
		website().setConnected(WEBSITE, 'paddle', false);
		expect((await runner.poll())?.map((e) => e.provider)).toEqual(['paddle']);
	});

	test('a reconnect does not fire the Disconnected event', async () => {
		const runner = disconnected();
		website().setConnected(WEBSITE, 'stripe', false);
		await runner.poll();
		website().setConnected(WEBSITE, 'stripe', true);
		expect(await runner.poll()).toBeNull();
	});

	describe('a provider already disconnected when the workflow is activated', () => {
		test('with all providers watched (the default), nothing fires: unused providers are not connected either', async () => {
			const runner = disconnected();
			expect(
				await watcher({ event: 'providerDisconnected', websiteId: EMPTY_WEBSITE }).poll(),
			).toBeNull();
			website().setConnected(WEBSITE, 'stripe', false);
			expect(await runner.poll()).toBeNull();
		});

		test('chosen explicitly, it fires once at activation, marked atActivation', async () => {
			website().setConnected(WEBSITE, 'stripe', false);
			const runner = disconnected(['stripe', 'paddle']);
			expect(await runner.poll()).toEqual([
				expect.objectContaining({ event: 'disconnected', provider: 'stripe', atActivation: true }),
			]);
			expect(await runner.poll()).toBeNull();
		});
	});

	describe('a failed poll moves nothing: the change fires on the next good poll', () => {
		test.each([
			[
				'a token refused (401, not retried)',
				{ kind: '401', message: 'Invalid or missing API token' },
			],
			['a server error on every attempt (500 ×3)', { kind: '500', times: 3 }],
			[
				'an answer without the status',
				{ kind: 'answer', text: '{"status":"success","data":[]}', times: 6 },
			],
		])(
			'%s',
			async (_name, fault) => {
				const runner = disconnected();
				await runner.poll();
				const before = JSON.stringify(runner.staticData);
				website().setConnected(WEBSITE, 'stripe', false);
				sandbox.injectFaults({ path: '^/datafast/', ...fault });
				await expect(runner.poll()).rejects.toThrow();
				expect(JSON.stringify(runner.staticData)).toBe(before);
				sandbox.clearFaults();
				expect((await runner.poll())?.map((e) => e.provider)).toEqual(['stripe']);
				expect(await runner.poll()).toBeNull();
			},
			60_000,
		);
	});

	test('another website starts a new baseline instead of comparing with the old one', async () => {
		const runner = disconnected();
		await runner.poll();
		runner.node.parameters.websiteId = EMPTY_WEBSITE;
		expect(await runner.poll()).toBeNull();
		expect((stateOf(runner) as IDataObject).providerWatch).toMatchObject({
			websiteId: EMPTY_WEBSITE,
		});
	});

	test('a website ID that is not one is refused before anything is sent', async () => {
		await expect(
			watcher({ event: 'providerDisconnected', websiteId: '../../x' }).poll(),
		).rejects.toThrow('"../../x" is not a DataFast website ID');
		expect(DATAFAST_CALLS(sandbox)).toEqual([]);
	});
});

describe('Payment Provider Reconnected', () => {
	test('a reconnect fires once; the disconnect before it fires nothing', async () => {
		const runner = reconnected();
		await runner.poll();
		website().setConnected(WEBSITE, 'stripe', false);
		expect(await runner.poll()).toBeNull();
		website().setConnected(WEBSITE, 'stripe', true);
		expect(await runner.poll()).toEqual([
			expect.objectContaining({
				event: 'reconnected',
				provider: 'stripe',
				connected: true,
				connectedProviders: ['stripe', 'paddle'],
			}),
		]);
		expect(await runner.poll()).toBeNull();
	});

	test('a provider connected for the first time fires too; one connected at activation does not', async () => {
		const runner = reconnected();
		expect(await runner.poll()).toBeNull();
		website().setConnected(WEBSITE, 'polar', true);
		expect((await runner.poll())?.map((e) => [e.provider, e.providerName])).toEqual([
			['polar', 'Polar'],
		]);
		expect(await runner.poll()).toBeNull();
	});
});

describe('Fetch Test Event', () => {
	test('returns the current state as the event, and moves nothing', async () => {
		website().setConnected(WEBSITE, 'stripe', false);
		const runner = disconnected(['stripe', 'paddle']);
		expect(await runner.poll('manual')).toEqual([
			expect.objectContaining({ event: 'disconnected', provider: 'stripe', connected: false }),
		]);
		expect(stateOf(runner)).toEqual({});
		expect(DATAFAST_CALLS(sandbox)).toEqual([INTEGRATIONS]);
	});

	test('a sample for Reconnected shows a connected provider, and the real poll after it still fires', async () => {
		const runner = reconnected();
		await runner.poll();
		website().setConnected(WEBSITE, 'shopify', true);
		expect(await runner.poll('manual')).toEqual([
			expect.objectContaining({ event: 'reconnected', provider: 'stripe', connected: true }),
		]);
		expect((await runner.poll())?.map((e) => e.provider)).toEqual(['shopify']);
	});

	test('a website with nothing connected still gives a sample to map', async () => {
		expect(
			await watcher({ event: 'providerReconnected', websiteId: EMPTY_WEBSITE }).poll('manual'),
		).toEqual([
			expect.objectContaining({
				provider: 'stripe',
				connected: false,
				connectedProviders: [],
				currency: 'EUR',
			}),
		]);
	});
});

test('the website picked From List (a resource locator) is the one watched; its list is the account’s websites', async () => {
	const picked = { __rl: true, mode: 'list', value: WEBSITE, cachedResultName: 'Shop' };
	const runner = watcher({ event: 'providerDisconnected', websiteId: picked });
	expect(await runner.poll()).toBeNull();
	website().setConnected(WEBSITE, 'paddle', false);
	expect(await runner.poll()).toEqual([
		expect.objectContaining({ provider: 'paddle', websiteId: WEBSITE }),
	]);
	expect(DATAFAST_CALLS(sandbox)).toEqual([INTEGRATIONS, INTEGRATIONS]);
	const listed = await listSearch(triggerNode({}), 'searchWebsites');
	expect(listed.results.map((r) => r.value)).toContain(WEBSITE);
});
