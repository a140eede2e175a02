import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	dataFastCalls,
	dataFastNode,
	dataFastStore,
	visitorA,
} from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const deletePayments = (parameters: Record<string, unknown>, settings = {}) =>
	dataFastNode('payment', 'delete', parameters, settings);
const payments = () =>
	dataFastStore(sandbox)
		.payments(SITE_A)
		.map((p) => p.transaction_id);

test('by transaction ID: that payment only', async () => {
	const { json } = await runNode(
		deletePayments({ transactionId: 'seed_tx_8', visitorId: visitorA(0) }),
	);
	expect(json).toEqual([
		{ deleted: true, transaction_id: 'seed_tx_8', message: 'Payment deleted successfully' },
	]);
	expect(dataFastCalls(sandbox)).toEqual([
		`DELETE /payments?transaction_id=seed_tx_8&websiteId=${SITE_A}`,
	]);
	expect(payments()).not.toContain('seed_tx_8');
	expect(payments()).toContain('seed_tx_0');
});

test("a visitor's payments within a range", async () => {
	const { json } = await runNode(
		deletePayments({ visitorId: visitorA(0), startAt: '2026-11-01', endAt: '2026-11-20' }),
	);
	expect(json[0]).toMatchObject({
		deleted: true,
		datafast_visitor_id: visitorA(0),
		message: 'All payments for visitor deleted successfully within time range',
	});
	expect(payments()).not.toContain('seed_tx_0');
});

test('nothing to delete by is refused before sending; a transaction DataFast lacks is a clear 404', async () => {
	const { items } = await runNode(
		deletePayments({ transactionId: '={{ $json.tx }}' }, { onError: 'continueRegularOutput' }),
		[{ tx: '' }, { tx: 'nope' }],
	);
	expect(items[0].json.error).toBe('Give a Transaction ID, a Visitor ID or a time range');
	expect(items[1].json.error).toBe(
		'DataFast found no payment matching this transaction ID, visitor or time range: nothing was deleted',
	);
	expect(dataFastCalls(sandbox)).toEqual([
		`DELETE /payments?transaction_id=nope&websiteId=${SITE_A}`,
	]);
});
