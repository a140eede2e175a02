import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	WEBSITE_KEY,
	dataFastCalls,
	dataFastNode,
	useToken,
	visitorA,
} from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const getVisitor = (visitorId: string, parameters: Record<string, unknown> = {}, settings = {}) =>
	dataFastNode('visitor', 'get', { visitorId, ...parameters }, settings);

test('Simplify (the default): one flat record', async () => {
	const { json, error } = await runNode(getVisitor(visitorA(1)));
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			visitorId: visitorA(1),
			country: 'FR',
			region: 'Île-de-France',
			city: 'Paris',
			device: 'mobile',
			browser: 'Chrome',
			os: 'iOS',
			ref: null,
			utmSource: null,
			utmCampaign: null,
			visitCount: 1,
			pageViewCount: 2,
			firstVisitAt: '2026-11-18T18:30:00.000Z',
			lastVisitAt: '2026-11-18T18:31:30.000Z',
			currentUrl: 'shop.example.com/blog/hello-world',
			completedGoals: [],
			isCustomer: false,
			userId: null,
			predictionScore: 52,
		},
	]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /visitors/${visitorA(1)}?websiteId=${SITE_A}`]);
});

test('without Simplify the whole record, with every visited page; a customer has no prediction', async () => {
	useToken(sandbox, WEBSITE_KEY);
	const { json } = await runNode(getVisitor(visitorA(0), { simplify: false }));
	expect(json[0].activity).toMatchObject({ visitCount: 2, pageViewCount: 3 });
	expect((json[0].activity as { visitedPages: unknown[] }).visitedPages).toHaveLength(3);
	expect(json[0].prediction).toBeNull();
	expect(json[0].payments).toEqual([
		expect.objectContaining({ transaction_id: 'seed_tx_0', amount: 49 }),
	]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /visitors/${visitorA(0)}`]);
});

test('404 names the visitor; a bot is refused (400); Continue On Fail keeps the others', async () => {
	const { items } = await runNode(
		getVisitor('={{ $json.id }}', {}, { onError: 'continueRegularOutput' }),
		[
			{ id: 'no-such-visitor' },
			{ id: 'bot00000-0000-4000-8000-000000000099' },
			{ id: visitorA(2) },
		],
	);
	expect(items[0].json.error).toBe(
		'DataFast has no visitor with this ID on this website: copy the datafast_visitor_id cookie of a visitor who has visited the site',
	);
	expect(items[1].json.error).toBe('DataFast rejected the request as invalid: Visitor is a bot');
	expect(items[2].json.visitorId).toBe(visitorA(2));
});

test('an ID with a slash stays one path segment', async () => {
	await runNode(getVisitor('a/../b', {}, { onError: 'continueRegularOutput' }));
	expect(dataFastCalls(sandbox)).toEqual([`GET /visitors/a%2F..%2Fb?websiteId=${SITE_A}`]);
});
