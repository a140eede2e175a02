'use strict';
// The sandbox's v3 API under /api/v3: Shipments (including address validation) and Parcel documents. server.js
// hands it the requests and shares its authentication, rate limits, fault injection and cursor pages with it.
// Every request is validated against the official specs; errors take the v3 shape
// {errors: [{status: "404", code, detail, source: {pointer | parameter | header}}]}.
const { validateV3Request } = require('../specValidator');
const {
	createShipmentStore,
	STATUSES,
	DAY_MS,
	FAILING_POSTAL_CODE,
	UNREACHABLE_SHIPPING_OPTION_CODE,
} = require('./shipments');
const { validateAddress } = require('./addresses');
const { accountDataHandlers } = require('./accountData');
const { renderDocument, EXTENSIONS } = require('./documents');
const { shippingOptionHandlers } = require('./shippingOptions');
const { createTrackingApi } = require('./tracking');
const { createReturnsApi } = require('./returns');
const { createServicePointApi } = require('./servicePoints');
const { createPickupApi } = require('./pickups');
const { createEventSubscriptions } = require('./eventSubscriptions');

const BASE_PATH = '/api/v3';
/** When parcels move on by themselves; `options.v3Timings` overrides them. */
const DEFAULT_TIMINGS = {
	announceAfterMs: 0,
	enRouteAfterMs: DAY_MS,
	deliveredAfterMs: 2 * DAY_MS,
	cancellationAfterMs: 14 * DAY_MS,
};
const DEFAULT_PAGE_SIZE = 40;
const MAX_IDS_PER_FILTER = 100;
/** The fault that applies the request fully, then drops the connection without an answer. */
const APPLIED_THEN_RESET = 'applied-then-reset';
const ERROR_CODES = {
	400: 'invalid',
	401: 'authentication_failed',
	404: 'not_found',
	405: 'method_not_allowed',
	422: 'invalid',
	429: 'throttled',
};
const PARTNER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const json = (status, body, headers) => ({ status, body, headers });

/** An error answer with one error object; `source` is {pointer}, {parameter} or {header}. */
function errorAnswer(status, detail, { source, headers } = {}) {
	const code = ERROR_CODES[status] ?? (status === 503 ? 'service_unavailable' : 'server_error');
	return json(
		status,
		{ errors: [{ status: String(status), code, detail, ...(source ? { source } : {}) }] },
		headers,
	);
}

function write(res, { status, body, file, headers = {} }) {
	if (file) {
		res.writeHead(status, { 'Content-Length': file.length, ...headers });
		return res.end(file);
	}
	const payload = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(payload);
}

/**
 * The v3 API over the sandbox's shared machinery: `authenticate(req)` → account, `throttled(account, method)`,
 * `takeFault`/`applyFault` (fault injection), `pageOf` (cursor pages), `violations` (the list to report to),
 * `clock()` → ms.
 */
function createV3Api({
	options,
	authenticate,
	throttled,
	takeFault,
	applyFault,
	pageOf,
	violations,
	clock,
}) {
	const events = createEventSubscriptions({
		clock,
		violations,
		timeoutMs: options.webhookTimeoutMs,
	});
	const store = createShipmentStore({
		clock,
		timings: { ...DEFAULT_TIMINGS, ...options.v3Timings },
		servicePointOf: (id) => servicePoints.helpers.find(id),
		onStatusChange: (parcel) => events.parcelMoved(store, parcel),
	});
	const timings = { ...DEFAULT_TIMINGS, ...options.v3Timings };
	const returns = createReturnsApi({ clock, timings, json, pageOf });
	const tracking = createTrackingApi({
		store,
		timings,
		clock,
		json,
		returnParcels: returns.trackedParcels,
	});

	const servicePoints = createServicePointApi({ json, clock, options });
	const pickups = createPickupApi({ json, clock, pageOf, options });

	/** What a document of a parcel shows. */
	const printed = (shipment, parcel) => ({
		id: parcel.id,
		tracking_number: parcel.tracking_number,
		carrier: shipment.carrier,
		to: shipment.to_address,
	});

	/** The synchronous answers' base64 label, in the format and resolution of the request's label_details. */
	function labelFile(shipment, parcel) {
		const { mime_type: format, dpi } = shipment.label_details;
		return renderDocument({
			type: 'label',
			parcels: [printed(shipment, parcel)],
			format,
			dpi: format === 'image/png' ? dpi : undefined,
		}).toString('base64');
	}

	function created({ account, body, base }, mode) {
		const result = store.create(account, body, mode);
		if (result.errors) return json(400, { errors: result.errors });
		// The spec: "Using the same reference more than once will result in a 409 HTTP status code and the
		// associated object being returned" — as GET /shipments/{id} returns it.
		if (result.existing) return json(409, { data: store.view(result.existing, base) });
		return json(201, {
			data: store.view(result.shipment, base, mode.announceNow ? { labelFile } : {}),
		});
	}

	function withShipment({ account, pathParams }, answer) {
		const shipment = store.find(account, pathParams.id);
		return shipment ? answer(shipment) : errorAnswer(404, 'Not found');
	}

	function listShipments({ req, account, query, base }) {
		const filterError = (detail) =>
			errorAnswer(400, detail, { source: { pointer: '/list_shipments/filters' } });
		const times = {};
		for (const name of ['updated_before', 'updated_after', 'announced_before', 'announced_after']) {
			if (query[name] === undefined) continue;
			times[name] = Date.parse(query[name]);
			if (Number.isNaN(times[name]))
				return filterError(`Validation failed, ${name} is not a datetime`);
		}
		const lists = {};
		for (const name of ['ids', 'shipment_uuids']) {
			if (query[name] === undefined) continue;
			lists[name] = query[name].split(',').map((v) => v.trim());
			if (lists[name].length > MAX_IDS_PER_FILTER)
				return filterError(
					`Validation failed, ${name} may not contain more than ${MAX_IDS_PER_FILTER} IDs`,
				);
		}
		const status = query.parcel_status;
		const between = (value, after, before) =>
			value !== null &&
			(after === undefined || Date.parse(value) > after) &&
			(before === undefined || Date.parse(value) < before);
		const list = store.shipmentsOf(account).filter((s) => {
			const updated = s.parcels
				.map((p) => p.updated_at)
				.sort()
				.pop();
			return (
				(status === undefined ||
					s.parcels.some((p) => p.status === status || String(STATUSES[p.status].id) === status)) &&
				(query.tracking_number === undefined ||
					s.parcels.some((p) => p.tracking_number === query.tracking_number)) &&
				(query.external_reference_id === undefined ||
					s.external_reference_id === query.external_reference_id) &&
				(query.order_number === undefined || s.order_number === query.order_number) &&
				// Shipments created through the API belong to no shop integration.
				query.integration_id === undefined &&
				between(updated, times.updated_after, times.updated_before) &&
				((times.announced_after === undefined && times.announced_before === undefined) ||
					s.parcels.some((p) =>
						between(p.announced_at, times.announced_after, times.announced_before),
					)) &&
				(!lists.ids || s.parcels.some((p) => lists.ids.includes(String(p.id)))) &&
				(!lists.shipment_uuids || lists.shipment_uuids.includes(s.id))
			);
		});
		const sign = options.newestFirst ? -1 : 1;
		list.sort(
			(a, b) =>
				sign * (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq),
		);
		let page;
		try {
			page = pageOf(list, query, query.page_size ?? DEFAULT_PAGE_SIZE, req, (s) => s.created_at);
		} catch {
			return errorAnswer(404, 'Invalid cursor', { source: { pointer: '/data' } });
		}
		// RFC 8288, in the spec example's order.
		const links = [
			page.previous && `<${page.previous}>; rel="prev"`,
			page.next && `<${page.next}>; rel="next"`,
		].filter(Boolean);
		return json(
			200,
			{ data: page.results.map((s) => store.view(s, base)) },
			links.length ? { Link: links.join(', ') } : {},
		);
	}

	/** Resolution per the spec's table: PDF at 72 dpi only, PNG at 150 or 300 (default 300), ZPL ignores it. */
	function dpiFor(format, requested) {
		if (format === 'image/png')
			return requested === undefined || requested === 150 || requested === 300
				? (requested ?? 300)
				: undefined;
		if (format === 'application/pdf')
			return requested === undefined || requested === 72 ? 72 : undefined;
		return null;
	}

	/** One file of `type` for the parcels; a 404 when one is not the account's or has no such document. */
	function documentFile({ req, account, query }, type, parcelIds, requestedDpi) {
		const format = req.headers.accept ?? 'application/pdf';
		const dpi = dpiFor(format, requestedDpi);
		if (dpi === undefined)
			return errorAnswer(400, `Invalid dpi ${requestedDpi} for ${format}.`, {
				source: { parameter: 'dpi' },
			});
		const parcels = [];
		for (const id of parcelIds) {
			const found = store.findParcel(account, id) ?? returns.findParcel(account, id);
			if (!found) return errorAnswer(404, 'No Parcel matches the given query.');
			if (!store.documentTypes(found.shipment, found.parcel).includes(type))
				return errorAnswer(404, 'Document type requested is not available for the parcel.');
			parcels.push(printed(found.shipment, found.parcel));
		}
		const file = renderDocument({ type, parcels, format, paper: query.paper_size, dpi });
		const name = `${type}-${parcelIds.join('_')}.${EXTENSIONS[format]}`;
		return {
			status: 200,
			file,
			headers: { 'Content-Type': format, 'Content-Disposition': `attachment; filename="${name}"` },
		};
	}

	const HANDLERS = {
		'sc-public-v3-scp-post-announce_shipment': (c) => created(c, { announceNow: true }),
		'sc-public-v3-scp-post-create_shipment': (c) => created(c, { announceNow: false }),
		'sc-public-v3-scp-post-announce_shipment_with_rules': (c) =>
			created(c, { announceNow: true, withRules: true }),
		'sc-public-v3-scp-post-create_shipment_with_rules': (c) =>
			created(c, { announceNow: false, withRules: true }),
		'sc-public-v3-scp-get-all_shipments': listShipments,
		'sc-public-v3-scp-get-shipment_by_id': (c) =>
			withShipment(c, (s) => json(200, { data: store.view(s, c.base) })),
		'sc-public-v3-scp-post-cancel_shipment': (c) => withShipment(c, (s) => store.cancel(s)),
		'sc-public-v3-scp-get-return_portal_url': (c) =>
			withShipment(c, (s) => {
				const url = store.returnPortalUrl(s);
				return url
					? json(200, { data: { url } })
					: errorAnswer(404, 'No return portal is configured for this shipment.');
			}),
		'sc-public-v3-scp-post-validate_address': (c) => validateAddress(c.body),
		'sc-public-v3-scp-get-retrieve_parcel_documents': (c) =>
			documentFile(c, c.pathParams.type, [c.pathParams.id], c.query.dpi),
		'sc-public-v3-scp-get-retrieve_parcel_documents_bulk': (c) =>
			documentFile(c, c.pathParams.type, c.query.parcels),
		...shippingOptionHandlers,
		...accountDataHandlers({ pageOf, statuses: STATUSES, errorAnswer }),
		...tracking.handlers,
		...returns.handlers,
		...servicePoints.handlers,
		...pickups.handlers,
		...events.handlers,
	};

	/** Validates the request and runs its operation; returns the answer to write. */
	function route(req, pathname, searchParams, body, account) {
		const check = validateV3Request({
			method: req.method,
			pathname,
			searchParams,
			headers: req.headers,
			body,
		});
		if (!check.op)
			return check.notFound
				? errorAnswer(404, 'Not found.')
				: errorAnswer(405, `Method "${req.method}" not allowed.`);
		const report = (found) =>
			violations.push({ method: req.method, path: `${BASE_PATH}${pathname}`, violations: found });
		if (check.problems.length) {
			report(check.violations);
			return json(400, {
				errors: check.problems.map(({ code, text, source }) => ({
					status: '400',
					code,
					detail: text,
					source,
				})),
			});
		}
		if (!check.op.authentication.includes(account.startsWith('oauth:') ? 'oauth2' : 'basic')) {
			report([
				`${check.op.operationId} accepts only ${check.op.authentication.join(', ')} authentication`,
			]);
			return errorAnswer(401, 'Authentication credentials were not provided.');
		}
		const partnerId = req.headers['sendcloud-partner-id'];
		if (partnerId !== undefined && !PARTNER_ID.test(partnerId)) {
			return errorAnswer(400, 'The partner ID is not a valid UUID.', {
				source: { header: 'Sendcloud-Partner-Id' },
			});
		}
		const context = {
			req,
			account,
			body,
			query: check.query,
			pathParams: check.pathParams,
			base: `http://${req.headers.host}${BASE_PATH}`,
		};
		return HANDLERS[check.op.operationId](context);
	}

	async function answer(req, res, url, raw, record) {
		let body;
		if (raw) {
			try {
				body = JSON.parse(raw);
			} catch {
				return write(res, errorAnswer(400, 'JSON parse error.', { source: { pointer: '/' } }));
			}
		}
		record.body = body;
		const account = authenticate(req);
		if (!account)
			return write(
				res,
				errorAnswer(
					401,
					req.headers.authorization
						? 'Invalid username/password.'
						: 'Authentication credentials were not provided.',
				),
			);
		record.account = account;
		const fault = takeFault(req.method, url.pathname, url.search);
		const faultAnswer = (status, detail, headers) =>
			write(res, errorAnswer(status, detail, { headers }));
		if (
			fault &&
			fault.kind !== APPLIED_THEN_RESET &&
			(await applyFault(fault, req, res, faultAnswer))
		)
			return;
		const limited = throttled(account, req.method);
		if (limited) return write(res, errorAnswer(429, limited.message, { headers: limited.headers }));
		const result = await route(
			req,
			url.pathname.slice(BASE_PATH.length),
			url.searchParams,
			body,
			account,
		);
		// The work is done (a label may be bought), but the client never learns it.
		if (fault?.kind === APPLIED_THEN_RESET) return req.socket.destroy();
		write(res, result);
	}

	return {
		/** Answers one /api/v3 request; `raw` is its body as received, `record` its entry in sandbox.requests. */
		async handle(req, res, url, raw, record) {
			try {
				await answer(req, res, url, raw, record);
			} catch (error) {
				write(res, errorAnswer(500, String(error?.message ?? error)));
			}
		},
		reset: () =>
			[store, events, tracking, returns, servicePoints, pickups].forEach((part) => part.reset()),
		/** What node tests use, as sandbox.v3. */
		helpers: {
			...tracking.helpers,
			...returns.helpers,
			state: store.state,
			/** The account's shipments (internal records, statuses as of now); API-key account by default. */
			shipments: (account = 'key:pk_sandbox') => store.shipmentsOf(account),
			/** Moves parcels ({account?, shipmentId?, parcelId?}) one status forward; returns [{id, status}]. */
			advanceParcels: store.advanceParcels,
			/** Labels bought (successful parcel announcements), optionally for one external_reference_id / account. */
			labelsBought({ externalReferenceId, account } = {}) {
				store.settle();
				return store.state.labelPurchases.filter(
					(p) =>
						(externalReferenceId === undefined ||
							p.external_reference_id === externalReferenceId) &&
						(account === undefined || p.account === account),
				).length;
			},
			/**
			 * Announces shipments straight in the store, as POST /shipments/announce would (no HTTP, no rate
			 * limits), so that list tests need not buy hundreds of labels through the node first.
			 */
			seedShipments(requests, account = 'key:pk_sandbox') {
				return requests.map(
					(request) => store.create(account, request, { announceNow: true }).shipment,
				);
			},
			/** Service points (v3/servicePoints.js) and pickups (v3/pickups.js). */
			servicePoints: servicePoints.helpers,
			pickups: pickups.helpers,
			/** Event Subscriptions: connections, subscriptions, deliveries, forged sends (see eventSubscriptions.js). */
			events: events.helpers,
			/** Requests with these announce with ANNOUNCEMENT_FAILED. */
			failing: {
				postalCode: FAILING_POSTAL_CODE,
				shippingOptionCode: UNREACHABLE_SHIPPING_OPTION_CODE,
			},
		},
	};
}

module.exports = { createV3Api, APPLIED_THEN_RESET };
