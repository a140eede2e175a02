'use strict';
// DataFast's analytics routes, computed from the seeded visitors, pageviews, goals and payments.
const {
	DAY_MS,
	fail,
	checkQuery,
	rangeOf,
	checkTimezone,
	pageParams,
	page,
	filtersOf,
} = require('./common');

const SYMBOLS = { USD: '$', EUR: '€', GBP: '£' };
const round2 = (n) => Math.round(n * 100) / 100;
const RANGE = ['startAt', 'endAt', 'timezone'];
const OVERVIEW_FIELDS = [
	'visitors',
	'sessions',
	'bounce_rate',
	'avg_session_duration',
	'currency',
	'revenue',
	'revenue_per_visitor',
	'conversion_rate',
];
const SERIES_FIELDS = ['name', 'visitors', 'sessions', 'revenue', 'payments', 'conversion_rate'];
const INTERVALS = ['hour', 'day', 'week', 'month'];

/** Pageviews of the website in the range that pass every filter, with their visitor and session. */
function matchingViews(data, site, query, range) {
	const predicates = filtersOf(query);
	const views = [];
	for (const visitor of data.visitors) {
		if (visitor.websiteId !== site._id || visitor.isBot) continue;
		visitor.sessions.forEach((session, s) => {
			for (const pv of session) {
				if (range && (pv.timestamp < range.start || pv.timestamp > range.end)) continue;
				if (predicates.every((p) => p(visitor, pv)))
					views.push({ visitor, session, key: `${visitor.visitorId}#${s}`, pv });
			}
		});
	}
	return { views, filtered: predicates.length > 0 };
}

function paymentsFor(data, site, range, visitorIds) {
	return data.payments.filter(
		(p) =>
			p.websiteId === site._id &&
			(!range || (p.timestamp >= range.start && p.timestamp <= range.end)) &&
			(!visitorIds || visitorIds.has(p.visitorId)),
	);
}

function money(payments) {
	const sum = (list) => round2(list.reduce((t, p) => t + p.amount, 0));
	const kept = payments.filter((p) => !p.refunded);
	return {
		revenue: sum(kept),
		payments: kept.length,
		revenueBreakdown: {
			new: sum(kept.filter((p) => !p.renewal)),
			renewal: sum(kept.filter((p) => p.renewal)),
			refund: sum(payments.filter((p) => p.refunded)),
		},
		payers: new Set(kept.map((p) => p.visitorId)),
	};
}

/** Visitors, sessions and money of a set of pageviews. */
function measure(data, site, range, views, filtered) {
	const visitorIds = new Set(views.map((v) => v.visitor.visitorId));
	const sessions = new Map(views.map((v) => [v.key, v.session]));
	const m = money(paymentsFor(data, site, range, filtered ? visitorIds : undefined));
	const durations = [...sessions.values()].map((s) => s[s.length - 1].timestamp - s[0].timestamp);
	return {
		visitors: visitorIds.size,
		sessions: sessions.size,
		bounce_rate: sessions.size
			? round2((100 * [...sessions.values()].filter((s) => s.length === 1).length) / sessions.size)
			: 0,
		avg_session_duration: durations.length
			? round2(durations.reduce((a, b) => a + b, 0) / durations.length)
			: 0,
		currency: SYMBOLS[site.currency] ?? site.currency,
		revenue: m.revenue,
		payments: m.payments,
		revenueBreakdown: m.revenueBreakdown,
		revenue_per_visitor: visitorIds.size ? round2(m.revenue / visitorIds.size) : 0,
		conversion_rate: visitorIds.size
			? round2(
					(100 * [...m.payers].filter((id) => visitorIds.has(id) || !filtered).length) /
						visitorIds.size,
				)
			: 0,
	};
}

function fieldList(query, allowed, { required = false } = {}) {
	const raw = query.get('fields');
	if (raw === null) {
		if (required) fail(400, 'fields is required');
		return allowed;
	}
	const fields = raw
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	if (!fields.length) fail(400, 'fields is empty');
	for (const f of fields)
		if (!allowed.includes(f)) fail(400, `Invalid field: ${f}. Valid fields: ${allowed.join(', ')}`);
	return fields;
}

function overview(ctx) {
	checkQuery(ctx.query, [...RANGE, 'fields'], { filters: true });
	const range = rangeOf(ctx.query);
	checkTimezone(ctx.query);
	const fields = fieldList(ctx.query, OVERVIEW_FIELDS);
	const { views, filtered } = matchingViews(ctx.data, ctx.site, ctx.query, range);
	const all = measure(ctx.data, ctx.site, range, views, filtered);
	return { status: 'success', data: [Object.fromEntries(fields.map((f) => [f, all[f]]))] };
}

function bucketStart(t, interval) {
	const d = new Date(t);
	if (interval === 'hour')
		return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
	if (interval === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
	if (interval === 'week')
		return Date.UTC(
			d.getUTCFullYear(),
			d.getUTCMonth(),
			d.getUTCDate() - ((d.getUTCDay() + 6) % 7),
		);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
function nextBucket(t, interval) {
	const d = new Date(t);
	if (interval === 'hour') return t + 3600_000;
	if (interval === 'day') return t + DAY_MS;
	if (interval === 'week') return t + 7 * DAY_MS;
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function bucketName(t, interval) {
	const d = new Date(t);
	if (interval === 'hour') return `${String(d.getUTCHours()).padStart(2, '0')}:00`;
	if (interval === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
	return `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]}`;
}

function timeseries(ctx) {
	checkQuery(ctx.query, [...RANGE, 'fields', 'interval', 'limit', 'offset'], { filters: true });
	const fields = fieldList(ctx.query, SERIES_FIELDS, { required: true });
	let interval = ctx.query.get('interval');
	if (interval === null) fail(400, 'interval is required');
	if (!INTERVALS.includes(interval))
		fail(400, `Invalid interval: ${interval}. Valid intervals: ${INTERVALS.join(', ')}`);
	const timezone = checkTimezone(ctx.query) ?? ctx.site.timezone;
	const paging = pageParams(ctx.query, { max: 1000 });
	const now = ctx.clock();
	const defaults = { hour: DAY_MS, day: 30 * DAY_MS, week: 30 * DAY_MS, month: 365 * DAY_MS };
	const range = rangeOf(ctx.query) ?? { start: now - defaults[interval], end: now };
	// Same-day queries are upgraded to hourly buckets (documented).
	if (interval !== 'hour' && bucketStart(range.start, 'day') === bucketStart(range.end, 'day'))
		interval = 'hour';
	const { views, filtered } = matchingViews(ctx.data, ctx.site, ctx.query, range);
	const metrics = fields.filter((f) => f !== 'name');
	if (metrics.includes('revenue') && !metrics.includes('payments')) metrics.push('payments');
	const pick = (m) => {
		const row = Object.fromEntries(
			metrics.map((f) => [f, f === 'conversion_rate' ? m.revenue_per_visitor : m[f]]),
		);
		if (metrics.includes('revenue')) row.revenueBreakdown = m.revenueBreakdown;
		return row;
	};
	const rows = [];
	for (let t = bucketStart(range.start, interval); t <= range.end; t = nextBucket(t, interval)) {
		const end = nextBucket(t, interval) - 1;
		const bucket = { start: Math.max(t, range.start), end: Math.min(end, range.end) };
		const inBucket = views.filter(
			(v) => v.pv.timestamp >= bucket.start && v.pv.timestamp <= bucket.end,
		);
		rows.push({
			...pick(measure(ctx.data, ctx.site, bucket, inBucket, filtered)),
			name: bucketName(t, interval),
			timestamp: new Date(t).toISOString().replace('.000Z', 'Z'),
		});
	}
	return {
		status: 'success',
		fields,
		interval,
		timezone,
		currency: SYMBOLS[ctx.site.currency] ?? ctx.site.currency,
		totals: pick(measure(ctx.data, ctx.site, range, views, filtered)),
		...page(rows, paging, ctx.pageCap),
	};
}

const flag = (code) => `https://purecatamphetamine.github.io/country-flag-icons/3x2/${code}.svg`;
/** Each breakdown: the row's own fields for a pageview (undefined: not counted). */
const BREAKDOWNS = {
	pages: (v, pv) => ({ hostname: pv.hostname, path: pv.path }),
	referrers: (v) => ({ referrer: v.referrer }),
	countries: (v) => ({ country: v.country, image: flag(v.countryCode) }),
	regions: (v) => ({ region: v.region }),
	cities: (v) => ({ city: v.city }),
	devices: (v) => ({ device: v.device }),
	browsers: (v) => ({ browser: v.browser }),
	'operating-systems': (v) => ({ operating_system: v.os }),
	campaigns: (v) =>
		Object.values(v.params).some(Boolean) ? { campaign: { ...v.params } } : undefined,
	hostnames: (v, pv) => ({ hostname: pv.hostname }),
};

function breakdown(ctx, name) {
	checkQuery(ctx.query, [...RANGE, 'fields', 'limit', 'offset'], { filters: true });
	const range = rangeOf(ctx.query);
	checkTimezone(ctx.query);
	const paging = pageParams(ctx.query, { max: 1000 });
	const { views } = matchingViews(ctx.data, ctx.site, ctx.query, range);
	const payments = paymentsFor(ctx.data, ctx.site, range).filter((p) => !p.refunded);
	let rows;
	if (name === 'goals') {
		fieldList(ctx.query, ['name', 'goal', 'completions', 'visitors']);
		const visitorIds = new Set(views.map((v) => v.visitor.visitorId));
		const groups = new Map();
		for (const g of ctx.data.goals) {
			if (g.websiteId !== ctx.site._id || !visitorIds.has(g.visitorId)) continue;
			if (range && (g.timestamp < range.start || g.timestamp > range.end)) continue;
			const group = groups.get(g.name) ?? { goal: g.name, completions: 0, ids: new Set() };
			group.completions++;
			group.ids.add(g.visitorId);
			groups.set(g.name, group);
		}
		rows = [...groups.values()].map((g) => ({
			goal: g.goal,
			completions: g.completions,
			visitors: g.ids.size,
		}));
		rows.sort((a, b) => b.completions - a.completions || a.goal.localeCompare(b.goal));
	} else {
		const rowOf = BREAKDOWNS[name];
		const extra =
			name === 'campaigns'
				? [
						'utm_source',
						'utm_medium',
						'utm_campaign',
						'utm_term',
						'utm_content',
						'ref',
						'source',
						'via',
					]
				: [];
		fieldList(ctx.query, [
			'visitors',
			'revenue',
			...extra,
			...Object.keys(rowOf(ctx.data.visitors[0], ctx.data.visitors[0].sessions[0][0]) ?? {}),
		]);
		const groups = new Map();
		for (const { visitor, pv } of views) {
			const own = rowOf(visitor, pv);
			if (!own) continue;
			const key = JSON.stringify(own);
			const group = groups.get(key) ?? { own, ids: new Set() };
			group.ids.add(visitor.visitorId);
			groups.set(key, group);
		}
		rows = [...groups.values()].map(({ own, ids }) => ({
			...own,
			visitors: ids.size,
			revenue: round2(
				payments.filter((p) => ids.has(p.visitorId)).reduce((t, p) => t + p.amount, 0),
			),
		}));
		rows.sort(
			(a, b) => b.visitors - a.visitors || JSON.stringify(a).localeCompare(JSON.stringify(b)),
		);
	}
	return { status: 'success', ...page(rows, paging, ctx.pageCap) };
}

function realtime(ctx) {
	checkQuery(ctx.query, []);
	const now = ctx.clock();
	const active = ctx.data.visitors.filter(
		(v) =>
			v.websiteId === ctx.site._id &&
			!v.isBot &&
			v.sessions.flat().some((p) => p.timestamp <= now && p.timestamp > now - 5 * 60_000),
	);
	return { status: 'success', data: [{ visitors: active.length }] };
}

function metadata(ctx) {
	checkQuery(ctx.query, []);
	const { domain, timezone, name, kpiColorScheme, kpi, currency } = ctx.site;
	return { status: 'success', data: [{ domain, timezone, name, kpiColorScheme, kpi, currency }] };
}

function handleAnalytics(ctx, name) {
	if (ctx.method !== 'GET') fail(404, 'Not found');
	if (name === 'overview') return overview(ctx);
	if (name === 'timeseries') return timeseries(ctx);
	if (name === 'realtime') return realtime(ctx);
	if (name === 'metadata') return metadata(ctx);
	if (name === 'goals' || BREAKDOWNS[name]) return breakdown(ctx, name);
	fail(404, 'Not found');
}

module.exports = { handleAnalytics, BREAKDOWN_NAMES: [...Object.keys(BREAKDOWNS), 'goals'] };
