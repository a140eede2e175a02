import type { IDataObject } from 'n8n-workflow';

import { listSearch, makeNode, runNode } from '../../helpers/engine';
import { byId } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

// Issue 19: pickups read one by ID and listed in pages, filtered by the node (the API filters nothing).
const sandbox = useSandbox();

const node = (parameters: IDataObject, settings = {}) =>
	makeNode('sendcloud', { resource: 'pickup', ...parameters } as never, settings);

function seed(count: number, carriers = ['dhl_express', 'dpd', 'ups']) {
	for (let n = 0; n < count; n++) {
		const carrier = carriers[n % carriers.length];
		sandbox.v3.pickups.seedPickup({
			carrier_code: carrier,
			address: {
				name: 'Warehouse',
				address_line_1: 'Industrieweg',
				house_number: String(n + 1),
				postal_code: '5611 AB',
				city: 'Eindhoven',
				country_code: 'NL',
				phone_number: '+31401234567',
			},
			time_slots: [
				{
					start_at: `2026-12-${String(10 + (n % 15)).padStart(2, '0')}T09:00:00Z`,
					end_at: `2026-12-${String(10 + (n % 15)).padStart(2, '0')}T12:00:00Z`,
				},
			],
			quantity: 1 + n,
			total_weight: { value: '2.0', unit: 'kg' },
		});
	}
}
const listCalls = () =>
	sandbox.requests
		.filter((r) => r.method === 'GET' && r.path === '/api/v3/pickups')
		.map((r) => r.query);

describe('Get Many', () => {
	test('a limit reads one page of that size, newest first', async () => {
		seed(7);
		const { json } = await runNode(node({ operation: 'getAll', limit: 3 }));
		expect(json.map((p) => p.id)).toEqual([300007, 300006, 300005]);
		expect(listCalls()).toEqual(['?page_size=3']);
	});

	test('Return All follows the Link header across pages', async () => {
		seed(130);
		const { json } = await runNode(node({ operation: 'getAll', returnAll: true }));
		expect(json).toHaveLength(130);
		expect(new Set(json.map((p) => p.id)).size).toBe(130);
		expect(listCalls()).toHaveLength(2);
	});

	test('filters by carrier and status, applied while reading, up to the limit', async () => {
		seed(9);
		const { json } = await runNode(
			node({
				operation: 'getAll',
				limit: 2,
				filters: { carriers: ['dpd'], statuses: ['ANNOUNCING'] },
			}),
		);
		expect(json.map((p) => [p.id, p.carrier_code])).toEqual([
			[300008, 'dpd'],
			[300005, 'dpd'],
		]);
	});
});

describe('Get', () => {
	test('by ID, one output item per input item; an unknown ID fails that item only', async () => {
		seed(2);
		const { items } = await runNode(
			node({ operation: 'get', pickupId: byId('={{ $json.id }}') }, { continueOnFail: true }),
			[{ id: 300002 }, { id: 999 }, { id: 'x' }],
		);
		expect(items[0].json).toMatchObject({
			id: 300002,
			carrier_code: 'dpd',
			address: { house_number: '2' },
		});
		expect(items[1].json.error).toBe(
			"Sendcloud could not find pickup 999: check the ID, or list the account's pickups with Pickup → Get Many",
		);
		expect(items[2].json.error).toBe('"x" is not a pickup ID');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('From List: the account’s pickups, filtered by what is typed', async () => {
		seed(3);
		const picker = node({ operation: 'get', pickupId: { __rl: true, mode: 'list', value: '' } });
		const { results } = await listSearch(picker, 'searchPickups', 'dpd');
		expect(results).toEqual([
			{ name: 'DPD NL, 2026-12-11T09:00:00Z: ANNOUNCING (ID 300002)', value: '300002' },
		]);
	});
});
