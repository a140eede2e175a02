import type { IDataObject } from 'n8n-workflow';

import { listSearch, runNode } from '../../helpers/engine';
import { byId } from '../../helpers/nodes';
import { afterLabel, apiReturn, returnNode, v3Calls } from '../../helpers/returns';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';

// Issue 20, item 2: reading, listing and cancelling returns.
const sandbox = useSandbox();
const DAY = 24 * 3600 * 1000;
let now = CLOCK_START;
beforeEach(() => {
	now = CLOCK_START;
	sandbox.setClock(() => now);
});
afterAll(() => sandbox.setClock());

/** Creates returns through the node (waiting for the carrier, no label file); returns their IDs. */
async function returnsCreated(count: number, prefix = 'L'): Promise<number[]> {
	const input = Array.from({ length: count }, (_, n) =>
		apiReturn({ order_number: `${prefix}-${n}` }),
	);
	const { json } = await runNode(
		returnNode({ operation: 'create', dataMode: 'autoMapInputData', downloadLabel: false }),
		input,
	);
	return json.map((j) => Number(j.return_id));
}
const listCalls = () => v3Calls(sandbox, '/returns').filter((c) => c.startsWith('GET /returns?'));
const cancel = (returnId: number | string, settings = {}) =>
	returnNode({ operation: 'cancel', returnId: byId(returnId) }, settings);
const getMany = (parameters: IDataObject = {}) =>
	returnNode({
		operation: 'getAll',
		fromDate: '2026-11-30T00:00:00Z',
		toDate: '2026-12-31T00:00:00Z',
		...parameters,
	});

describe('Return → Get', () => {
	test('simplified: status, tracking, label link, whether it can be cancelled', async () => {
		const [id] = await returnsCreated(1);
		const [ret] = afterLabel(sandbox).returns();
		const { json } = await runNode(returnNode({ operation: 'get', returnId: byId(id) }));
		expect(json[0]).toEqual({
			id,
			status: 'open',
			parcel_status: 'Announced',
			parcel_id: ret.parcelId,
			is_cancellable: true,
			tracking_number: ret.tracking_number,
			tracking_url: expect.stringContaining(String(ret.tracking_number)),
			label_url: `${sandbox.sendcloudV3BaseUrl}/parcels/${ret.parcelId}/documents/label`,
			order_number: 'L-0',
			customer_name: 'Piet Customer',
			customer_email: null,
			shipping_option_code: 'postnl:standard/return',
			created_at: new Date(CLOCK_START).toISOString(),
			delivered_at: null,
		});
	});

	test('an unknown ID: the error says what was not found and where to look', async () => {
		const { error } = await runNode(returnNode({ operation: 'get', returnId: byId(424242) }));
		expect(error?.message).toBe(
			'Sendcloud could not find return 424242: check the return ID (as Return → Create returns it), or find it with Return → Get Many',
		);
	});
});

describe('Return → Get Many', () => {
	test('Limit reads no page past it; Return All walks every page', async () => {
		await returnsCreated(45);
		const limited = await runNode(getMany({ limit: 5 }));
		expect(limited.json).toHaveLength(5);
		expect(listCalls()).toEqual([
			'GET /returns?from_date=2026-11-30%2000%3A00%3A00&to_date=2026-12-31%2000%3A00%3A00&page_size=5 200',
		]);
		const all = await runNode(getMany({ returnAll: true }));
		expect(all.json).toHaveLength(45);
		expect(new Set(all.json.map((j) => j.id)).size).toBe(45);
		expect(listCalls()).toHaveLength(3);
	});

	test('the dates and the parcel status filter', async () => {
		await returnsCreated(2, 'OLD');
		now = CLOCK_START + 10 * DAY;
		const [fresh] = await returnsCreated(1, 'NEW');
		const recent = await runNode(getMany({ fromDate: '2026-12-05T00:00:00Z', simplify: false }));
		expect(recent.json.map((j) => j.order_number)).toEqual(['NEW-0']);
		// The two older ones are with the carrier by now, then delivered.
		const delivered = await runNode(getMany({ filters: { parentParcelStatus: 'delivered' } }));
		expect(delivered.json.map((j) => j.order_number)).toEqual(['OLD-0', 'OLD-1']);
		expect(delivered.json[0].delivered_at).toBe(new Date(CLOCK_START + 3 * DAY).toISOString());
		expect(fresh).toBeGreaterThan(0);
	});

	test('a date that is none is refused before sending', async () => {
		const { error } = await runNode(getMany({ toDate: '={{ "next week" }}' }));
		expect(error?.message).toBe('Created Before: "next week" is not a date and time');
		expect(v3Calls(sandbox, '/returns')).toEqual([]);
	});
});

describe('Return → Cancel', () => {
	test('a cancellable return: cancellation requested, and it is cancelled an hour later', async () => {
		const [id] = await returnsCreated(1);
		const { json } = await runNode(cancel(id));
		expect(json[0]).toEqual({
			return_id: id,
			cancellation_requested: true,
			message: 'Cancellation requested successfully',
		});
		now += 2 * 3600 * 1000;
		expect(afterLabel(sandbox).returns()[0].status).toBe('cancelled');
	});

	test.each([
		['already cancelled', 'it is already cancelled.', () => (now += 2 * 3600 * 1000), true],
		[
			'cancellation already asked for',
			'its cancellation was already requested.',
			() => undefined,
			true,
		],
		[
			'the carrier has the parcel',
			'the carrier already has the parcel.',
			() => (now += 2 * DAY),
			false,
		],
	])(
		'refused (%s): the error says the reason Sendcloud gave',
		async (_name, reason, wait, first) => {
			const [id] = await returnsCreated(1);
			if (first) await runNode(cancel(id));
			wait();
			const { error } = await runNode(cancel(id));
			expect(error?.message).toBe(
				`Sendcloud refused to cancel return ${id}: Return is not cancellable: ${reason}`,
			);
			expect((error as unknown as { httpCode?: string }).httpCode).toBe('409');
		},
	);

	test('Continue On Fail: one output item per input', async () => {
		const [a, b] = await returnsCreated(2);
		await runNode(cancel(b));
		const { items } = await runNode(
			returnNode(
				{ operation: 'cancel', returnId: byId('={{ $json.id }}') },
				{ continueOnFail: true },
			),
			[{ id: a }, { id: b }, { id: 'abc' }],
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.cancellation_requested).toBe(true);
		expect(items[1].json.error).toContain('its cancellation was already requested');
		expect(items[2].json.error).toBe('"abc" is not a return ID');
	});
});

describe('the Return list (resource locator)', () => {
	test('lists the returns of the last 90 days, newest first, searchable by order, customer or tracking number', async () => {
		// The list looks back from the machine's clock: the sandbox runs on it here, whatever the day.
		sandbox.setClock(() => Date.now());
		const ids = await returnsCreated(2, 'PICK');
		const [older, newer] = afterLabel(sandbox).returns();
		const { results } = await listSearch(returnNode({ operation: 'get' }), 'searchReturns');
		expect(results.map((r) => r.value).sort()).toEqual(ids.map(String).sort());
		expect(results.find((r) => r.value === String(newer.id))?.name).toBe(
			`PICK-1 · Piet Customer · ${newer.tracking_number} (ID ${newer.id})`,
		);
		const searched = await listSearch(returnNode({ operation: 'get' }), 'searchReturns', 'pick-0');
		expect(searched.results.map((r) => r.value)).toEqual([String(older.id)]);
	});
});
