import { makeNode, runNode } from '../helpers/engine';
import { useSandbox } from '../helpers/sandbox';

// The sandbox enforces Sendcloud's published limits (writes: 100/min, 15 in any second).
const sandbox = useSandbox({ rateLimits: true });

test('40 updates in one execution are paced under the burst limit and provoke no 429', async () => {
	const node = makeNode('sendcloud', {
		resource: 'integration',
		operation: 'update',
		integrationId: { __rl: true, mode: 'id', value: '101' },
		updateFields: { shopName: '={{ "Shop " + $json.n }}' },
	} as never);
	const { json, error } = await runNode(
		node,
		Array.from({ length: 40 }, (_, n) => ({ n })),
	);
	expect(error).toBeUndefined();
	expect(json).toHaveLength(40);
	const writes = sandbox.requests.filter((r) => r.method === 'PATCH');
	expect(writes.map((r) => r.status)).toEqual(Array(40).fill(200));
	const arrivals = writes.map((r) => (r as unknown as { at: number }).at).sort((a, b) => a - b);
	const busiestSecond = Math.max(
		...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length),
	);
	expect(busiestSecond).toBeLessThanOrEqual(15);
});

describe('a bulk import with Sendcloud limits enforced provokes no 429', () => {
	const importOrders = async (count: number) => {
		const { orders } = await import('../helpers/orders');
		const node = makeNode('sendcloud', {
			resource: 'shipment',
			operation: 'upsert',
			integrationId: { __rl: true, mode: 'id', value: '101' },
			dataMode: 'autoMapInputData',
		} as never);
		return await runNode(node, orders(count));
	};

	test.each([1000, 2000])('%i orders', async (count) => {
		const { json, error } = await importOrders(count);
		expect(error).toBeUndefined();
		expect(json.filter((o) => o.status === 'created')).toHaveLength(count);
		const posts = sandbox.requests.filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(count / 100);
		expect(posts.map((r) => r.status)).toEqual(Array(count / 100).fill(200));
	});
});
