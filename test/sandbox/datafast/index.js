'use strict';
// DataFast's stand-in: the Website API (analytics, visitors, goals, payments, identify) and the Account API
// routes the nodes use (websites, funnels, payment integrations). Token kinds as documented: a df_ website
// key is bound to one website and sends no websiteId; a dft_ account token has permissions and websiteIds
// ([] = every website of the account) and names the website with ?websiteId= on Website API routes.
// Decisions where the docs are silent are in ../spec/NOTICE.md (DataFast section).
const { DataFastError, fail, checkQuery } = require('./common');
const { seedDataFast, SITE_A, SITE_B } = require('./seed');
const { handleAnalytics } = require('./analytics');
const records = require('./records');

const ALL_SCOPES = [
	'analytics:read',
	'websites:read',
	'settings:read',
	'goals:write',
	'payments:write',
	'identify:write',
	'funnels:read',
];

/** The sandbox's tokens (server.js DEFAULTS.dataFastTokens): permissions ("scopes") and websites ([] = all). */
const DATAFAST_TOKENS = {
	dft_sandbox_full: { websites: [SITE_A, SITE_B], scopes: ALL_SCOPES },
	dft_sandbox_noscope: { websites: [SITE_A], scopes: [] },
	dft_sandbox_all: { websites: [], scopes: ['*'] },
	dft_sandbox_analytics_b: { websites: [SITE_B], scopes: ['analytics:read', 'websites:read'] },
};
/** Website API keys (df_…) and the one website each belongs to. */
const DATAFAST_KEYS = { df_sandbox_shop: SITE_A, df_sandbox_blog: SITE_B };

const OBJECT_ID = /^[a-f0-9]{24}$/;

/** A Website API route: the permission a dft_ token needs, and what answers it. */
function websiteRoute(method, path) {
	const analytics = /^\/analytics\/([a-z-]+)$/.exec(path);
	if (analytics && method === 'GET')
		return { scope: 'analytics:read', run: (ctx) => handleAnalytics(ctx, analytics[1]) };
	if (path === '/visitors' && method === 'GET')
		return { scope: 'analytics:read', run: records.listVisitors };
	const visitor = /^\/visitors\/([^/]+)$/.exec(path);
	if (visitor && method === 'GET')
		return {
			scope: 'analytics:read',
			run: (ctx) => {
				checkQuery(ctx.query, []);
				const v = records.visitorOf(ctx, decodeURIComponent(visitor[1]), {
					mustHavePageview: false,
				});
				return { status: 'success', data: records.visitorRecord(ctx, v) };
			},
		};
	if (path === '/goals' && method === 'POST')
		return {
			scope: 'goals:write',
			run: (ctx) => (checkQuery(ctx.query, []), records.createGoal(ctx, ctx.body)),
		};
	if (path === '/goals' && method === 'DELETE')
		return { scope: 'goals:write', run: records.deleteGoals };
	if (path === '/payments' && method === 'POST')
		return {
			scope: 'payments:write',
			run: (ctx) => (checkQuery(ctx.query, []), records.createPayment(ctx, ctx.body)),
		};
	if (path === '/payments' && method === 'DELETE')
		return { scope: 'payments:write', run: records.deletePayments };
	if (path === '/identify' && method === 'POST')
		return {
			scope: 'identify:write',
			run: (ctx) => (checkQuery(ctx.query, []), records.identify(ctx, ctx.body)),
		};
	return undefined;
}

function createDataFastApi({ options, state, clock, seededAt }) {
	let data = seedDataFast(seededAt);

	function grantOf(req) {
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		const keys = { ...DATAFAST_KEYS, ...(options.dataFastKeys ?? {}) };
		if (token.startsWith('df_') && keys[token]) return { kind: 'key', websiteId: keys[token] };
		const grant = token.startsWith('dft_') ? options.dataFastTokens[token] : undefined;
		if (!grant) fail(401, 'Invalid or missing API token');
		const scopes = grant.permissions ?? grant.scopes ?? [];
		const websites = grant.websiteIds ?? grant.websites ?? [];
		return {
			kind: 'account',
			may: (scope) => scopes.includes('*') || scopes.includes(scope),
			reaches: (id) => websites.length === 0 || websites.includes(id),
		};
	}

	function siteOf(id) {
		const site = data.sites[id];
		if (!site) fail(404, 'Website not found');
		return site;
	}

	/** An Account API route on one website: permission, access and existence, in that order. */
	function adminWebsite(grant, websiteId, scope) {
		if (!OBJECT_ID.test(websiteId)) fail(400, 'Invalid websiteId');
		if (grant.kind === 'key') {
			if (grant.websiteId !== websiteId)
				fail(403, 'This API key does not have access to this website');
		} else {
			if (!grant.may(scope)) fail(403, `This token is missing the ${scope} permission`);
			if (!grant.reaches(websiteId)) fail(403, 'This token does not have access to this website');
		}
		return siteOf(websiteId);
	}

	function handleAdmin(ctx, grant, path) {
		if (ctx.method !== 'GET') fail(404, 'Not found');
		const summary = ({ _id, domain, name, timezone, currency, createdAt }) => ({
			_id,
			domain,
			name,
			timezone,
			currency,
			createdAt,
		});
		if (path === '/admin/websites') {
			if (grant.kind === 'key')
				fail(
					403,
					'Website API keys (df_) cannot access account-level routes: use an account token (dft_)',
				);
			if (!grant.may('websites:read'))
				fail(403, 'This token is missing the websites:read permission');
			checkQuery(ctx.query, []);
			return {
				status: 'success',
				data: Object.values(data.sites)
					.filter((s) => grant.reaches(s._id))
					.map(summary),
			};
		}
		const match = /^\/admin\/websites\/([^/]+)(\/funnels)?$/.exec(path);
		if (!match) fail(404, 'Not found');
		const websiteId = decodeURIComponent(match[1]);
		checkQuery(ctx.query, []);
		if (match[2]) {
			adminWebsite(grant, websiteId, 'funnels:read');
			const funnels = data.funnels.filter((f) => f.websiteId === websiteId && f.isActive);
			return {
				status: 'success',
				data: funnels.map((f) => ({ ...f, steps: f.steps.map((s) => ({ ...s })) })),
			};
		}
		const site = adminWebsite(grant, websiteId, 'settings:read');
		return {
			status: 'success',
			data: [{ ...summary(site), kpi: site.kpi, kpiColorScheme: site.kpiColorScheme }],
		};
	}

	/** GET /admin/websites/{id}/integrations, as the project's tests and the trigger rely on it (unchanged). */
	function integrations(req, websiteIdRaw) {
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		const grant = options.dataFastTokens[token];
		if (!token.startsWith('dft_') || !grant) fail(401, 'Invalid or missing API token');
		const websiteId = decodeURIComponent(websiteIdRaw);
		if (!OBJECT_ID.test(websiteId)) fail(400, 'Invalid websiteId');
		const scopes = grant.permissions ?? grant.scopes ?? [];
		const websites = grant.websiteIds ?? grant.websites ?? [];
		const reaches = websites.length === 0 || websites.includes(websiteId);
		if (!(scopes.includes('settings:read') || scopes.includes('*')) || !reaches)
			fail(403, 'Token lacks settings:read or access to this website');
		const website = state.websites[websiteId];
		if (!website) fail(404, 'Website not found');
		return { status: 'success', data: [website] };
	}

	function answer(req, url, body, pathname) {
		const integration = /^\/admin\/websites\/([^/]+)\/integrations\/?$/.exec(pathname);
		if (integration) {
			if (req.method !== 'GET') fail(404, 'Not found');
			return integrations(req, integration[1]);
		}
		const grant = grantOf(req);
		const query = new URLSearchParams(url.search);
		const ctx = {
			method: req.method,
			query,
			body,
			data,
			clock,
			pageCap: options.dataFastPageCap ?? Infinity,
		};
		if (pathname.startsWith('/admin/')) return handleAdmin(ctx, grant, pathname.replace(/\/$/, ''));
		const route = websiteRoute(req.method, pathname.replace(/\/$/, ''));
		if (!route) fail(404, 'Not found');
		const websiteId = query.get('websiteId');
		query.delete('websiteId');
		if (grant.kind === 'key') {
			if (websiteId !== null)
				fail(
					400,
					'websiteId must be omitted with a website API key (df_): the key belongs to one website',
				);
			ctx.site = siteOf(grant.websiteId);
		} else {
			if (websiteId === null) fail(400, 'websiteId is required when using an account token (dft_)');
			if (!OBJECT_ID.test(websiteId)) fail(400, 'Invalid websiteId');
			if (!grant.may(route.scope)) fail(403, `This token is missing the ${route.scope} permission`);
			if (!grant.reaches(websiteId)) fail(403, 'This token does not have access to this website');
			ctx.site = siteOf(websiteId);
		}
		if (ctx.site.suspended) fail(403, 'Tracking is suspended for this website');
		return route.run(ctx);
	}

	return {
		/** Answers one request below /datafast/api/v1 (`pathname` is the part after it). */
		handle(req, res, url, body, pathname, send) {
			try {
				send(res, 200, answer(req, url, body, pathname));
			} catch (error) {
				if (!(error instanceof DataFastError)) throw error;
				send(res, error.code, {
					status: 'error',
					error: { code: error.code, message: error.message },
				});
			}
		},
		reset() {
			data = seedDataFast(seededAt);
		},
		/** Test helpers: the stored payments, goals and profiles (the live arrays), a website's tracking switch. */
		helpers: {
			data: () => data,
			payments: (websiteId) => data.payments.filter((p) => !websiteId || p.websiteId === websiteId),
			goals: (websiteId) => data.goals.filter((g) => !websiteId || g.websiteId === websiteId),
			profiles: () => data.profiles,
			suspend: (websiteId, suspended = true) => (data.sites[websiteId].suspended = suspended),
		},
	};
}

module.exports = { createDataFastApi, DATAFAST_TOKENS, DATAFAST_KEYS, SITE_A, SITE_B };
