'use strict';
// DataFast's sandbox data: two websites, their visitors (pageviews in sessions, goals) and payments.
// Everything is written relative to `now` (the seed's instant), never to the day the tests run.
const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;

const SITE_A = '66f1c0ffee0123456789abcd';
const SITE_B = '66f1c0ffee0123456789abce';

const PLACES = [
	{
		country: 'United States of America',
		countryCode: 'US',
		region: 'California',
		city: 'San Francisco',
	},
	{ country: 'France', countryCode: 'FR', region: 'Île-de-France', city: 'Paris' },
	{ country: 'Germany', countryCode: 'DE', region: 'Berlin', city: 'Berlin' },
	{ country: 'Netherlands', countryCode: 'NL', region: 'North Holland', city: 'Amsterdam' },
];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox'];
const SYSTEMS = { desktop: 'Mac OS', mobile: 'iOS', tablet: 'Android' };
const REFERRERS = ['Google', 'Direct/None', 'X', 'newsletter.example.com'];
const PAGES = ['/', '/pricing', '/blog/hello-world', '/docs/start'];

const visitorId = (site, i) =>
	`${site === SITE_A ? 'a' : 'b'}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function makeVisitor(site, domain, i, now) {
	const place = PLACES[i % 4];
	const device = DEVICES[i % 3];
	// The last session starts at `lastAt`, at least 30 minutes before `now`; an earlier one 2 hours before.
	const lastAt = now - (i % 30) * DAY_MS - ((i * 37) % 20) * 3600_000 - 30 * MINUTE_MS;
	const sessions = [];
	const sessionCount = i % 3 === 0 ? 2 : 1;
	for (let s = 0; s < sessionCount; s++) {
		const start = lastAt - (sessionCount - 1 - s) * 2 * 3600_000;
		const pages = 1 + ((i + s) % 3);
		sessions.push(
			Array.from({ length: pages }, (_, p) => {
				const path = PAGES[(i + p) % 4];
				return {
					path,
					hostname: path.startsWith('/docs') ? `docs.${domain}` : domain,
					timestamp: start + p * 90_000,
				};
			}),
		);
	}
	return {
		visitorId: visitorId(site, i),
		websiteId: site,
		isBot: false,
		...place,
		device,
		browser: BROWSERS[(i >> 1) % 3],
		os: SYSTEMS[device],
		referrer: REFERRERS[(i >> 2) % 4],
		params: {
			utm_source: i % 6 === 0 ? 'newsletter' : '',
			utm_medium: i % 6 === 0 ? 'email' : '',
			utm_campaign: i % 6 === 0 ? 'summer_sale' : '',
			utm_term: '',
			utm_content: '',
			ref: i % 7 === 0 ? 'indiepage' : '',
			source: '',
			via: '',
		},
		sessions,
	};
}

/** A fresh copy of the DataFast data, ending at `now` (ms). */
function seedDataFast(now) {
	const sites = {
		[SITE_A]: {
			_id: SITE_A,
			domain: 'shop.example.com',
			name: 'Example Shop',
			timezone: 'UTC',
			currency: 'USD',
			kpi: 'newsletter_signup',
			kpiColorScheme: 'orange',
			createdAt: new Date(now - 400 * DAY_MS).toISOString(),
		},
		[SITE_B]: {
			_id: SITE_B,
			domain: 'blog.example.org',
			name: 'Example Blog',
			timezone: 'Europe/Berlin',
			currency: 'EUR',
			kpi: null,
			kpiColorScheme: 'blue',
			createdAt: new Date(now - 200 * DAY_MS).toISOString(),
		},
	};
	const visitors = [];
	for (let i = 0; i < 48; i++) visitors.push(makeVisitor(SITE_A, 'shop.example.com', i, now));
	for (let i = 0; i < 6; i++) visitors.push(makeVisitor(SITE_B, 'blog.example.org', i, now));
	// A bot DataFast recognised: the API refuses to show it or to attribute anything to it.
	visitors.push({
		...makeVisitor(SITE_A, 'shop.example.com', 99, now),
		visitorId: 'bot00000-0000-4000-8000-000000000099',
		isBot: true,
	});
	const goals = [];
	const payments = [];
	let eventSeq = 1;
	for (const [n, v] of visitors.entries()) {
		if (v.isBot) continue;
		const first = v.sessions[0];
		if (n % 5 === 0)
			goals.push({
				eventId: `67f8b9b5c320277df9a9${String(eventSeq++).padStart(4, '0')}`,
				websiteId: v.websiteId,
				visitorId: v.visitorId,
				name: 'newsletter_signup',
				description: null,
				metadata: {},
				isServer: false,
				timestamp: first[first.length - 1].timestamp + 10_000,
			});
		if (n % 8 === 0)
			payments.push({
				websiteId: v.websiteId,
				transaction_id: `seed_tx_${n}`,
				amount: n % 16 === 0 ? 49 : 19.5,
				currency: sites[v.websiteId].currency,
				visitorId: v.visitorId,
				email: null,
				name: null,
				customer_id: null,
				renewal: n % 16 !== 0,
				refunded: false,
				is_free_trial: false,
				timestamp: first[first.length - 1].timestamp + 60_000,
			});
	}
	const funnels = [
		{
			_id: '6700f00d0000000000000001',
			websiteId: SITE_A,
			name: 'Pricing to signup',
			slug: 'pricing-to-signup',
			steps: [
				{ id: 'step-1', name: 'Pricing', type: 'pageview', url: '/pricing', goalName: null },
				{ id: 'step-2', name: 'Signup', type: 'goal', url: null, goalName: 'newsletter_signup' },
			],
			isActive: true,
		},
		{
			_id: '6700f00d0000000000000002',
			websiteId: SITE_A,
			name: 'Old funnel',
			slug: 'old-funnel',
			steps: [],
			isActive: false,
		},
	];
	return { sites, visitors, goals, payments, profiles: [], funnels, nextEventSeq: eventSeq };
}

module.exports = { seedDataFast, SITE_A, SITE_B, visitorId };
