import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	WEBSITE_KEY,
	dataFastCalls,
	dataFastNode,
	dataFastStore,
	useToken,
	visitorA,
} from '../../helpers/dataFast';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const createPayment = (parameters: Record<string, unknown> = {}, settings = {}) =>
	dataFastNode(
		'payment',
		'create',
		{
			amount: 29.99,
			currency: 'usd',
			transactionId: 'cs_test_1',
			visitorId: visitorA(3),
			...parameters,
		},
		settings,
	);
const recorded = (transactionId: string) =>
	dataFastStore(sandbox)
		.payments()
		.filter((p) => p.transaction_id === transactionId);

test('records a payment attributed to the visitor; the answer is plain JSON, without an envelope', async () => {
	const { json, error } = await runNode(
		createPayment({
			additionalFields: { email: 'ada@example.com', renewal: true, customer_id: 'cus_1' },
		}),
	);
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			message: 'Payment recorded and attributed successfully',
			transaction_id: 'cs_test_1',
			amount: 29.99,
			currency: 'USD',
		},
	]);
	expect(sandbox.requests[0].body).toEqual({
		amount: 29.99,
		currency: 'USD',
		transaction_id: 'cs_test_1',
		datafast_visitor_id: visitorA(3),
		email: 'ada@example.com',
		renewal: true,
		customer_id: 'cus_1',
	});
	expect(dataFastCalls(sandbox)).toEqual([`POST /payments?websiteId=${SITE_A}`]);
	expect(recorded('cs_test_1')).toEqual([
		expect.objectContaining({
			amount: 29.99,
			visitorId: visitorA(3),
			renewal: true,
		}),
	]);
	// No timestamp sent: DataFast takes "now", the sandbox's clock (which starts at CLOCK_START).
	const at = recorded('cs_test_1')[0].timestamp as number;
	expect(at - CLOCK_START).toBeGreaterThanOrEqual(0);
	expect(at - CLOCK_START).toBeLessThan(600_000);
});

test('a workflow run twice records the payment once (DataFast is idempotent on transaction_id)', async () => {
	const first = await runNode(createPayment());
	const second = await runNode(createPayment());
	expect(second.json).toEqual(first.json);
	expect(recorded('cs_test_1')).toHaveLength(1);
});

test('a lost answer is retried: the payment is recorded once and the item succeeds', async () => {
	sandbox.injectFaults({
		method: 'POST',
		path: '^/datafast/api/v1/payments$',
		kind: 'applied-then-reset',
	});
	const { json, error } = await runNode(createPayment());
	expect(error).toBeUndefined();
	expect(json[0].transaction_id).toBe('cs_test_1');
	expect(dataFastCalls(sandbox)).toHaveLength(2);
	expect(recorded('cs_test_1')).toHaveLength(1);
});

test('a 503 is retried too, and still one payment', async () => {
	sandbox.injectFaults({
		method: 'POST',
		path: '^/datafast/api/v1/payments$',
		kind: '503',
		times: 2,
	});
	const { error } = await runNode(createPayment());
	expect(error).toBeUndefined();
	expect(recorded('cs_test_1')).toHaveLength(1);
});

test('a website key sends no website ID; a timestamp goes out as ISO 8601', async () => {
	useToken(sandbox, WEBSITE_KEY);
	await runNode(createPayment({ additionalFields: { timestamp: '2026-11-19T10:00:00' } }));
	expect(dataFastCalls(sandbox)).toEqual(['POST /payments']);
	expect((sandbox.requests[0].body as { timestamp: string }).timestamp).toBe(
		'2026-11-19T10:00:00.000Z',
	);
});

test('input checked before sending; 403 names payments:write', async () => {
	const { items } = await runNode(
		createPayment(
			{ currency: '={{ $json.currency }}', transactionId: '={{ $json.tx }}' },
			{ onError: 'continueRegularOutput' },
		),
		[
			{ currency: 'dollars', tx: 'a' },
			{ currency: 'EUR', tx: ' ' },
		],
	);
	expect(items.map((i) => i.json.error)).toEqual([
		'"DOLLARS" is not a currency code',
		'Transaction ID is empty',
	]);
	expect(dataFastCalls(sandbox)).toEqual([]);
	useToken(sandbox, 'dft_sandbox_analytics_b');
	const { error } = await runNode(
		createPayment({ website: { __rl: true, mode: 'id', value: '66f1c0ffee0123456789abce' } }),
	);
	expect(error?.message).toBe(
		'The DataFast token may not change this website: it needs the payments:write permission and access to the website',
	);
});
