/**
 * Order → Create or Update when an answer goes wrong: each error item describes its own order, and a 200 that is
 * not the documented per-order list is a malformed answer, never "every order unchanged".
 */
import { makeNode, runNode } from '../../helpers/engine';
import { orders } from '../../helpers/orders';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const upsert = (settings = {}) =>
	makeNode(
		'sendcloud',
		{
			resource: 'shipment',
			operation: 'upsert',
			integrationId: { __rl: true, mode: 'id', value: '101' },
			dataMode: 'autoMapInputData',
		} as never,
		settings,
	);
const posts = () =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments'));
const stored = () =>
	sandbox.state.shipments.get(101)!.filter((s) => String(s.external_order_id).startsWith('900'));
const contextOf = (item: { error?: unknown }) =>
	(item.error as { context: { itemIndex: number; externalOrderId: string } }).context;

test('with Continue On Fail, the error items of one failed batch each name their own item', async () => {
	sandbox.injectFaults({
		kind: '403',
		method: 'POST',
		message: 'You do not have permission to perform this action.',
	});
	const { items, error } = await runNode(upsert({ onError: 'continueRegularOutput' }), orders(3));
	expect(error).toBeUndefined();
	expect(items.map((item) => contextOf(item).itemIndex)).toEqual([0, 1, 2]);
	expect(items.map((item) => contextOf(item).externalOrderId)).toEqual([
		'900000',
		'900001',
		'900002',
	]);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
});

describe.each([
	['an object', '{"detail": "ok"}'],
	['null', 'null'],
	['an empty body', undefined],
	['a list of something else', '[{"id": 1}]'],
])('a 200 whose body is %s', (_what, text) => {
	test('is retried, since the upsert is idempotent: every order lands once and says so', async () => {
		sandbox.injectFaults({ kind: 'answer', method: 'POST', path: '/shipments$', text });
		const { json, error } = await runNode(upsert(), orders(3));
		expect(error).toBeUndefined();
		expect(json.map((o) => o.status)).toEqual(['created', 'created', 'created']);
		expect(posts()).toHaveLength(2);
		expect(stored()).toHaveLength(3);
	});
});

// Six attempts with backoff: about 15 s each, so two of the shapes, one with Continue On Fail and one without.
test('a null body every time: each item fails with a clear error under Continue On Fail (once a TypeError that escaped it)', async () => {
	sandbox.injectFaults({
		kind: 'answer',
		method: 'POST',
		path: '/shipments$',
		text: 'null',
		times: 6,
	});
	const { items, error } = await runNode(upsert({ onError: 'continueRegularOutput' }), orders(3));
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json.error)).toEqual(
		Array(3).fill(
			"Sendcloud's answer could not be used (after 6 attempts): The answer is not the list of per-order results the API documents",
		),
	);
	expect(items.map((item) => contextOf(item).itemIndex)).toEqual([0, 1, 2]);
});

test('an object body every time fails the node, never "every order unchanged"', async () => {
	sandbox.injectFaults({
		kind: 'answer',
		method: 'POST',
		path: '/shipments$',
		text: '{"detail": "ok"}',
		times: 6,
	});
	const { json, error } = await runNode(upsert(), orders(3));
	expect(json).toEqual([]);
	expect(error?.message).toBe(
		"Sendcloud's answer could not be used (after 6 attempts): The answer is not the list of per-order results the API documents",
	);
});
