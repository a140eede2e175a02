import { runNode } from '../../helpers/engine';
import { SITE_A, dataFastCalls, dataFastNode, visitorA } from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const visitors = (parameters: Record<string, unknown> = {}) =>
	dataFastNode('visitor', 'getAll', parameters);

test('Limit: newest activity first, one page of that size', async () => {
	const { json } = await runNode(visitors({ limit: 3 }));
	expect(json.map((v) => v.visitorId)).toEqual([visitorA(0), visitorA(30), visitorA(31)]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /visitors?limit=3&offset=0&websiteId=${SITE_A}`]);
});

test('Return All asks for 250 (DataFast’s maximum) and walks the offsets', async () => {
	sandbox.options.dataFastPageCap = 20;
	try {
		const { json } = await runNode(visitors({ returnAll: true }));
		expect(json).toHaveLength(48);
		expect(new Set(json.map((v) => v.visitorId)).size).toBe(48);
		expect(dataFastCalls(sandbox)).toEqual([
			`GET /visitors?limit=250&offset=0&websiteId=${SITE_A}`,
			`GET /visitors?limit=250&offset=20&websiteId=${SITE_A}`,
			`GET /visitors?limit=250&offset=40&websiteId=${SITE_A}`,
		]);
	} finally {
		delete sandbox.options.dataFastPageCap;
	}
});

test('the documented filters go out by name and narrow the list', async () => {
	const { json } = await runNode(
		visitors({
			returnAll: true,
			startAt: '2026-11-01',
			endAt: '2026-11-20',
			visitorFilters: { country: 'US', isCustomer: 'true', visitedPageContains: '/' },
		}),
	);
	expect(json.map((v) => [v.visitorId, v.isCustomer])).toEqual([
		[visitorA(0), true],
		[visitorA(32), true],
		[visitorA(8), true],
		[visitorA(40), true],
		[visitorA(16), true],
	]);
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /visitors?startAt=2026-11-01&endAt=2026-11-20&visitedPageContains=/&country=US&isCustomer=true&limit=250&offset=0&websiteId=${SITE_A}`,
	]);
});

test('a completed goal and a device', async () => {
	const { json } = await runNode(
		visitors({
			returnAll: true,
			simplify: false,
			visitorFilters: { completedGoal: 'newsletter_signup', device: 'desktop' },
		}),
	);
	expect(json.map((v) => v.visitorId).sort()).toEqual([
		visitorA(0),
		visitorA(15),
		visitorA(30),
		visitorA(45),
	]);
	expect(json[0]).toHaveProperty('identity');
});
