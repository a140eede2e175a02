/**
 * The Sendcloud Trigger where its memory is bounded: more orders in the watch window than it remembers, and
 * orders whose created_at is not a date. Nothing unchanged may fire again, nothing may fire twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { makeNode, TriggerRunner } from '../../helpers/engine';
import { SEEDED_UNTIL, useSandbox } from '../../helpers/sandbox';
import { arrive, uuids } from '../../helpers/shipments';
import { MAX_REMEMBERED } from '../../../nodes/Sendcloud/trigger/orderWatch';

const sandbox = useSandbox();
const MORE_THAN_REMEMBERED = MAX_REMEMBERED + 1000;
const at = (seconds: number) => SEEDED_UNTIL + 60_000 + seconds * 1000;

const trigger = (event: string, options: IDataObject = {}) =>
	new TriggerRunner(
		makeNode('sendcloudTrigger', {
			event,
			integrationId: { __rl: true, mode: 'id', value: '101' },
			options,
		} as never),
	);

beforeEach(() => (sandbox.options.pageSize = 1000));
afterEach(() => (sandbox.options.pageSize = 100));

describe(`more than ${MAX_REMEMBERED} orders inside the watch window`, () => {
	test('Updated Order: unchanged orders never fire again, a changed one fires once', async () => {
		for (let i = 0; i < MORE_THAN_REMEMBERED; i++) arrive(sandbox, at(i));
		const runner = trigger('updatedShipment', { updateWindowDays: 2 });
		expect(await runner.poll()).toBeNull();
		expect(await runner.poll()).toBeNull();
		expect(await runner.poll()).toBeNull();
		const changed = sandbox.state.shipments.get(101)!.at(-1)!;
		changed.shipment_updated_at = new Date(at(MORE_THAN_REMEMBERED + 60)).toISOString();
		expect(uuids(await runner.poll())).toEqual([changed.shipment_uuid]);
		expect(await runner.poll()).toBeNull();
		const state = (runner.staticData['node:Sendcloud'] as IDataObject).orderWatch as {
			seen: object;
		};
		expect(Object.keys(state.seen).length).toBeLessThanOrEqual(MAX_REMEMBERED);
	});

	test('New Order with a long lateness tolerance: each order fires once, then nothing', async () => {
		const runner = trigger('newShipment', { latenessMinutes: 3 * 24 * 60 });
		expect(await runner.poll()).toBeNull();
		const arrived = Array.from(
			{ length: MORE_THAN_REMEMBERED },
			(_, i) => arrive(sandbox, at(i)).shipment_uuid,
		);
		const fired = uuids(await runner.poll());
		expect(fired).toHaveLength(MORE_THAN_REMEMBERED);
		expect(new Set(fired)).toEqual(new Set(arrived));
		expect(await runner.poll()).toBeNull();
		expect(await runner.poll()).toBeNull();
	});

	test('Max Orders per Poll: a backlog larger than the memory still fires every order once', async () => {
		const runner = trigger('newShipment', { latenessMinutes: 3 * 24 * 60, maxPerPoll: 2500 });
		await runner.poll();
		const arrived = Array.from(
			{ length: MORE_THAN_REMEMBERED },
			(_, i) => arrive(sandbox, at(i)).shipment_uuid,
		);
		const fired: unknown[] = [];
		for (let poll = 0; poll < 5; poll++) fired.push(...uuids(await runner.poll()));
		expect(fired).toHaveLength(MORE_THAN_REMEMBERED);
		expect(new Set(fired)).toEqual(new Set(arrived));
	});
});

describe('an order whose created_at is not a date', () => {
	test.each(['newShipment', 'updatedShipment'])(
		'%s: at activation it is skipped, and the next poll fires no history',
		async (event) => {
			arrive(sandbox, at(0), { created_at: 'not a date' });
			const runner = trigger(event);
			expect(await runner.poll()).toBeNull();
			expect(await runner.poll()).toBeNull();
			const next = arrive(sandbox, at(10));
			expect(uuids(await runner.poll())).toEqual([next.shipment_uuid]);
			const state = (runner.staticData['node:Sendcloud'] as IDataObject).orderWatch as {
				watermark: number;
			};
			expect(state.watermark).toBe(at(10));
		},
	);

	test('a watch position lost to an earlier version (null) starts over instead of firing the whole history', async () => {
		const runner = trigger('newShipment');
		await runner.poll();
		((runner.staticData['node:Sendcloud'] as IDataObject).orderWatch as IDataObject).watermark =
			null;
		expect(await runner.poll()).toBeNull();
	});
});
