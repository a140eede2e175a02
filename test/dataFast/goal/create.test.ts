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
const createGoal = (parameters: Record<string, unknown> = {}, settings = {}) =>
	dataFastNode(
		'goal',
		'create',
		{ visitorId: visitorA(2), name: 'Trial Started', ...parameters },
		settings,
	);
const serverGoals = () =>
	dataFastStore(sandbox)
		.goals(SITE_A)
		.filter((g) => g.isServer);

test('records the goal: spaces become underscores, letters lowercase; metadata and description go along', async () => {
	const { json, error } = await runNode(
		createGoal({
			description: 'Started a trial',
			metadata: {
				values: [
					{ name: 'plan', value: 'pro' },
					{ name: 'seats', value: '3' },
				],
			},
		}),
	);
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			message: 'Custom event created successfully',
			eventId: expect.stringMatching(/^[a-f0-9]{24}$/),
			name: 'trial_started',
			visitorId: visitorA(2),
		},
	]);
	expect(sandbox.requests[0].body).toEqual({
		datafast_visitor_id: visitorA(2),
		name: 'trial_started',
		description: 'Started a trial',
		metadata: { plan: 'pro', seats: '3' },
	});
	expect(dataFastCalls(sandbox)).toEqual([`POST /goals?websiteId=${SITE_A}`]);
	expect(serverGoals()).toEqual([
		expect.objectContaining({ name: 'trial_started', visitorId: visitorA(2) }),
	]);
});

describe('names and metadata DataFast refuses are refused before sending', () => {
	test.each([
		[{ name: 'signup!' }, 'The goal name "signup!" has characters DataFast does not allow: !'],
		[{ name: 'x'.repeat(65) }, 'The goal name has 65 characters; at most 64 are allowed'],
		[{ name: 'Identify' }, 'The goal name "identify" is reserved by DataFast'],
		[{ name: ' ' }, 'The goal name is empty'],
		[
			{
				metadata: { values: Array.from({ length: 11 }, (_, i) => ({ name: `k${i}`, value: 'v' })) },
			},
			'11 metadata properties; DataFast takes at most 10',
		],
		[
			{ metadata: { values: [{ name: 'Plan', value: 'pro' }] } },
			'"Plan" is not a metadata property name DataFast allows',
		],
		[
			{ metadata: { values: [{ name: 'note', value: 'x'.repeat(256) }] } },
			'The value of "note" has 256 characters; at most 255 are allowed',
		],
	])('%j', async (parameters, message) => {
		const { error } = await runNode(createGoal({ name: '={{ $json.name }}', ...parameters }), [
			{ name: (parameters as { name?: string }).name ?? 'ok' },
		]);
		expect(error?.message).toBe(message);
		expect(dataFastCalls(sandbox)).toEqual([]);
	});
});

test('a visitor without pageviews is a clear 404, a bot a 400', async () => {
	const { items } = await runNode(
		createGoal({ visitorId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }),
		[{ id: 'unknown-visitor' }, { id: 'bot00000-0000-4000-8000-000000000099' }],
	);
	expect(items[0].json.error).toBe(
		'DataFast could not find this visitor, or the visitor has no pageview yet: a goal needs a visitor who has viewed a page',
	);
	expect(items[1].json.error).toBe('DataFast rejected the request as invalid: Visitor is a bot');
});

test('a goal is never sent twice: a lost answer fails the item and says the goal may be recorded', async () => {
	sandbox.injectFaults({
		method: 'POST',
		path: '^/datafast/api/v1/goals$',
		kind: 'applied-then-reset',
	});
	const { error } = await runNode(createGoal());
	expect(error?.message).toMatch(/answer was lost/);
	expect(dataFastCalls(sandbox)).toHaveLength(1);
	expect(serverGoals()).toHaveLength(1);
});
