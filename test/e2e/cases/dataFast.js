'use strict';
// DataFast in a real n8n: both kinds of token (a dft_ account token picks the website, a df_ website key
// sends none), analytics with filters over several pages, a payment recorded once when the workflow runs
// twice, a goal, an identify, and the payment providers' status.
const { DATAFAST, DATAFAST_KEY, rl, workflow } = require('../workflowKit');

const SITE_A = '66f1c0ffee0123456789abcd';
const VISITOR = 'a0000000-0000-4000-8000-000000000002';
const dataFastCalls = (sandbox) =>
	sandbox.requests
		.filter((r) => r.path.startsWith('/datafast/api/v1'))
		.map(
			(r) => `${r.method} ${r.path.slice('/datafast/api/v1'.length)}${decodeURIComponent(r.query)}`,
		);

module.exports = [
	{
		name: 'DataFast: payment provider status, simplified',
		workflow: workflow(
			'dataFast',
			{ resource: 'paymentIntegration', operation: 'getStatus', websiteId: SITE_A },
			{ type: 'dataFast', credentials: DATAFAST },
		),
		check: ({ items, expect }) => expect(items[0].connectedProviders, ['stripe', 'paddle']),
	},
	{
		name: 'DataFast: Breakdown of pages with a filter, every page of rows (account token)',
		workflow: workflow(
			'dataFastPages',
			{
				resource: 'analytics',
				operation: 'breakdown',
				website: rl(SITE_A),
				breakdownBy: 'pages',
				returnAll: true,
				filters: { values: [{ dimension: 'device', operator: 'is_not', value: 'tablet' }] },
			},
			{ type: 'dataFast', credentials: DATAFAST },
		),
		// DataFast hands out 3 rows a page here, so that Return All must walk the offsets.
		setup: (sandbox) => (sandbox.options.dataFastPageCap = 3),
		check: ({ items, sandbox, expect }) => {
			delete sandbox.options.dataFastPageCap;
			expect(
				items.map((i) => i.path),
				['/docs/start', '/', '/blog/hello-world', '/pricing'],
			);
			expect(dataFastCalls(sandbox), [
				`GET /analytics/pages?filter_device=is_not:tablet&limit=1000&offset=0&websiteId=${SITE_A}`,
				`GET /analytics/pages?filter_device=is_not:tablet&limit=1000&offset=3&websiteId=${SITE_A}`,
			]);
		},
	},
	{
		// All time: the e2e sandbox's seed ends when it starts, so a fixed range would depend on the day.
		name: 'DataFast: Overview filtered by country with the website key (no website ID sent)',
		workflow: workflow(
			'dfOverviewKey',
			{
				resource: 'analytics',
				operation: 'overview',
				fields: ['visitors', 'revenue'],
				filters: {
					values: [{ dimension: 'country', operator: 'is', value: 'United States of America' }],
				},
			},
			{ type: 'dataFast', credentials: DATAFAST_KEY },
		),
		check: ({ items, sandbox, expect }) => {
			expect(items, [{ visitors: 12, revenue: 205.5 }]);
			expect(dataFastCalls(sandbox), [
				'GET /analytics/overview?filter_country=is:United States of America&fields=visitors,revenue',
			]);
		},
	},
	{
		name: 'DataFast: a payment is recorded once when the workflow runs twice',
		workflow: workflow(
			'dfPaymentTwice',
			{
				resource: 'payment',
				operation: 'create',
				amount: 49,
				currency: 'EUR',
				transactionId: 'cs_e2e_1',
				visitorId: VISITOR,
			},
			{ type: 'dataFast', credentials: DATAFAST_KEY },
		),
		runs: 2,
		check: ({ items, sandbox, expect }) => {
			expect(items, [
				{
					message: 'Payment recorded and attributed successfully',
					transaction_id: 'cs_e2e_1',
					amount: 49,
					currency: 'EUR',
				},
			]);
			expect(dataFastCalls(sandbox), ['POST /payments', 'POST /payments']);
			expect(sandbox.dataFast.payments().filter((p) => p.transaction_id === 'cs_e2e_1').length, 1);
		},
	},
	{
		name: 'DataFast: a goal for a visitor (account token)',
		workflow: workflow(
			'dataFastGoal',
			{
				resource: 'goal',
				operation: 'create',
				website: rl(SITE_A),
				visitorId: VISITOR,
				name: 'Demo Booked',
				metadata: { values: [{ name: 'source', value: 'e2e' }] },
			},
			{ type: 'dataFast', credentials: DATAFAST },
		),
		check: ({ items, sandbox, expect }) => {
			expect(
				[items[0].message, items[0].name],
				['Custom event created successfully', 'demo_booked'],
			);
			expect(
				sandbox.dataFast
					.goals()
					.filter((g) => g.name === 'demo_booked')
					.map((g) => g.metadata),
				[{ source: 'e2e' }],
			);
		},
	},
	{
		name: 'DataFast: identify a user (website key)',
		workflow: workflow(
			'dataFastIdentify',
			{
				resource: 'user',
				operation: 'identify',
				visitorId: VISITOR,
				userId: 'user_e2e',
				properties: { values: [{ name: 'plan', value: 'pro' }] },
			},
			{ type: 'dataFast', credentials: DATAFAST_KEY },
		),
		check: ({ items, sandbox, expect }) => {
			expect([items[0].action, items[0].userId], ['created', 'user_e2e']);
			expect(
				sandbox.dataFast.profiles().map((p) => [p.userId, p.metadata]),
				[['user_e2e', { plan: 'pro' }]],
			);
		},
	},
];
