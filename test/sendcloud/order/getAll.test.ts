import { DateTime } from 'luxon';

import { runNode } from '../../helpers/engine';
import { byId, shipmentNode } from '../../helpers/nodes';
import { orders } from '../../helpers/orders';
import { apiCalls, seed, useSandbox } from '../../helpers/sandbox';

// Integration 101 holds 315 seeded orders, 102 holds 35, 103 none; the sandbox serves 100 a page.
const sandbox = useSandbox();

describe('Get Many', () => {
	const list = (parameters: Record<string, unknown>) =>
		shipmentNode({ operation: 'getAll', integrationId: byId(101), returnAll: true, ...parameters });

	test('Return All follows every page, with no order twice', async () => {
		const { json } = await runNode(list({ simplify: false }));
		expect(json).toHaveLength(315);
		expect(new Set(json.map((s) => s.shipment_uuid)).size).toBe(315);
		expect(apiCalls(sandbox)).toHaveLength(4);
		expect(json[0]).toHaveProperty('parcel_items');
	});

	test.each([
		[100, 1],
		[101, 2],
		[250, 3],
		[1, 1],
	])('Limit %i makes %i request(s)', async (limit, requests) => {
		const { json } = await runNode(list({ returnAll: false, limit }));
		expect(json).toHaveLength(limit);
		expect(apiCalls(sandbox)).toHaveLength(requests);
	});

	test('exactly one page', async () => {
		const { json } = await runNode(list({ integrationId: byId(102) }));
		expect(json).toHaveLength(35);
		expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations/102/shipments']);
	});

	test('an empty integration', async () => {
		const { json, error } = await runNode(list({ integrationId: byId(103) }));
		expect(error).toBeUndefined();
		expect(json).toEqual([]);
	});

	test('Simplify keeps the main fields only', async () => {
		const { json } = await runNode(list({ returnAll: false, limit: 1 }));
		expect(Object.keys(json[0]).sort()).toEqual(
			[
				'city',
				'country',
				'created_at',
				'currency',
				'email',
				'external_order_id',
				'external_shipment_id',
				'name',
				'order_number',
				'order_status',
				'payment_status',
				'postal_code',
				'shipment_created_at',
				'shipment_updated_at',
				'shipment_uuid',
				'total_order_value',
			].sort(),
		);
	});

	test('filters are sent as the spec describes: days, exploded lists', async () => {
		const { json } = await runNode(
			list({
				filters: {
					startDate: '2026-11-17T23:30:00+01:00',
					endDate: '={{ DateTime.fromISO("2026-11-20T08:00:00", { zone: "Europe/Amsterdam" }) }}',
					externalOrderIds: '100001, 100002,100150',
					orderNumber: '',
					shippingRules: true,
				},
			}),
		);
		const query = new URLSearchParams(sandbox.requests[0].query);
		expect(query.get('start_date')).toBe('2026-11-17');
		expect(query.get('end_date')).toBe('2026-11-20');
		expect(query.getAll('external_order_ids')).toEqual(['100001', '100002', '100150']);
		expect(query.get('shipping_rules')).toBe('true');
		expect(
			json.every((s) => ['100001', '100002', '100150'].includes(String(s.external_order_id))),
		).toBe(true);
	});

	test('a start date after the end date is refused before sending', async () => {
		const { error } = await runNode(
			list({ filters: { startDate: '2026-11-20', endDate: '2026-11-01' } }),
		);
		expect(error?.message).toBe('The start date is after the end date');
		expect(apiCalls(sandbox)).toEqual([]);
	});

	test('Return All lists more orders than one function call takes as arguments', async () => {
		// 160,000 orders once failed with "Maximum call stack size exceeded" after every page was
		// read: the whole list was spread into one push. Bigger pages keep this test fast.
		sandbox.state.shipments.set(103, seed({ orders: 200_000, ordersOf: 103 }).shipments.get(103));
		const { pageSize } = sandbox.options;
		sandbox.options.pageSize = 10_000;
		try {
			const { json, error } = await runNode(list({ integrationId: byId(103) }));
			expect(error).toBeUndefined();
			expect(json).toHaveLength(200_000);
			expect(new Set(json.map((s) => s.external_order_id)).size).toBe(200_000);
			// Newest first: the last order seeded, then back to the first.
			expect(json[0].external_order_id).toBe('299999');
			expect(json[199_999].external_order_id).toBe('100000');
			expect(apiCalls(sandbox)).toHaveLength(20);
		} finally {
			sandbox.options.pageSize = pageSize;
		}
		// 200,000 orders take about 20 s alone; room for a machine busy with other suites.
	}, 180_000);

	test('a date filter turns Luxon dates into days', () => {
		const { toApiDate } = jest.requireActual('../../../nodes/Sendcloud/helpers/dates');
		expect(toApiDate(DateTime.fromISO('2026-01-02T23:59:00', { zone: 'America/New_York' }))).toBe(
			'2026-01-02',
		);
		expect(toApiDate(new Date('2026-01-02T10:00:00Z'))).toBe('2026-01-02');
		expect(toApiDate('yesterday')).toBeUndefined();
	});
});
