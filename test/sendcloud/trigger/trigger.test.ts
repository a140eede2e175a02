import type { IDataObject } from 'n8n-workflow';

import { makeNode, TriggerRunner } from '../../helpers/engine';
import { apiCalls, SEEDED_UNTIL, useSandbox } from '../../helpers/sandbox';
import { arrive, uuids } from '../../helpers/shipments';

// Seeded orders of integration 101 end at SEEDED_UNTIL (2026-11-20T12:00Z) and the sandbox's clock runs from
// 2026-12-01, whatever the day: dates below are on that clock. The sandbox serves 100 a page, newest first.
const sandbox = useSandbox();
const AFTER_SEED = SEEDED_UNTIL + 30 * 60_000;
const at = (minutes: number) => new Date(AFTER_SEED + minutes * 60_000).toISOString();

const trigger = (parameters: Record<string, unknown> = {}) =>
	new TriggerRunner(
		makeNode('sendcloudTrigger', {
			event: 'newShipment',
			integrationId: { __rl: true, mode: 'list', value: '101' },
			...parameters,
		} as never),
	);

describe('New Order', () => {
	test('the first activation fires nothing and only records where it stands', async () => {
		const runner = trigger();
		expect(await runner.poll()).toBeNull();
		// The newest page holds the newest order and the lateness window before it: the older pages are not read.
		expect(sandbox.requests.filter((r) => r.path.endsWith('/shipments'))).toHaveLength(1);
		expect(await runner.poll()).toBeNull();
		const state = (runner.staticData['node:Sendcloud'] as IDataObject).orderWatch as IDataObject;
		expect(state.watermark).toBe(
			Date.parse(String(sandbox.state.shipments.get(101)!.at(-1)!.created_at)),
		);
	});

	test('each new order fires once, oldest first', async () => {
		const runner = trigger();
		await runner.poll();
		const first = arrive(sandbox, at(2));
		const second = arrive(sandbox, at(1));
		expect(uuids(await runner.poll())).toEqual([second.shipment_uuid, first.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
		const third = arrive(sandbox, at(3));
		expect(uuids(await runner.poll())).toEqual([third.shipment_uuid]);
	});

	test('the order comes out as the API returns it', async () => {
		const runner = trigger();
		await runner.poll();
		arrive(sandbox, at(1), { external_order_id: 'A-1' });
		const [order] = (await runner.poll())!;
		expect(order).toMatchObject({
			external_order_id: 'A-1',
			integration: 101,
			parcel_items: expect.any(Array),
		});
		expect(order).not.toHaveProperty('_seq');
	});

	test('orders sharing a timestamp fire once each, across polls', async () => {
		const runner = trigger();
		await runner.poll();
		const same = at(5);
		const a = arrive(sandbox, same);
		const b = arrive(sandbox, same);
		expect(new Set(uuids(await runner.poll()))).toEqual(
			new Set([a.shipment_uuid, b.shipment_uuid]),
		);
		const c = arrive(sandbox, same);
		expect(uuids(await runner.poll())).toEqual([c.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
	});

	test('an order that becomes visible late, with an older timestamp, still fires once', async () => {
		const runner = trigger();
		await runner.poll();
		arrive(sandbox, at(10));
		await runner.poll();
		const late = arrive(sandbox, at(4)); // 6 minutes older than the newest order already handled
		expect(uuids(await runner.poll())).toEqual([late.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
	});

	test('across midnight', async () => {
		const runner = trigger();
		await runner.poll();
		const before = arrive(sandbox, '2026-11-20T23:59:59.900Z');
		expect(uuids(await runner.poll())).toEqual([before.shipment_uuid]);
		const after = arrive(sandbox, '2026-11-21T00:00:00.100Z');
		const next = arrive(sandbox, '2026-11-21T00:03:00.000Z');
		expect(uuids(await runner.poll())).toEqual([after.shipment_uuid, next.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
	});

	test('many new orders across page boundaries fire once each; the cap spreads them over polls', async () => {
		const runner = trigger({ options: { maxPerPoll: 100 } });
		await runner.poll();
		const arrived = Array.from(
			{ length: 250 },
			(_, i) => arrive(sandbox, at(1 + Math.floor(i / 7))).shipment_uuid,
		);
		const fired = [
			...uuids(await runner.poll()),
			...uuids(await runner.poll()),
			...uuids(await runner.poll()),
		];
		expect(fired).toHaveLength(250);
		expect(new Set(fired)).toEqual(new Set(arrived));
		expect(await runner.poll()).toBeNull();
	});

	test('a poll that fails on a later page loses nothing: the next one catches up', async () => {
		const runner = trigger();
		await runner.poll();
		const arrived = Array.from(
			{ length: 150 },
			(_, i) => arrive(sandbox, at(1 + i / 100)).shipment_uuid,
		);
		const before = JSON.stringify(runner.staticData);
		sandbox.injectFaults({ kind: '404', path: '/shipments$', query: 'cursor=' });
		await expect(runner.poll()).rejects.toThrow(
			"Sendcloud could not find integration 101: check the ID, or list the account's integrations",
		);
		expect(JSON.stringify(runner.staticData)).toBe(before);
		expect(new Set(uuids(await runner.poll()))).toEqual(new Set(arrived));
	});

	test.each(['malformed', 'no-results'])(
		'a %s page is retried like any transient failure',
		async (kind) => {
			const runner = trigger();
			await runner.poll();
			const order = arrive(sandbox, at(1));
			sandbox.injectFaults({ kind, path: '/shipments$' });
			expect(uuids(await runner.poll())).toEqual([order.shipment_uuid]);
			expect(
				sandbox.requests
					.filter((r) => r.path.endsWith('/shipments'))
					.map((r) => r.status)
					.slice(-2),
			).toEqual([200, 200]);
		},
	);

	test('order and payment status filters: other orders are skipped for good', async () => {
		const runner = trigger({
			options: { paymentStatuses: 'paid', orderStatuses: 'processing, ready' },
		});
		await runner.poll();
		const paid = arrive(sandbox, at(1), { payment_status: { id: 'paid', message: 'Paid' } });
		arrive(sandbox, at(2), { payment_status: { id: 'pending', message: 'Pending' } });
		arrive(sandbox, at(3), {
			payment_status: { id: 'paid', message: 'Paid' },
			order_status: { id: 'cancelled', message: 'Cancelled' },
		});
		expect(uuids(await runner.poll())).toEqual([paid.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
	});

	test('Start From backfills orders created since that time on the first activation', async () => {
		const newest = Date.parse(String(sandbox.state.shipments.get(101)!.at(-1)!.created_at));
		const startFrom = new Date(newest - 6 * 3600_000).toISOString();
		const runner = trigger({ options: { startFrom } });
		const expected = sandbox.state.shipments
			.get(101)!
			.filter((s) => String(s.created_at) >= startFrom);
		expect(expected.length).toBeGreaterThan(3);
		expect(new Set(uuids(await runner.poll()))).toEqual(
			new Set(expected.map((s) => s.shipment_uuid)),
		);
		expect(await runner.poll()).toBeNull();
	});

	test('changing the integration starts over instead of firing its whole history', async () => {
		const runner = trigger();
		await runner.poll();
		const other = new TriggerRunner(
			makeNode('sendcloudTrigger', {
				event: 'newShipment',
				integrationId: { __rl: true, mode: 'id', value: '102' },
			} as never),
		);
		other.staticData = runner.staticData;
		expect(await other.poll()).toBeNull();
	});

	test('manual mode returns the most recent order as a sample and leaves the position alone', async () => {
		const runner = trigger();
		await runner.poll();
		const saved = JSON.stringify(runner.staticData);
		const newest = arrive(sandbox, at(1));
		expect(uuids(await runner.poll('manual'))).toEqual([newest.shipment_uuid]);
		expect(JSON.stringify(runner.staticData)).toBe(saved);
		expect(uuids(await runner.poll())).toEqual([newest.shipment_uuid]);
	});

	test('errors surface in manual mode', async () => {
		const runner = new TriggerRunner(
			makeNode('sendcloudTrigger', {
				event: 'newShipment',
				integrationId: { __rl: true, mode: 'id', value: '999' },
			} as never),
		);
		await expect(runner.poll('manual')).rejects.toThrow(
			"Sendcloud could not find integration 999: check the ID, or list the account's integrations with Integration → Get Many",
		);
	});

	test('the remembered orders stay within the lateness window', async () => {
		const runner = trigger({ options: { latenessMinutes: 10 } });
		await runner.poll();
		for (let minute = 0; minute < 60; minute += 2) arrive(sandbox, at(minute));
		await runner.poll();
		const state = (runner.staticData['node:Sendcloud'] as IDataObject).orderWatch as {
			seen: Record<string, [number, number]>;
		};
		expect(Object.keys(state.seen)).toHaveLength(6); // minutes 48..58: the newest order and 10 minutes before it
	});
});

describe('requests one poll makes: 10 new orders among 10,000', () => {
	// One order a minute from 2026-11-14 to 2026-11-20T22:40Z, after the seeded ones.
	const existing = Date.parse('2026-11-14T00:00:00Z');
	const requestsForTenNew = async () => {
		const runner = trigger();
		for (let i = 0; i < 10_000; i++) arrive(sandbox, existing + i * 60_000);
		await runner.poll();
		for (let i = 1; i <= 10; i++) arrive(sandbox, existing + 10_000 * 60_000 + i * 1000);
		const before = apiCalls(sandbox).length;
		expect(await runner.poll()).toHaveLength(10);
		return apiCalls(sandbox).slice(before);
	};

	test('newest-first list (as Sendcloud serves it): one request', async () => {
		expect(await requestsForTenNew()).toHaveLength(1);
	});

	test('oldest-first list: the pages of the day before the window onwards, not the whole history', async () => {
		sandbox.options.newestFirst = false;
		try {
			const calls = await requestsForTenNew();
			// start_date 2026-11-19: the ~2,900 orders of the 19th and 20th, 100 a page (29 requests).
			const listed = sandbox.state.shipments
				.get(101)!
				.filter((s) => String(s.created_at) >= '2026-11-19').length;
			expect(new URL(calls[0].split(' ')[1], 'http://x').searchParams.get('start_date')).toBe(
				'2026-11-19',
			);
			expect(calls).toHaveLength(Math.ceil(listed / 100));
			expect(calls.length).toBeLessThan(10_000 / 100 / 3); // the whole history is 100+ pages
		} finally {
			sandbox.options.newestFirst = true;
		}
	});
});

describe('Updated Order', () => {
	const updates = (options: IDataObject = {}) => trigger({ event: 'updatedShipment', options });

	test('fires when the shop changed an order, once per change', async () => {
		const runner = updates();
		await runner.poll();
		const order = sandbox.state.shipments.get(101)!.at(-1)!;
		order.shipment_updated_at = '2026-11-21T08:00:00.000Z';
		expect(uuids(await runner.poll())).toEqual([order.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
		order.shipment_updated_at = '2026-11-21T09:00:00.000Z';
		expect(uuids(await runner.poll())).toEqual([order.shipment_uuid]);
	});

	test('new orders count as updates unless excluded', async () => {
		const including = updates();
		const excluding = updates({ includeNew: false });
		await including.poll();
		await excluding.poll();
		const fresh = arrive(sandbox, at(1));
		expect(uuids(await including.poll())).toEqual([fresh.shipment_uuid]);
		expect(await excluding.poll()).toBeNull();
	});
});

describe('Integration Failing', () => {
	const watch = (notifyRecovery = false) =>
		new TriggerRunner(
			makeNode('sendcloudTrigger', {
				event: 'integrationFailing',
				integrationId: { __rl: true, mode: 'id', value: '101' },
				notifyRecovery,
			} as never),
		);

	test('fires when failing_since appears, and when healthy again if asked', async () => {
		const runner = watch(true);
		expect(await runner.poll()).toBeNull();
		const integration = sandbox.state.integrations.find((i) => i.id === 101)!;
		integration.failing_since = '2026-11-22T10:00:00Z';
		expect(await runner.poll()).toEqual([
			expect.objectContaining({ event: 'failing', id: 101, failing_since: '2026-11-22T10:00:00Z' }),
		]);
		expect(await runner.poll()).toBeNull();
		integration.failing_since = null;
		expect(await runner.poll()).toEqual([
			expect.objectContaining({
				event: 'recovered',
				id: 101,
				failing_since_before: '2026-11-22T10:00:00Z',
			}),
		]);
	});

	test('without the recovery option, getting healthy fires nothing', async () => {
		const runner = watch();
		const integration = sandbox.state.integrations.find((i) => i.id === 101)!;
		integration.failing_since = '2026-11-22T10:00:00Z';
		await runner.poll();
		integration.failing_since = null;
		expect(await runner.poll()).toBeNull();
	});

	test('manual mode returns the integration as a sample', async () => {
		expect(await watch().poll('manual')).toEqual([
			expect.objectContaining({ event: 'healthy', id: 101 }),
		]);
	});
});
