import { runNode } from '../../helpers/engine';
import { SITE_A, WEBSITE_KEY, dataFastCalls, dataFastNode, useToken } from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const breakdown = (breakdownBy: string, parameters: Record<string, unknown> = {}) =>
	dataFastNode('analytics', 'breakdown', { breakdownBy, returnAll: true, ...parameters });

test('referrers: one item per row, most visitors first, with revenue', async () => {
	const { json } = await runNode(breakdown('referrers'));
	expect(json).toEqual([
		{ referrer: 'Direct/None', visitors: 12, revenue: 0 },
		{ referrer: 'Google', visitors: 12, revenue: 147 },
		{ referrer: 'newsletter.example.com', visitors: 12, revenue: 0 },
		{ referrer: 'X', visitors: 12, revenue: 58.5 },
	]);
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /analytics/referrers?limit=1000&offset=0&websiteId=${SITE_A}`,
	]);
});

test.each([
	['pages', { hostname: 'docs.shop.example.com', path: '/docs/start' }],
	['countries', { country: 'France' }],
	['regions', { region: 'Berlin' }],
	['cities', { city: 'Amsterdam' }],
	['devices', { device: 'desktop' }],
	['browsers', { browser: 'Chrome' }],
	['operating-systems', { operating_system: 'Android' }],
	['hostnames', { hostname: 'shop.example.com' }],
	['goals', { goal: 'newsletter_signup', completions: 10, visitors: 10 }],
])('Breakdown By %s reads /analytics/%s', async (by, first) => {
	const { json } = await runNode(breakdown(by, { returnAll: false, limit: 1 }));
	expect(json).toEqual([expect.objectContaining(first)]);
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /analytics/${by}?limit=1&offset=0&websiteId=${SITE_A}`,
	]);
});

test('campaigns keep their UTM fields together', async () => {
	const { json } = await runNode(breakdown('campaigns'));
	expect(json[0]).toEqual({
		campaign: expect.objectContaining({ utm_campaign: 'summer_sale', utm_source: 'newsletter' }),
		visitors: 6,
		revenue: 19.5,
	});
});

test('filters and a range with a website key; Return All over short pages', async () => {
	useToken(sandbox, WEBSITE_KEY);
	sandbox.options.dataFastPageCap = 3;
	try {
		const { json } = await runNode(
			breakdown('countries', {
				startAt: '2026-11-10',
				endAt: '2026-11-20',
				filters: {
					values: [{ dimension: 'country', operator: 'is_not', value: 'France,Germany' }],
				},
			}),
		);
		expect(json.map((row) => [row.country, row.visitors])).toEqual([
			['United States of America', 6],
			['Netherlands', 5],
		]);
		expect(dataFastCalls(sandbox)).toEqual([
			'GET /analytics/countries?startAt=2026-11-10&endAt=2026-11-20&filter_country=is_not:France,Germany&limit=1000&offset=0',
		]);
	} finally {
		delete sandbox.options.dataFastPageCap;
	}
});

test('two filters on one dimension are refused before sending', async () => {
	const { error } = await runNode(
		breakdown('pages', {
			filters: {
				values: [
					{ dimension: 'page', operator: 'is', value: '/' },
					{ dimension: 'page', operator: 'is_not', value: '/docs' },
				],
			},
		}),
	);
	expect(error?.message).toBe('Two filters on page');
	expect(dataFastCalls(sandbox)).toEqual([]);
});
