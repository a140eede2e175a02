'use strict';
// The project's stand-in for Sendcloud's v2 Integrations API, its v3 Shipments and Parcel documents APIs
// (v3/), its OAuth2 token endpoint and DataFast's integrations endpoint. Every Sendcloud request is validated against the official
// spec; answers and errors take the real APIs' shapes. Listens on 127.0.0.1 only.
const http = require('http');
const crypto = require('crypto');
const { validateRequest, orderFieldErrors } = require('./specValidator');
const { seed, uuidFrom, prng } = require('./seed');
const { createV3Api, APPLIED_THEN_RESET } = require('./v3');
const { createWebhookSender } = require('./webhooks');
const { createDataFastApi, DATAFAST_TOKENS } = require('./datafast');

const DEFAULTS = {
	port: 0,
	pageSize: 100,
	logPageSize: 50,
	newestFirst: true,
	apiKeys: { pk_sandbox: 'sk_sandbox' },
	oauthClients: { 'sandbox-client': 'sandbox-secret' },
	tokenTtlMs: 3600_000,
	requirePartnerId: false,
	// DataFast's account tokens (dft_) and website keys (df_): see datafast/index.js.
	dataFastTokens: DATAFAST_TOKENS,
	dataFastKeys: {},
	// Sendcloud's published limits; `timeScale` > 1 makes a minute pass faster for tests and benchmarks.
	rateLimits: null,
	timeScale: 1,
	// The sandbox's "now" when it starts (ms); its clock runs on from there in real time. Left out, it is the
	// wall clock, so a person trying the demo sees orders of the last days; tests give a fixed instant.
	startAt: undefined,
	// Seeded orders and logs end at `seed.now`, by default the moment the sandbox starts.
	seed: {},
	// Webhooks: an integration listed here signs with its own "Webhook Signature Key", the others with the secret key.
	webhookSigningKeys: {},
	webhookTimeoutMs: 10_000,
};

const DELIVERY_METHOD_TYPES = ['standard_delivery', 'nominated_day_delivery', 'same_day_delivery'];

/** What a proxy or a captive portal answers in the API's place: a 200, but a page for people. */
const CAPTIVE_PORTAL_PAGE =
	'<!doctype html>\n<html><head><title>Sign in to continue</title></head>\n<body><h1>Sign in to continue</h1><p>This network needs you to sign in before it lets you through.</p></body></html>\n';

/** Where a request is carried out whose answer is never sent ('applied-then-reset'). */
const UNANSWERED = { writeHead: () => UNANSWERED, end: () => UNANSWERED };

const SENDCLOUD_LIMITS = {
	read: [{ limit: 1000, periodMs: 60_000 }],
	write: [
		{ limit: 100, periodMs: 60_000 },
		{ limit: 15, periodMs: 1_000 },
	],
};

function encodeCursor({ o = 0, r = 0, p }) {
	const parts = [];
	if (o) parts.push(`o=${o}`);
	if (r) parts.push('r=1');
	if (p !== undefined) parts.push(`p=${encodeURIComponent(p)}`);
	return Buffer.from(parts.join('&')).toString('base64');
}

function decodeCursor(cursor) {
	const params = new URLSearchParams(Buffer.from(cursor, 'base64').toString('utf8'));
	const o = Number(params.get('o') ?? 0);
	if (!Number.isInteger(o) || o < 0) throw new Error('Invalid cursor');
	return { o, r: params.get('r') === '1', p: params.get('p') ?? undefined };
}

function createSandbox(userOptions = {}) {
	const options = { ...DEFAULTS, ...userOptions };
	const startedAt = Date.now();
	const startAt = options.startAt ?? startedAt;
	const ownClock = () => startAt + (Date.now() - startedAt);
	let clock = ownClock;
	const seedOptions = { now: startAt, ...options.seed };
	const state = { ...seed(seedOptions), tokens: new Map(), nextLogId: 100000 };
	const requests = [];
	const violations = [];
	const faults = [];
	const sink = [];
	const sentAt = new Map(); // account + kind → arrival times, for rate limits
	const random = prng(7);

	function reset() {
		Object.assign(state, seed(seedOptions), { tokens: new Map() });
		requests.length = 0;
		violations.length = 0;
		sink.length = 0;
		faults.length = 0;
		sentAt.clear();
		v3.reset();
		webhooks.reset();
		dataFast.reset();
	}

	function send(res, status, body, headers = {}) {
		const payload = body === undefined ? '' : JSON.stringify(body);
		res.writeHead(status, {
			...(payload ? { 'Content-Type': 'application/json' } : {}),
			...headers,
		});
		res.end(payload);
	}

	function sendcloudError(res, status, request, message, headers) {
		send(res, status, { error: { code: status, request, message } }, headers);
	}

	function authenticate(req) {
		const header = req.headers.authorization ?? '';
		if (header.startsWith('Basic ')) {
			const [user, pass] = Buffer.from(header.slice(6), 'base64').toString().split(':');
			return options.apiKeys[user] !== undefined && options.apiKeys[user] === pass
				? `key:${user}`
				: undefined;
		}
		if (header.startsWith('Bearer ')) {
			const token = state.tokens.get(header.slice(7));
			return token && token.expiresAt > clock() ? `oauth:${token.clientId}` : undefined;
		}
		return undefined;
	}

	/** Sliding-window limits per account, as Sendcloud enforces them; undefined when allowed. */
	function throttle(account, method) {
		if (!options.rateLimits) return undefined;
		const limits = options.rateLimits === true ? SENDCLOUD_LIMITS : options.rateLimits;
		const kind = method === 'GET' ? 'read' : 'write';
		const key = `${account} ${kind}`;
		const now = clock();
		const scale = options.timeScale;
		const times = sentAt.get(key) ?? [];
		let waitMs = 0;
		for (const { limit, periodMs } of limits[kind]) {
			const period = periodMs / scale;
			const recent = times.filter((t) => t > now - period);
			if (recent.length >= limit)
				waitMs = Math.max(waitMs, recent[recent.length - limit] + period - now);
		}
		if (waitMs > 0) return waitMs;
		const horizon = Math.max(...limits[kind].map((l) => l.periodMs)) / scale;
		sentAt.set(key, [...times.filter((t) => t > now - horizon), now]);
		return undefined;
	}

	/** The 429 answer's message and headers when the account is over its limits; undefined when allowed. */
	function throttled(account, method) {
		const waitMs = throttle(account, method);
		if (waitMs === undefined) return undefined;
		const seconds = Math.max(1, Math.ceil(waitMs / 1000));
		return {
			message: `Request was throttled. Expected available in ${seconds} seconds.`,
			headers: { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
		};
	}

	function takeFault(method, pathname, search) {
		const index = faults.findIndex(
			(f) =>
				(!f.method || f.method === method) &&
				(!f.path || new RegExp(f.path).test(pathname)) &&
				(!f.query || new RegExp(f.query).test(search)),
		);
		if (index === -1) return undefined;
		const fault = faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) faults.splice(index, 1);
		return fault;
	}

	/** Answers for a fault; `answerError(status, message, headers)` writes an error in the API's own shape. */
	async function applyFault(
		fault,
		req,
		res,
		answerError = (status, message, headers) =>
			sendcloudError(res, status, req.url.slice(1), message, headers),
	) {
		switch (fault.kind) {
			case 'reset':
				req.socket.destroy();
				return true;
			case 'slow':
				await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
				return false;
			case 'hang':
				// Accepted and never answered: only the client giving up (or close()) ends it.
				return true;
			case 'redirect':
				res.writeHead(fault.status ?? 302, {
					Location: fault.location,
					'Content-Type': 'text/html; charset=utf-8',
				});
				res.end(`<a href="${fault.location}">Found</a>`);
				return true;
			case 'malformed':
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"results": [');
				return true;
			case 'no-results':
				send(res, 200, { detail: 'valid JSON, but not a page' });
				return true;
			case 'html':
				res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
				res.end(CAPTIVE_PORTAL_PAGE);
				return true;
			case 'answer':
				// A 200 of a shape the spec does not document, as a broken proxy or an API change could send.
				res.writeHead(200, fault.text ? { 'Content-Type': 'application/json' } : {});
				res.end(fault.text ?? '');
				return true;
			default: {
				const status = Number(fault.kind);
				const headers =
					fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
				answerError(
					status,
					fault.message ??
						(status === 429 ? 'Request was throttled.' : 'Service temporarily unavailable'),
					headers,
				);
				return true;
			}
		}
	}

	/** 'applied-then-reset': `handle(res)` carries the request out in full, then the connection drops unanswered. */
	function carryOutThenReset(req, handle) {
		handle(UNANSWERED);
		req.socket.destroy();
	}

	function pageOf(list, query, pageSize, req, positionOf) {
		let cursor = { o: 0, r: false, p: undefined };
		if (query.cursor !== undefined) cursor = decodeCursor(query.cursor);
		// Items are ordered by position; `p` is the position of the page boundary and `o` how many
		// items at exactly that position were already handed out (Django REST Framework's scheme).
		let start = 0;
		if (cursor.p !== undefined && !cursor.r) {
			start = list.findIndex((item) => positionOf(item) === cursor.p);
			if (start !== -1) start += cursor.o;
			else {
				start = list.findIndex((item) =>
					options.newestFirst ? positionOf(item) < cursor.p : positionOf(item) > cursor.p,
				);
				if (start === -1) start = list.length;
			}
		}
		let end = Math.min(list.length, start + pageSize);
		if (cursor.r && cursor.p !== undefined) {
			end = list.findIndex((item) => positionOf(item) === cursor.p);
			if (end === -1) end = 0;
			start = Math.max(0, end - pageSize);
		}
		const results = list.slice(start, end);
		const base = `http://${req.headers.host}${req.url.split('?')[0]}`;
		const keep = new URLSearchParams(req.url.split('?')[1] ?? '');
		keep.delete('cursor');
		const link = (c) => {
			const params = new URLSearchParams(keep);
			params.set('cursor', encodeCursor(c));
			return `${base}?${params}`;
		};
		let next = null;
		if (end < list.length && results.length) {
			const p = positionOf(results[results.length - 1]);
			// o counts the items at p handed out so far, so skipping o lands after this page. The list is
			// ordered by position, so those items end this page: found without a scan from the top.
			let firstAtP = end - 1;
			while (firstAtP > 0 && positionOf(list[firstAtP - 1]) === p) firstAtP--;
			next = link({ o: end - firstAtP, p });
		}
		const previous = start > 0 && results.length ? link({ r: 1, p: positionOf(results[0]) }) : null;
		return { next, previous, results };
	}

	// Walking every page of a big integration would otherwise filter and sort all of it once per page.
	// A sorted list is reused while the stored orders are the same objects in the same places (an
	// update never changes an order's created_at): comparing them is linear, but far cheaper.
	const listsByDays = new WeakMap(); // stored orders → { members, lists: "days order" → list }
	function shipmentsBetween(stored, start, end) {
		const cached = listsByDays.get(stored);
		let same = cached?.members.length === stored.length;
		for (let i = 0; same && i < stored.length; i++) same = stored[i] === cached.members[i];
		const cache = same ? cached : { members: [...stored], lists: new Map() };
		listsByDays.set(stored, cache);
		const key = `${start} ${end} ${options.newestFirst}`;
		if (!cache.lists.has(key)) {
			const day = (iso) => iso.slice(0, 10);
			const sign = options.newestFirst ? -1 : 1;
			const list = stored.filter((s) => day(s.created_at) >= start && day(s.created_at) <= end);
			list.sort(
				(a, b) =>
					sign * (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0) ||
					sign * (a._seq ?? 0) - sign * (b._seq ?? 0),
			);
			cache.lists.set(key, list);
		}
		return cache.lists.get(key);
	}

	function listShipments(req, res, integrationId, query) {
		const today = new Date(clock()).toISOString().slice(0, 10);
		const yearAgo = new Date(clock() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
		let list = shipmentsBetween(
			state.shipments.get(integrationId),
			query.start_date ?? yearAgo,
			query.end_date ?? today,
		);
		if (query.external_order_ids)
			list = list.filter((s) => query.external_order_ids.includes(s.external_order_id));
		if (query.external_shipment_ids)
			list = list.filter((s) => query.external_shipment_ids.includes(s.external_shipment_id));
		if (query.order_number) list = list.filter((s) => s.order_number === query.order_number);
		const page = pageOf(list, query, options.pageSize, req, (s) => s.created_at);
		page.results = page.results.map(({ _seq, ...s }) => s);
		send(res, 200, page);
	}

	function upsertShipments(req, res, integrationId, orders) {
		const stored = state.shipments.get(integrationId);
		const answer = [];
		for (const order of orders) {
			const ids = {
				external_order_id: order?.external_order_id ?? '',
				external_shipment_id: order?.external_shipment_id ?? '',
			};
			const errors = orderFieldErrors(order);
			if (errors) {
				// The API takes it in its stride, but a client that validates first never sends it.
				violations.push({
					method: 'POST',
					path: req.url,
					violations: [`order ${ids.external_order_id}: ${JSON.stringify(errors)}`],
				});
				answer.push({ error: errors, ...ids, status: 'error' });
				continue;
			}
			const deliveryType = order.checkout_payload?.delivery_method_type;
			if (deliveryType !== undefined && !DELIVERY_METHOD_TYPES.includes(deliveryType)) {
				// A rule the spec states only in prose, so only the API can check it.
				answer.push({
					error: {
						checkout_payload: {
							delivery_method_type: [`"${deliveryType}" is not a valid choice.`],
						},
					},
					...ids,
					status: 'error',
				});
				continue;
			}
			const existing = stored.find(
				(s) =>
					s.external_order_id === order.external_order_id &&
					(s.external_shipment_id ?? null) === (order.external_shipment_id ?? null),
			);
			const { created_at: shopCreated, updated_at: shopUpdated, ...fields } = order;
			if (existing) {
				if (existing.shipment_updated_at === new Date(shopUpdated).toISOString()) continue;
				Object.assign(existing, fields, {
					shipment_updated_at: new Date(shopUpdated).toISOString(),
					updated_at: new Date(clock()).toISOString(),
				});
				answer.push({ ...ids, shipment_uuid: existing.shipment_uuid, status: 'updated' });
				continue;
			}
			const now = new Date(clock()).toISOString();
			const shipment = {
				allowed_shipping_methods: [],
				barcode: null,
				integration: integrationId,
				sender_address: null,
				...fields,
				shipment_uuid: uuidFrom(random),
				created_at: now,
				updated_at: now,
				shipment_created_at: new Date(shopCreated).toISOString(),
				shipment_updated_at: new Date(shopUpdated).toISOString(),
				_seq: ++state.nextLogId,
			};
			stored.push(shipment);
			answer.push({ ...ids, shipment_uuid: shipment.shipment_uuid, status: 'created' });
		}
		send(res, 200, answer);
	}

	function integrationUpdateView(i) {
		const {
			shop_name,
			shop_url,
			last_updated_at,
			service_point_enabled,
			service_point_carriers,
			webhook_active,
			webhook_url,
		} = i;
		return {
			shop_name,
			shop_url,
			last_updated_at,
			service_point_enabled,
			service_point_carriers,
			webhook_active,
			webhook_url,
		};
	}

	function handleSendcloud(req, res, pathname, searchParams, body) {
		const request = `api/v2${pathname}`;
		const check = validateRequest({ method: req.method, pathname, searchParams, body });
		if (!check.op) {
			return sendcloudError(
				res,
				check.notFound ? 404 : 405,
				request,
				check.notFound ? 'Not found.' : `Method "${req.method}" not allowed.`,
			);
		}
		if (check.violations.length) {
			violations.push({ method: req.method, path: pathname, violations: check.violations });
			return sendcloudError(res, 400, request, check.violations.join('; '));
		}
		const { op, pathParams, query } = check;
		const integration =
			pathParams.id === undefined
				? undefined
				: state.integrations.find((i) => i.id === pathParams.id);
		if (pathParams.id !== undefined && !integration) {
			return sendcloudError(res, 404, request, 'No Integration matches the given query.');
		}
		switch (op.operationId) {
			case 'sc-public-v2-orders-get-retrieve_a_list_of_integrations': {
				const list = [...state.integrations];
				if (query.ordering) {
					const desc = query.ordering.startsWith('-');
					const field = query.ordering.replace(/^-/, '');
					list.sort(
						(a, b) =>
							(desc ? -1 : 1) *
							String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'en', { numeric: true }),
					);
				}
				return send(res, 200, list);
			}
			case 'sc-public-v2-orders-get-retrieve_an_integration':
				return send(res, 200, integration);
			case 'sc-public-v2-orders-put-update_an_integration':
			case 'sc-public-v2-orders-patch-partial_update_an_integration': {
				const next = { ...integration, ...body };
				if (next.service_point_enabled && !(next.service_point_carriers ?? []).length) {
					return sendcloudError(
						res,
						400,
						request,
						"{'service_point_carriers': ['At least one carrier must be provided when service point delivery is enabled.']}",
					);
				}
				if (req.method === 'PUT')
					for (const field of ['shop_url', 'webhook_url']) if (!(field in body)) next[field] = null;
				next.last_updated_at = new Date(clock()).toISOString();
				Object.assign(integration, next);
				return send(res, 200, integrationUpdateView(integration));
			}
			case 'sc-public-v2-orders-delete-delete_an_integration':
				state.integrations = state.integrations.filter((i) => i !== integration);
				res.writeHead(204);
				return res.end();
			case 'sc-public-v2-orders-get-retrieve_a_list_of_shipments':
				return listShipments(req, res, integration.id, query);
			case 'sc-public-v2-orders-post-create_a_list_of_shipments':
				if (options.requirePartnerId && !req.headers['sendcloud-partner-id']) {
					return sendcloudError(
						res,
						403,
						request,
						'You do not have permission to perform this action.',
					);
				}
				if (body.length > 100)
					return sendcloudError(res, 400, request, 'Batches are limited to 100 orders at once.');
				return upsertShipments(req, res, integration.id, body);
			case 'sc-public-v2-orders-post-delete_a_shipment': {
				const stored = state.shipments.get(integration.id);
				const index = stored.findIndex((s) =>
					body.shipment_uuid
						? s.shipment_uuid === body.shipment_uuid
						: s.external_order_id === body.external_order_id &&
							(s.external_shipment_id ?? '') === (body.external_shipment_id ?? ''),
				);
				if (index === -1)
					return sendcloudError(res, 404, request, 'No ShipmentBlob matches the given query.');
				stored.splice(index, 1);
				res.writeHead(204);
				return res.end();
			}
			case 'sc-public-v2-orders-get-retrieve_integrations_logs':
			case 'sc-public-v2-orders-get-retrieve_integration_logs': {
				const logs = state.integrationLogs
					.filter((l) => !integration || l.integration_id === integration.id)
					.sort((a, b) =>
						a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id,
					);
				const page = pageOf(logs, query, options.logPageSize, req, (l) => l.created_at);
				page.results = page.results.map(({ integration_id, ...l }) => l);
				return send(res, 200, page);
			}
			case 'sc-public-v2-orders-post-create_integration_logs': {
				if (
					body.integration_id !== undefined &&
					body.integration_id !== null &&
					body.integration_id !== integration.id
				) {
					return sendcloudError(
						res,
						400,
						request,
						"{'integration_id': ['Does not match the integration in the URL.']}",
					);
				}
				const { user_id, ...fields } = body;
				const log = {
					id: ++state.nextLogId,
					full_url: null,
					method: 'GET',
					response_code: null,
					response: null,
					request: null,
					exception_type: null,
					exception: null,
					...fields,
					integration_id: integration.id,
					created_at: body.created_at ?? new Date(clock()).toISOString(),
					protected: false,
				};
				state.integrationLogs.push(log);
				const { integration_id, ...view } = log;
				return send(res, 201, view);
			}
			default:
				return sendcloudError(res, 404, request, 'Not found.');
		}
	}

	function handleToken(req, res, body) {
		const header = req.headers.authorization ?? '';
		const [id, secret] = header.startsWith('Basic ')
			? Buffer.from(header.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
			: [];
		const form = new URLSearchParams(body ?? '');
		if (form.get('grant_type') !== 'client_credentials')
			return send(res, 400, { error: 'unsupported_grant_type' });
		if (!id || options.oauthClients[id] !== secret)
			return send(res, 401, { error: 'invalid_client' });
		const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
		if (scopes.some((s) => s !== 'api')) return send(res, 400, { error: 'invalid_scope' });
		const token = crypto.randomBytes(16).toString('hex');
		state.tokens.set(token, { clientId: id, expiresAt: clock() + options.tokenTtlMs });
		send(res, 200, {
			access_token: token,
			token_type: 'Bearer',
			expires_in: Math.round(options.tokenTtlMs / 1000),
			scope: 'api',
		});
	}

	function handleDataFast(req, res, pathname, url, body) {
		dataFast.handle(req, res, url, body, pathname, send);
	}

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			try {
				const url = new URL(req.url, 'http://sandbox');
				const raw = Buffer.concat(chunks).toString('utf8');
				const record = {
					method: req.method,
					path: url.pathname,
					query: url.search,
					headers: { ...req.headers },
					body: undefined,
					status: undefined,
					at: clock(),
				};
				requests.push(record);
				res.on('finish', () => (record.status = res.statusCode));
				if (url.pathname === '/oauth2/token/' || url.pathname === '/oauth2/token') {
					record.body = raw;
					return handleToken(req, res, raw);
				}
				if (url.pathname.startsWith('/api/v3/')) return v3.handle(req, res, url, raw, record);
				let body;
				if (raw) {
					try {
						body = JSON.parse(raw);
					} catch {
						return send(res, 400, {
							error: { code: 400, request: url.pathname.slice(1), message: 'JSON parse error' },
						});
					}
				}
				record.body = body;
				if (url.pathname.startsWith('/datafast/api/v1/')) {
					const dataFastPath = url.pathname.slice('/datafast/api/v1'.length);
					const fault = takeFault(req.method, url.pathname, url.search);
					const dataFastError = (status, message, headers) =>
						send(res, status, { status: 'error', error: { code: status, message } }, headers);
					if (fault?.kind === APPLIED_THEN_RESET)
						return carryOutThenReset(req, (answer) =>
							handleDataFast(req, answer, dataFastPath, url, body),
						);
					if (fault && (await applyFault(fault, req, res, dataFastError))) return;
					return handleDataFast(req, res, dataFastPath, url, body);
				}
				// Not an API: where test workflows report what reached them (end-to-end tests).
				if (url.pathname === '/__sink' && req.method === 'POST') {
					sink.push(body);
					return send(res, 200, { received: true });
				}
				if (!url.pathname.startsWith('/api/v2/'))
					return send(res, 404, {
						error: { code: 404, request: url.pathname, message: 'Not found.' },
					});
				const pathname = url.pathname.slice('/api/v2'.length);
				const account = authenticate(req);
				if (!account) {
					return sendcloudError(
						res,
						401,
						`api/v2${pathname}`,
						req.headers.authorization
							? 'Invalid username/password.'
							: 'Authentication credentials were not provided.',
					);
				}
				record.account = account;
				const fault = takeFault(req.method, pathname, url.search);
				if (fault && fault.kind !== APPLIED_THEN_RESET && (await applyFault(fault, req, res)))
					return;
				const limited = throttled(account, req.method);
				if (limited)
					return sendcloudError(res, 429, `api/v2${pathname}`, limited.message, limited.headers);
				// The work is done (an order stored, a log written), but the client never learns it.
				if (fault?.kind === APPLIED_THEN_RESET)
					return carryOutThenReset(req, (answer) =>
						handleSendcloud(req, answer, pathname, url.searchParams, body),
					);
				handleSendcloud(req, res, pathname, url.searchParams, body);
			} catch (error) {
				send(res, 500, {
					error: { code: 500, request: req.url, message: String(error?.message ?? error) },
				});
			}
		});
	});

	const v3 = createV3Api({
		options,
		authenticate,
		throttled,
		takeFault,
		applyFault,
		pageOf,
		violations,
		clock: () => clock(),
	});
	const dataFast = createDataFastApi({
		options,
		state,
		clock: () => clock(),
		seededAt: seedOptions.now,
	});
	const webhooks = createWebhookSender({
		options,
		state,
		violations,
		clock: () => clock(),
		seededAt: seedOptions.now,
	});

	return {
		options,
		state,
		requests,
		violations,
		sink,
		reset,
		/** The v3 API's shipments, labels bought and test helpers (see v3/index.js). */
		v3: v3.helpers,
		/** Sendcloud's webhook calls to the integrations' webhook_url: real, forged, altered, replayed (see webhooks.js). */
		webhooks,
		/** DataFast's stored payments, goals, profiles, a website's tracking switch (datafast/index.js), and its
		 * integrations changed between polls (dataFastStates.js). */
		dataFast: { ...dataFast.helpers, ...require('./dataFastStates').dataFastStates(state) },
		/**
		 * Queue failures for the next matching requests: {kind: '429'|'503'|…|'reset'|'slow'|'malformed'|'no-results'|
		 * 'html'|'applied-then-reset'|'hang'|'redirect', method?, path?, query?, times?, retryAfter?, delayMs?, message?,
		 * status?, location?}. `path` is a regex
		 * on the path after /api/v2 for v2 requests and on the whole path (/api/v3/…, /datafast/api/v1/…) for the others.
		 * 'html' answers 200 with a captive portal's HTML page; 'answer' a 200 whose body is `text` (JSON, maybe not of
		 * the documented shape; empty when left out); 'applied-then-reset' carries the request out, then drops the
		 * connection unanswered. 'hang' never answers; 'redirect' answers `status` (302 by default) with `location`.
		 */
		injectFaults: (...list) => faults.push(...list.map((f) => ({ ...f }))),
		clearFaults: () => (faults.length = 0),
		/** Faults injected that no request met yet. */
		pendingFaults: () => faults.map((f) => ({ ...f })),
		/** Replaces the sandbox's clock (ms); with no argument, its own clock comes back. */
		setClock: (fn) => (clock = fn ?? ownClock),
		expireTokens: () => state.tokens.forEach((t) => (t.expiresAt = 0)),
		addShipment(integrationId, shipment) {
			shipment._seq = ++state.nextLogId;
			state.shipments.get(integrationId).push(shipment);
			return shipment;
		},
		async listen(port = options.port) {
			await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
			const { port: actual } = server.address();
			this.url = `http://127.0.0.1:${actual}`;
			this.sendcloudBaseUrl = `${this.url}/api/v2`;
			this.sendcloudV3BaseUrl = `${this.url}/api/v3`;
			this.tokenUrl = `${this.url}/oauth2/token/`;
			this.dataFastBaseUrl = `${this.url}/datafast/api/v1`;
			return this;
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { createSandbox, encodeCursor, decodeCursor, SENDCLOUD_LIMITS };
