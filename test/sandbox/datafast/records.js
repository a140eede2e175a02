'use strict';
// DataFast's visitor, goal, payment and identify routes of the Website API.
const { fail, checkQuery, rangeOf, parseInstant, pageParams, page } = require('./common');

const iso = (t) => new Date(t).toISOString();
const isString = (v) => typeof v === 'string';

function visitorOf(ctx, id, { mustHavePageview = true } = {}) {
	const visitor = ctx.data.visitors.find((v) => v.websiteId === ctx.site._id && v.visitorId === id);
	if (visitor?.isBot) fail(400, 'Visitor is a bot');
	if (!visitor || (mustHavePageview && !visitor.sessions.flat().length))
		fail(404, mustHavePageview ? 'Visitor not found or has no pageviews' : 'Visitor not found');
	return visitor;
}

function visitorRecord(ctx, v) {
	const views = v.sessions.flat();
	const now = ctx.clock();
	const goals = ctx.data.goals.filter(
		(g) => g.websiteId === v.websiteId && g.visitorId === v.visitorId,
	);
	const payments = ctx.data.payments.filter(
		(p) => p.websiteId === v.websiteId && p.visitorId === v.visitorId,
	);
	const profile = ctx.data.profiles.find(
		(p) => p.websiteId === v.websiteId && p.visitorId === v.visitorId,
	);
	const first = views[0].timestamp;
	const current = v.sessions[v.sessions.length - 1][0].timestamp;
	const last = views[views.length - 1];
	const record = {
		visitorId: v.visitorId,
		identity: {
			country: v.countryCode,
			countryCode: v.countryCode,
			region: v.region,
			city: v.city,
			params: { ...v.params },
			browser: { name: v.browser, version: '120.0.0.0' },
			os: { name: v.os, version: '14.0' },
			device: { type: v.device },
			viewport: v.device === 'desktop' ? { width: 1728, height: 998 } : { width: 390, height: 844 },
		},
		activity: {
			visitCount: v.sessions.length,
			pageViewCount: views.length,
			timeSinceFirstVisit: Math.max(0, now - first),
			timeSinceCurrentVisit: Math.max(0, now - current),
			firstVisitAt: iso(first),
			lastVisitAt: iso(last.timestamp),
			currentUrl: `${last.hostname}${last.path}`,
			visitedPages: views.map((p) => ({
				url: `${p.hostname}${p.path}`,
				timestamp: iso(p.timestamp),
			})),
			completedCustomGoals: goals.map((g) => ({
				name: g.name,
				description: g.description,
				isServer: g.isServer,
				origin: 'manual',
				timestamp: iso(g.timestamp),
			})),
		},
		payments: payments.map((p) => ({
			transaction_id: p.transaction_id,
			amount: p.amount,
			currency: p.currency,
			renewal: p.renewal,
			refunded: p.refunded,
			timestamp: iso(p.timestamp),
		})),
		prediction: payments.length
			? null
			: {
					score: 50 + (views.length % 40),
					conversionRate: 0.0138,
					expectedValue: 3.089,
					confidence: 0.831,
				},
	};
	if (profile)
		record.profile = {
			userId: profile.userId,
			metadata: { ...profile.metadata },
			identifiedAt: iso(profile.identifiedAt),
		};
	return record;
}

function listVisitors(ctx) {
	const q = ctx.query;
	checkQuery(q, [
		'startAt',
		'endAt',
		'limit',
		'offset',
		'visitedPage',
		'visitedPageContains',
		'completedGoal',
		'country',
		'device',
		'browser',
		'utm_campaign',
		'isCustomer',
	]);
	const range = rangeOf(q);
	const paging = pageParams(q, { max: 250 });
	const isCustomer = q.get('isCustomer');
	if (isCustomer !== null && !['true', 'false'].includes(isCustomer))
		fail(400, `Invalid isCustomer: ${isCustomer} (true or false)`);
	const eq = (a, b) => String(a ?? '').toLowerCase() === String(b).toLowerCase();
	const rows = ctx.data.visitors
		.filter((v) => v.websiteId === ctx.site._id && !v.isBot)
		.filter((v) => {
			const views = v.sessions.flat();
			if (range && !views.some((p) => p.timestamp >= range.start && p.timestamp <= range.end))
				return false;
			if (q.has('visitedPage') && !views.some((p) => p.path === q.get('visitedPage'))) return false;
			if (
				q.has('visitedPageContains') &&
				!views.some((p) => p.path.includes(q.get('visitedPageContains')))
			)
				return false;
			if (
				q.has('completedGoal') &&
				!ctx.data.goals.some(
					(g) => g.visitorId === v.visitorId && g.name === q.get('completedGoal'),
				)
			)
				return false;
			if (
				q.has('country') &&
				!eq(v.countryCode, q.get('country')) &&
				!eq(v.country, q.get('country'))
			)
				return false;
			if (q.has('device') && !eq(v.device, q.get('device'))) return false;
			if (q.has('browser') && !eq(v.browser, q.get('browser'))) return false;
			if (q.has('utm_campaign') && !eq(v.params.utm_campaign, q.get('utm_campaign'))) return false;
			if (isCustomer !== null) {
				const paid = ctx.data.payments.some((p) => p.visitorId === v.visitorId && !p.refunded);
				if (paid !== (isCustomer === 'true')) return false;
			}
			return true;
		})
		.map((v) => visitorRecord(ctx, v))
		.sort(
			(a, b) =>
				b.activity.lastVisitAt.localeCompare(a.activity.lastVisitAt) ||
				a.visitorId.localeCompare(b.visitorId),
		);
	return { status: 'success', ...page(rows, paging, ctx.pageCap) };
}

function checkBody(body, allowed) {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		fail(400, 'The request body must be a JSON object');
	for (const key of Object.keys(body))
		if (!allowed.includes(key)) fail(400, `Unknown field: ${key}`);
}

const GOAL_NAME = /^[a-z0-9_:-]{1,64}$/;
const META_KEY = /^[a-z0-9_-]{1,64}$/;

function createGoal(ctx, body) {
	checkBody(body, ['datafast_visitor_id', 'visitorId', 'name', 'description', 'metadata']);
	const visitorId = body.datafast_visitor_id ?? body.visitorId;
	if (!isString(visitorId) || !visitorId) fail(400, 'datafast_visitor_id is required');
	if (!isString(body.name) || !body.name.trim()) fail(400, 'name is required');
	const name = body.name.trim().replace(/\s+/g, '_');
	if (!GOAL_NAME.test(name))
		fail(
			400,
			'Invalid goal name: use lowercase letters, numbers, underscores, hyphens and colons, at most 64 characters',
		);
	if (name === 'identify') fail(400, 'The goal name "identify" is reserved');
	if (body.description !== undefined && !isString(body.description))
		fail(400, 'description must be a string');
	const metadata = body.metadata ?? {};
	if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
		fail(400, 'metadata must be an object');
	const entries = Object.entries(metadata);
	if (entries.length > 10) fail(400, 'metadata can have at most 10 properties');
	for (const [key, value] of entries) {
		if (!META_KEY.test(key)) fail(400, `Invalid metadata property name: ${key}`);
		if (!isString(value) || value.length > 255)
			fail(400, `Metadata property ${key} must be a string of at most 255 characters`);
	}
	const visitor = visitorOf(ctx, visitorId);
	const eventId = `67f8b9b5c320277df9a9${String(ctx.data.nextEventSeq++).padStart(4, '0')}`;
	ctx.data.goals.push({
		eventId,
		websiteId: ctx.site._id,
		visitorId: visitor.visitorId,
		name,
		description: body.description ?? null,
		metadata,
		isServer: true,
		timestamp: ctx.clock(),
	});
	return { status: 'success', data: [{ message: 'Custom event created successfully', eventId }] };
}

/** The optional range of a delete: both ends or neither, ISO 8601. */
function deleteRange(q) {
	const range = rangeOf(q);
	if (range)
		for (const name of ['startAt', 'endAt']) parseInstant(name, q.get(name), name === 'endAt');
	return range;
}
const inRange = (range, t) => !range || (t >= range.start && t <= range.end);
const timeRange = (range) =>
	range
		? {
				timeRange: {
					start: new Date(range.start).toISOString(),
					end: new Date(range.end).toISOString(),
				},
			}
		: {};

function deleteGoals(ctx) {
	const q = ctx.query;
	checkQuery(q, ['datafast_visitor_id', 'name', 'startAt', 'endAt']);
	const range = deleteRange(q);
	const visitorId = q.get('datafast_visitor_id');
	const rawName = q.get('name');
	if (!range && visitorId === null && rawName === null)
		fail(400, 'Provide datafast_visitor_id, name, or a time range (startAt and endAt)');
	const name = rawName === null ? null : rawName.trim().toLowerCase().replace(/\s+/g, '_');
	const doomed = ctx.data.goals.filter(
		(g) =>
			g.websiteId === ctx.site._id &&
			(visitorId === null || g.visitorId === visitorId) &&
			(name === null || g.name === name) &&
			inRange(range, g.timestamp),
	);
	if (!doomed.length) fail(404, 'No goal events found');
	ctx.data.goals = ctx.data.goals.filter((g) => !doomed.includes(g));
	const data = {
		message: range
			? 'Goal events deleted successfully within time range'
			: 'Goal events deleted successfully',
	};
	if (name !== null) data.goal_name = name;
	if (visitorId !== null) data.datafast_visitor_id = visitorId;
	return { status: 'success', data: [{ ...data, ...timeRange(range) }] };
}

const PAYMENT_FIELDS = [
	'amount',
	'currency',
	'transaction_id',
	'datafast_visitor_id',
	'email',
	'customer_email',
	'name',
	'customer_name',
	'customer_id',
	'renewal',
	'refunded',
	'is_free_trial',
	'timestamp',
];

function createPayment(ctx, body) {
	checkBody(body, PAYMENT_FIELDS);
	if (typeof body.amount !== 'number' || !Number.isFinite(body.amount) || body.amount < 0)
		fail(400, 'amount is required and must be a number of at least 0');
	if (!isString(body.currency) || !/^[A-Za-z]{3}$/.test(body.currency))
		fail(400, 'currency is required: a 3-letter code such as USD');
	if (!isString(body.transaction_id) || !body.transaction_id.trim())
		fail(400, 'transaction_id is required');
	for (const key of [
		'datafast_visitor_id',
		'email',
		'customer_email',
		'name',
		'customer_name',
		'customer_id',
	])
		if (body[key] !== undefined && body[key] !== null && !isString(body[key]))
			fail(400, `${key} must be a string`);
	for (const key of ['renewal', 'refunded', 'is_free_trial'])
		if (body[key] !== undefined && typeof body[key] !== 'boolean')
			fail(400, `${key} must be a boolean`);
	if (
		body.timestamp !== undefined &&
		(!isString(body.timestamp) || Number.isNaN(Date.parse(body.timestamp)))
	)
		fail(400, 'timestamp must be an ISO 8601 date');
	const existing = ctx.data.payments.find(
		(p) => p.websiteId === ctx.site._id && p.transaction_id === body.transaction_id,
	);
	if (existing) return existing.answer;
	const visitor = body.datafast_visitor_id
		? ctx.data.visitors.find(
				(v) => v.websiteId === ctx.site._id && v.visitorId === body.datafast_visitor_id,
			)
		: undefined;
	const answer = {
		message: visitor
			? 'Payment recorded and attributed successfully'
			: 'Payment recorded successfully',
		transaction_id: body.transaction_id,
	};
	ctx.data.payments.push({
		websiteId: ctx.site._id,
		transaction_id: body.transaction_id,
		amount: body.amount,
		currency: body.currency.toUpperCase(),
		visitorId: visitor?.visitorId ?? null,
		email: body.email ?? body.customer_email ?? null,
		name: body.name ?? body.customer_name ?? null,
		customer_id: body.customer_id ?? null,
		renewal: body.renewal ?? false,
		refunded: body.refunded ?? false,
		is_free_trial: body.is_free_trial ?? body.amount === 0,
		timestamp: body.timestamp ? Date.parse(body.timestamp) : ctx.clock(),
		answer,
	});
	return answer;
}

function deletePayments(ctx) {
	const q = ctx.query;
	checkQuery(q, ['transaction_id', 'tx_id', 'datafast_visitor_id', 'startAt', 'endAt']);
	const transactionId = q.get('transaction_id') ?? q.get('tx_id');
	const range = transactionId === null ? deleteRange(q) : undefined;
	const visitorId = q.get('datafast_visitor_id');
	if (transactionId === null && !range && visitorId === null)
		fail(400, 'Provide transaction_id, datafast_visitor_id, or a time range (startAt and endAt)');
	const mine = (p) => p.websiteId === ctx.site._id;
	const doomed = ctx.data.payments.filter(
		(p) =>
			mine(p) &&
			(transactionId !== null
				? p.transaction_id === transactionId
				: (visitorId === null || p.visitorId === visitorId) && inRange(range, p.timestamp)),
	);
	if (!doomed.length)
		fail(404, transactionId !== null ? 'Transaction not found' : 'No payments found');
	ctx.data.payments = ctx.data.payments.filter((p) => !doomed.includes(p));
	if (transactionId !== null)
		return {
			status: 'success',
			data: [{ transaction_id: transactionId, message: 'Payment deleted successfully' }],
		};
	const data = {
		message:
			visitorId !== null
				? 'All payments for visitor deleted successfully'
				: 'Payments deleted successfully',
	};
	if (range) data.message += ' within time range';
	if (visitorId !== null) data.datafast_visitor_id = visitorId;
	return { status: 'success', data: [{ ...data, ...timeRange(range) }] };
}

function identify(ctx, body) {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		fail(400, 'The request body must be a JSON object');
	const { user_id: userId, datafast_visitor_id: visitorId, ...metadata } = body;
	if (!isString(userId) || !userId || userId.length > 255)
		fail(400, 'user_id is required (a string of at most 255 characters)');
	if (!isString(visitorId) || !visitorId) fail(400, 'datafast_visitor_id is required');
	const visitor = visitorOf(ctx, visitorId);
	let profile = ctx.data.profiles.find(
		(p) => p.websiteId === ctx.site._id && p.visitorId === visitor.visitorId,
	);
	let action = 'unchanged';
	if (!profile) {
		profile = {
			profileId: `6800beef${String(ctx.data.profiles.length + 1).padStart(16, '0')}`,
			websiteId: ctx.site._id,
			visitorId: visitor.visitorId,
			userId,
			metadata: {},
			identifiedAt: ctx.clock(),
		};
		ctx.data.profiles.push(profile);
		action = 'created';
	}
	const merged = { ...profile.metadata, ...metadata };
	if (profile.userId !== userId || JSON.stringify(merged) !== JSON.stringify(profile.metadata)) {
		if (action !== 'created') action = 'updated';
		Object.assign(profile, { userId, metadata: merged });
	}
	return {
		status: 'success',
		data: { message: 'User identified successfully', profileId: profile.profileId, action },
	};
}

module.exports = {
	listVisitors,
	visitorOf,
	visitorRecord,
	createGoal,
	deleteGoals,
	createPayment,
	deletePayments,
	identify,
};
