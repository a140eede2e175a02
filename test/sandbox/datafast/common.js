'use strict';
// What every DataFast route shares: errors in DataFast's envelope, query checks, time ranges, filters.
const DAY_MS = 24 * 3600_000;

class DataFastError extends Error {
	constructor(code, message) {
		super(message);
		this.code = code;
	}
}
const fail = (code, message) => {
	throw new DataFastError(code, message);
};

/** Refuses query parameters the route does not document (DataFast answers 400 for them). */
function checkQuery(query, allowed, { filters = false } = {}) {
	for (const name of query.keys()) {
		if (allowed.includes(name)) continue;
		if (filters && name.startsWith('filter_')) continue;
		fail(400, `Unknown query parameter: ${name}`);
	}
	for (const name of new Set(query.keys()))
		if (query.getAll(name).length > 1) fail(400, `Query parameter ${name} given more than once`);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A startAt/endAt value: a date (the whole day, in UTC) or an ISO 8601 date-time. */
function parseInstant(name, value, endOfDay) {
	if (DATE.test(value)) {
		const start = Date.parse(`${value}T00:00:00Z`);
		if (Number.isNaN(start)) fail(400, `Invalid ${name}: ${value}`);
		return endOfDay ? start + DAY_MS - 1 : start;
	}
	if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
		fail(400, `Invalid ${name}: expected YYYY-MM-DD or an ISO 8601 date-time, got "${value}"`);
	return Date.parse(value);
}

/** The [start, end] range a request asks for; both or neither (400 otherwise); undefined when neither. */
function rangeOf(query, { bothRequired = true } = {}) {
	const startAt = query.get('startAt');
	const endAt = query.get('endAt');
	if (startAt === null && endAt === null) return undefined;
	if (bothRequired && (startAt === null || endAt === null))
		fail(400, 'startAt and endAt must be provided together');
	const start = startAt === null ? -Infinity : parseInstant('startAt', startAt, false);
	const end = endAt === null ? Infinity : parseInstant('endAt', endAt, true);
	if (start > end) fail(400, 'startAt must be before endAt');
	return { start, end };
}

function checkTimezone(query) {
	const timezone = query.get('timezone');
	if (timezone === null) return undefined;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: timezone });
	} catch {
		fail(400, `Invalid timezone: ${timezone}`);
	}
	return timezone;
}

function pageParams(query, { max, defaultLimit = 100 }) {
	const number = (name, fallback, min) => {
		const raw = query.get(name);
		if (raw === null) return fallback;
		if (!/^\d+$/.test(raw) || Number(raw) < min) fail(400, `Invalid ${name}: ${raw}`);
		return Number(raw);
	};
	const limit = number('limit', defaultLimit, 1);
	if (limit > max) fail(400, `limit must be at most ${max}`);
	return { limit, offset: number('offset', 0, 0) };
}

/** One page of `rows`; `cap` (the sandbox's dataFastPageCap) hands out fewer than asked, as a server may. */
function page(rows, { limit, offset }, cap = Infinity) {
	return {
		data: rows.slice(offset, offset + Math.min(limit, cap)),
		pagination: { limit, offset, total: rows.length },
	};
}

/** What each filter_* parameter compares, on a visitor or on one of its pageviews. */
const FILTER_DIMENSIONS = {
	country: (v) => [v.country, v.countryCode],
	region: (v) => [v.region],
	city: (v) => [v.city],
	device: (v) => [v.device],
	browser: (v) => [v.browser],
	os: (v) => [v.os],
	referrer: (v) => [v.referrer],
	utm_source: (v) => [v.params.utm_source],
	utm_medium: (v) => [v.params.utm_medium],
	utm_campaign: (v) => [v.params.utm_campaign],
	utm_term: (v) => [v.params.utm_term],
	utm_content: (v) => [v.params.utm_content],
	page: (v, pv) => (pv ? [pv.path] : v.sessions.flat().map((p) => p.path)),
	hostname: (v, pv) => (pv ? [pv.hostname] : v.sessions.flat().map((p) => p.hostname)),
};

/** The filter_* parameters as predicates over (visitor, pageview?); unknown names or operators → 400. */
function filtersOf(query) {
	const predicates = [];
	for (const [name, raw] of query.entries()) {
		if (!name.startsWith('filter_')) continue;
		const dimension = name.slice('filter_'.length);
		const valuesOf = FILTER_DIMENSIONS[dimension];
		if (!valuesOf) fail(400, `Unknown filter: ${name}`);
		const match = /^(is|is_not|contains):(.*)$/s.exec(raw);
		if (!match && /^[a-z_]+:/.test(raw))
			fail(400, `Unknown filter operator in ${name}: ${raw.split(':')[0]}`);
		const operator = match ? match[1] : 'is';
		const wanted = (match ? match[2] : raw)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		if (!wanted.length) fail(400, `Filter ${name} has no value`);
		const lower = wanted.map((w) => w.toLowerCase());
		predicates.push((visitor, pageview) => {
			const values = valuesOf(visitor, pageview)
				.filter((x) => x)
				.map((x) => String(x).toLowerCase());
			const hit =
				operator === 'contains'
					? values.some((x) => lower.some((w) => x.includes(w)))
					: values.some((x) => lower.includes(x));
			return operator === 'is_not' ? !hit : hit;
		});
	}
	return predicates;
}

module.exports = {
	DAY_MS,
	DataFastError,
	fail,
	checkQuery,
	rangeOf,
	parseInstant,
	checkTimezone,
	pageParams,
	page,
	filtersOf,
};
