/**
 * DataFast Trigger, Paddle Key Expiring, through n8n-core against the sandbox. "Now" is the tests'
 * clock (useClock, from CLOCK_START), never the day the tests run.
 */
import type { IDataObject } from 'n8n-workflow';

import { CLOCK_START, useSandbox } from '../../helpers/sandbox';
import {
	DAY_MS,
	dataFastOf,
	EMPTY_WEBSITE,
	stateOf,
	useClock,
	watcher,
	WEBSITE,
} from './triggerKit';

const sandbox = useSandbox();
const clock = useClock();
const website = () => dataFastOf(sandbox);
const expiring = (withinDays = 14, websiteId = WEBSITE) =>
	watcher({ event: 'paddleKeyExpiring', withinDays, websiteId });
const HOUR_MS = 3600_000;

test('the seeded key (2027-03-01) is 90 days away on the tests clock: nothing fires', async () => {
	const runner = expiring();
	expect(await runner.poll()).toBeNull();
	expect(await runner.poll()).toBeNull();
	expect((stateOf(runner) as IDataObject).paddleKeyWatch).toEqual({
		version: 1,
		websiteId: WEBSITE,
		notifiedExpiry: null,
	});
});

test('fires once when the key comes within the days set, as the clock moves', async () => {
	const expiry = CLOCK_START + 20 * DAY_MS;
	website().setPaddleKeyExpiry(WEBSITE, expiry);
	const runner = expiring(14);
	expect(await runner.poll()).toBeNull();
	clock.set(expiry - 14 * DAY_MS - HOUR_MS);
	expect(await runner.poll()).toBeNull();
	clock.set(expiry - 14 * DAY_MS + HOUR_MS);
	expect(await runner.poll()).toEqual([
		{
			event: 'paddleKeyExpiring',
			websiteId: WEBSITE,
			paddleConnected: true,
			keyExpiresAt: new Date(expiry).toISOString(),
			expired: false,
			daysLeft: 13,
			withinDays: 14,
			currency: 'USD',
		},
	]);
	for (const day of [1, 5, 13, 20]) {
		clock.set(expiry - 14 * DAY_MS + day * DAY_MS);
		expect(await runner.poll()).toBeNull();
	}
});

test('a key already within the days at activation fires on the first poll, once', async () => {
	website().setPaddleKeyExpiry(WEBSITE, CLOCK_START + 3 * DAY_MS + HOUR_MS);
	const runner = expiring(7);
	expect(await runner.poll()).toEqual([expect.objectContaining({ daysLeft: 3, expired: false })]);
	expect(await runner.poll()).toBeNull();
});

test('a renewed key fires again when its new expiry nears, once', async () => {
	const first = CLOCK_START + 5 * DAY_MS;
	website().setPaddleKeyExpiry(WEBSITE, first);
	const runner = expiring(7);
	expect(await runner.poll()).toHaveLength(1);
	const renewed = first + 365 * DAY_MS;
	website().setPaddleKeyExpiry(WEBSITE, renewed);
	expect(await runner.poll()).toBeNull();
	clock.set(renewed - 6 * DAY_MS);
	expect(await runner.poll()).toEqual([
		expect.objectContaining({ keyExpiresAt: new Date(renewed).toISOString(), daysLeft: 6 }),
	]);
	expect(await runner.poll()).toBeNull();
});

test('the same expiry written another way is the same expiry: no second event', async () => {
	website().setPaddleKeyExpiry(WEBSITE, '2026-12-05T00:00:00Z');
	const runner = expiring(7);
	expect(await runner.poll()).toHaveLength(1);
	website().setPaddleKeyExpiry(WEBSITE, '2026-12-05T00:00:00.000Z');
	expect(await runner.poll()).toBeNull();
});

test('an expired key fires once, marked expired', async () => {
	website().setPaddleKeyExpiry(WEBSITE, CLOCK_START - 2 * DAY_MS);
	const runner = expiring();
	expect(await runner.poll()).toEqual([expect.objectContaining({ expired: true, daysLeft: 0 })]);
	clock.set(CLOCK_START + 30 * DAY_MS);
	expect(await runner.poll()).toBeNull();
});

test('nothing fires while Paddle is disconnected or has no key expiry', async () => {
	website().setPaddleKeyExpiry(WEBSITE, CLOCK_START + DAY_MS);
	website().setConnected(WEBSITE, 'paddle', false);
	expect(await expiring().poll()).toBeNull();
	expect(await expiring(14, EMPTY_WEBSITE).poll()).toBeNull();
});

test('a failed poll moves nothing: the event fires on the next good poll', async () => {
	website().setPaddleKeyExpiry(WEBSITE, CLOCK_START + 2 * DAY_MS);
	const runner = expiring();
	sandbox.injectFaults({ path: '^/datafast/', kind: '403', message: 'Token lacks settings:read' });
	await expect(runner.poll()).rejects.toThrow('The DataFast token may not read this website');
	expect(stateOf(runner)).toBeUndefined();
	expect(await runner.poll()).toHaveLength(1);
	expect(await runner.poll()).toBeNull();
});

describe('Fetch Test Event', () => {
	test("returns the key's current state, however far its expiry, and moves nothing", async () => {
		const runner = expiring(14);
		expect(await runner.poll('manual')).toEqual([
			expect.objectContaining({
				event: 'paddleKeyExpiring',
				keyExpiresAt: '2027-03-01T00:00:00.000Z',
				daysLeft: 90,
				expired: false,
			}),
		]);
		expect(stateOf(runner)).toEqual({});
	});

	test('a sample taken while the key is expiring does not use up its event', async () => {
		website().setPaddleKeyExpiry(WEBSITE, CLOCK_START + DAY_MS + HOUR_MS);
		const runner = expiring();
		expect(await runner.poll('manual')).toEqual([expect.objectContaining({ daysLeft: 1 })]);
		expect(await runner.poll()).toHaveLength(1);
	});

	test('a website without a Paddle key says so in the sample', async () => {
		expect(await expiring(14, EMPTY_WEBSITE).poll('manual')).toEqual([
			expect.objectContaining({ paddleConnected: false, keyExpiresAt: null, daysLeft: null }),
		]);
	});
});
