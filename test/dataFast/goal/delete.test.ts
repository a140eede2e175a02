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
const deleteGoals = (parameters: Record<string, unknown>, settings = {}) =>
	dataFastNode('goal', 'delete', parameters, settings);
const goals = () => dataFastStore(sandbox).goals(SITE_A);

test('by name within a range: only those events go', async () => {
	expect(goals()).toHaveLength(10);
	const { json } = await runNode(
		deleteGoals({ name: 'Newsletter Signup', startAt: '2026-11-15', endAt: '2026-11-20' }),
	);
	expect(json).toEqual([
		{
			deleted: true,
			message: 'Goal events deleted successfully within time range',
			goal_name: 'newsletter_signup',
			timeRange: { start: '2026-11-15T00:00:00.000Z', end: '2026-11-20T23:59:59.999Z' },
		},
	]);
	expect(dataFastCalls(sandbox)).toEqual([
		`DELETE /goals?startAt=2026-11-15&endAt=2026-11-20&name=newsletter_signup&websiteId=${SITE_A}`,
	]);
	// The seeded events of visitors 0, 30 and 5 fall in the range.
	expect(goals()).toHaveLength(7);
});

test("a visitor's goals of all time", async () => {
	await runNode(deleteGoals({ visitorId: visitorA(0) }));
	expect(goals().filter((g) => g.visitorId === visitorA(0))).toEqual([]);
	expect(goals()).toHaveLength(9);
});

test('nothing to delete by is refused before sending; no match is a clear 404', async () => {
	const { items } = await runNode(
		deleteGoals({ name: '={{ $json.name }}' }, { onError: 'continueRegularOutput' }),
		[{ name: '' }, { name: 'never_seen' }],
	);
	expect(items[0].json.error).toBe('Give a Visitor ID, a Goal Name or a time range');
	expect(items[1].json.error).toBe(
		'DataFast found no goal events matching these filters: nothing was deleted',
	);
	expect(goals()).toHaveLength(10);
});

test('a delete is not repeated after a lost answer (a repeat would answer 404)', async () => {
	sandbox.injectFaults({ method: 'DELETE', path: '^/datafast/api/v1/goals$', kind: '503' });
	const { error } = await runNode(deleteGoals({ name: 'newsletter_signup' }));
	expect(error?.message).toBe('DataFast had a server error (HTTP 503)');
	expect(dataFastCalls(sandbox)).toHaveLength(1);
});
