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
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const identify = (parameters: Record<string, unknown> = {}, settings = {}) =>
	dataFastNode(
		'user',
		'identify',
		{
			visitorId: visitorA(4),
			userId: 'user_123',
			properties: { values: [{ name: 'plan', value: 'pro' }] },
			...parameters,
		},
		settings,
	);

test('links the visitor to the user; properties go at the top level and land in the profile', async () => {
	const { json, error } = await runNode(identify());
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			message: 'User identified successfully',
			profileId: expect.any(String),
			action: 'created',
			userId: 'user_123',
			visitorId: visitorA(4),
		},
	]);
	expect(sandbox.requests[0].body).toEqual({
		plan: 'pro',
		user_id: 'user_123',
		datafast_visitor_id: visitorA(4),
	});
	expect(dataFastCalls(sandbox)).toEqual([`POST /identify?websiteId=${SITE_A}`]);
	expect(dataFastStore(sandbox).profiles()).toEqual([
		expect.objectContaining({ userId: 'user_123', metadata: { plan: 'pro' } }),
	]);
});

test('the same identify again changes nothing; a lost answer is retried safely', async () => {
	useToken(sandbox, WEBSITE_KEY);
	await runNode(identify());
	sandbox.injectFaults({
		method: 'POST',
		path: '^/datafast/api/v1/identify$',
		kind: 'applied-then-reset',
	});
	const { json } = await runNode(
		identify({ properties: { values: [{ name: 'plan', value: 'team' }] } }),
	);
	expect(json[0].action).toBe('unchanged');
	expect(dataFastCalls(sandbox)).toEqual(['POST /identify', 'POST /identify', 'POST /identify']);
	expect(dataFastStore(sandbox).profiles()).toEqual([
		expect.objectContaining({ userId: 'user_123', metadata: { plan: 'team' } }),
	]);
});

test('reserved property names and an unknown visitor', async () => {
	const { items } = await runNode(
		identify(
			{
				visitorId: '={{ $json.id }}',
				properties: { values: [{ name: '={{ $json.key }}', value: 'x' }] },
			},
			{ onError: 'continueRegularOutput' },
		),
		[
			{ id: visitorA(4), key: 'user_id' },
			{ id: 'nobody', key: 'plan' },
		],
	);
	expect(items[0].json.error).toBe('"user_id" cannot be a property name');
	expect(items[1].json.error).toBe(
		'DataFast could not find this visitor on this website: identify needs the datafast_visitor_id of a visitor who has viewed a page',
	);
	expect(dataFastCalls(sandbox)).toHaveLength(1);
});
