'use strict';
// The AI-tool suite's tools and calls for the DataFast operations (analytics, visitors, goals, payments,
// users, websites, funnels); aiWorkflows.js adds them to its TOOLS and CALLS. The credential is an account
// token (dft_), so each tool names its website: fixed where the user has one shop, from the AI for the
// Website tools. Seeded data: test/sandbox/datafast/seed.js (SITE_A "Example Shop", its visitors a0000000-…).

const SITE_A = '66f1c0ffee0123456789abcd';
const SITE_B = '66f1c0ffee0123456789abce';
const VISITOR = 'a0000000-0000-4000-8000-000000000002';
const API = '/datafast/api/v1';

/** A `$fromAI` expression: the AI fills the parameter in (optional when `fallback` is given). */
const ai = (key, description, type = 'string', fallback) =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}'${fallback === undefined ? '' : `, ${JSON.stringify(fallback)}`}) }}`;
const shop = { __rl: true, mode: 'id', value: SITE_A };
const websiteFromAi = () => ({
	__rl: true,
	mode: 'id',
	value: ai('website_id', 'DataFast website ID (24 hex characters)'),
});
const tool = (name, description, parameters) => ({
	name,
	node: 'dataFast',
	description,
	parameters,
});

const TOOLS = [
	tool('df_overview', 'Visitors, revenue and conversion of the shop, optionally for one country', {
		resource: 'analytics',
		operation: 'overview',
		website: shop,
		fields: ['visitors', 'revenue'],
		startAt: '',
		endAt: '',
		filters: {
			values: [{ dimension: 'country', operator: 'is', value: ai('country', 'Country name') }],
		},
	}),
	tool('df_breakdown', 'The shop’s top pages, referrers, countries, devices, … by visitors', {
		resource: 'analytics',
		operation: 'breakdown',
		website: shop,
		breakdownBy: ai('breakdown_by', 'pages, referrers, countries, devices, browsers, …'),
		returnAll: false,
		limit: ai('limit', 'How many rows at most', 'number'),
	}),
	tool('df_timeseries', 'Visitors of the shop per day, week or month over a date range', {
		resource: 'analytics',
		operation: 'timeseries',
		website: shop,
		fields: ['visitors'],
		interval: ai('interval', 'hour, day, week or month'),
		startAt: ai('start', 'First day, YYYY-MM-DD'),
		endAt: ai('end', 'Last day, YYYY-MM-DD'),
		returnAll: true,
	}),
	tool('df_realtime', 'How many visitors are on the shop right now', {
		resource: 'analytics',
		operation: 'realtime',
		website: shop,
	}),
	tool('df_metadata', 'The shop website’s settings in DataFast: domain, timezone, currency', {
		resource: 'analytics',
		operation: 'metadata',
		website: shop,
	}),
	tool('df_list_visitors', 'List the shop’s visitors who paid', {
		resource: 'visitor',
		operation: 'getAll',
		website: shop,
		returnAll: false,
		limit: ai('limit', 'How many visitors at most', 'number'),
		visitorFilters: { isCustomer: 'true' },
	}),
	tool('df_get_visitor', 'Get one visitor of the shop: where from, pages, goals, payments', {
		resource: 'visitor',
		operation: 'get',
		website: shop,
		visitorId: ai('visitor_id', 'The datafast_visitor_id of the visitor'),
	}),
	tool('df_create_goal', 'Record a goal (custom event) for a visitor of the shop', {
		resource: 'goal',
		operation: 'create',
		website: shop,
		visitorId: ai('visitor_id', 'The datafast_visitor_id of the visitor'),
		name: ai('goal', 'Goal name, e.g. demo_booked'),
		description: '',
	}),
	tool('df_delete_goals', 'Delete the goal events of a visitor of the shop', {
		resource: 'goal',
		operation: 'delete',
		website: shop,
		visitorId: ai('visitor_id', 'The datafast_visitor_id of the visitor'),
		name: ai('goal', 'Goal name'),
		startAt: '',
		endAt: '',
	}),
	tool('df_record_payment', 'Record a payment of a visitor of the shop', {
		resource: 'payment',
		operation: 'create',
		website: shop,
		amount: ai('amount', 'Amount paid', 'number'),
		currency: ai('currency', 'Three-letter currency code, e.g. EUR'),
		transactionId: ai('transaction_id', 'Unique ID of the payment, e.g. the Stripe checkout ID'),
		visitorId: ai('visitor_id', 'The datafast_visitor_id of the visitor'),
	}),
	tool('df_delete_payment', 'Delete one payment of the shop by its transaction ID', {
		resource: 'payment',
		operation: 'delete',
		website: shop,
		transactionId: ai('transaction_id', 'Transaction ID of the payment'),
		visitorId: '',
		startAt: '',
		endAt: '',
	}),
	tool('df_identify', 'Tell DataFast which user of the shop a visitor is', {
		resource: 'user',
		operation: 'identify',
		website: shop,
		visitorId: ai('visitor_id', 'The datafast_visitor_id of the visitor'),
		userId: ai('user_id', 'The user’s ID in the shop'),
		properties: { values: [{ name: 'plan', value: ai('plan', 'The user’s plan') }] },
	}),
	tool('df_list_websites', 'List the websites of the DataFast account', {
		resource: 'website',
		operation: 'getAll',
		returnAll: true,
	}),
	tool('df_get_website', 'Get one website of the DataFast account', {
		resource: 'website',
		operation: 'get',
		website: websiteFromAi(),
	}),
	tool('df_list_funnels', 'List the funnels of a DataFast website', {
		resource: 'funnel',
		operation: 'getAll',
		website: websiteFromAi(),
		returnAll: true,
	}),
];

const PAYMENT = { amount: 49, currency: 'EUR', transaction_id: 'cs_ai_1', visitor_id: VISITOR };
const payments = (sandbox) =>
	sandbox.dataFast.payments().filter((p) => p.transaction_id === 'cs_ai_1').length;
const exactly = (what, count, expected) =>
	count === expected ? undefined : `${what}: ${count}, expected ${expected}`;

const CALLS = [
	{
		tool: 'df_overview',
		args: { country: 'United States of America' },
		requests: [`GET ${API}/analytics/overview`],
		text: ['visitors', 'revenue', '205.5'],
	},
	{
		tool: 'df_breakdown',
		args: { breakdown_by: 'pages', limit: 3 },
		requests: [`GET ${API}/analytics/pages`],
		text: ['/docs/start', '/blog/hello-world', 'visitors', 'revenue'],
	},
	{
		tool: 'df_timeseries',
		args: { interval: 'day', start: '2026-11-25', end: '2026-11-30' },
		requests: [`GET ${API}/analytics/timeseries`],
		text: ['2026-11-25', '2026-11-30', 'visitors'],
	},
	{
		tool: 'df_realtime',
		args: {},
		requests: [`GET ${API}/analytics/realtime`],
		text: ['visitors'],
	},
	{
		tool: 'df_metadata',
		args: {},
		requests: [`GET ${API}/analytics/metadata`],
		text: ['shop.example.com'],
	},
	{
		tool: 'df_list_visitors',
		args: { limit: 2 },
		requests: [`GET ${API}/visitors`],
		text: ['a0000000-0000-4000-8000-'],
	},
	{
		tool: 'df_get_visitor',
		args: { visitor_id: VISITOR },
		requests: [`GET ${API}/visitors/${VISITOR}`],
		text: [VISITOR],
	},
	{
		tool: 'df_create_goal',
		args: { visitor_id: VISITOR, goal: 'demo_booked' },
		requests: [`POST ${API}/goals`],
		text: ['demo_booked'],
	},
	{
		tool: 'df_delete_goals',
		args: { visitor_id: VISITOR, goal: 'demo_booked' },
		requests: [`DELETE ${API}/goals`],
		text: ['deleted'],
	},
	{
		tool: 'df_record_payment',
		args: PAYMENT,
		requests: [`POST ${API}/payments`],
		text: ['cs_ai_1', '49'],
		sandbox: (sandbox) => exactly('payments cs_ai_1 recorded', payments(sandbox), 1),
	},
	{
		tool: 'df_record_payment',
		args: PAYMENT,
		requests: [`POST ${API}/payments`],
		text: ['cs_ai_1'],
		sandbox: (sandbox) => exactly('payments cs_ai_1 after the repeat', payments(sandbox), 1),
	},
	{
		tool: 'df_delete_payment',
		args: { transaction_id: 'cs_ai_1' },
		requests: [`DELETE ${API}/payments`],
		text: ['deleted'],
		sandbox: (sandbox) => exactly('payments cs_ai_1 after the delete', payments(sandbox), 0),
	},
	{
		tool: 'df_identify',
		args: { visitor_id: VISITOR, user_id: 'user_ai', plan: 'pro' },
		requests: [`POST ${API}/identify`],
		text: ['user_ai'],
	},
	{
		tool: 'df_list_websites',
		args: {},
		requests: [`GET ${API}/admin/websites`],
		text: ['Example Shop', 'Example Blog'],
	},
	{
		tool: 'df_get_website',
		args: { website_id: SITE_B },
		requests: [`GET ${API}/admin/websites/${SITE_B}`],
		text: ['Example Blog', 'blog.example.org'],
	},
	{
		tool: 'df_list_funnels',
		args: { website_id: SITE_A },
		requests: [`GET ${API}/admin/websites/${SITE_A}/funnels`],
		text: ['Pricing to signup'],
	},
];

module.exports = { TOOLS, CALLS };
