'use strict';
// The sandbox's v3 Returns API: returns created (asynchronously or synchronously) with an incoming parcel whose
// label is a real document (served by the Parcel documents endpoints through `findParcel`), statuses that move on
// with the sandbox clock, cancel rules, validation, and `external_reference` unique per account. See spec/NOTICE.md.
const { CARRIERS, FAILING_POSTAL_CODE, DAY_MS } = require('./shipments');

/** A return parcel's statuses: the `parent_parcel_status` slug → the v3 parcel status code and message. */
const STATUSES = {
	announcing: { code: 'ANNOUNCING', message: 'Being announced' },
	announced: { code: 'READY_TO_SEND', message: 'Announced' },
	'announcement-failed': { code: 'ANNOUNCEMENT_FAILED', message: 'Announcement failed' },
	'to-sorting': { code: 'EN_ROUTE_TO_SORTING_CENTER', message: 'En route to sorting center' },
	delivered: { code: 'DELIVERED', message: 'Delivered' },
	cancelling: { code: 'CANCELLATION_REQUESTED', message: 'Cancellation requested' },
	cancelled: { code: 'CANCELLED', message: 'Cancelled' },
};
/** How long the carrier takes to confirm a return label's cancellation. */
const CANCELLATION_MS = 3600 * 1000;
const EU = new Set(
	'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
const DUPLICATE = 'External reference has already been used in another return.';

const iso = (ms) => new Date(ms).toISOString();
const compact = (text) =>
	String(text ?? '')
		.replace(/\s+/g, '')
		.toUpperCase();
/** `2022-04-06 00:00:00` (the spec's form, read as UTC) or any ISO date-time. */
const parseListDate = (text) =>
	Date.parse(/T/.test(text) ? text : `${String(text).replace(' ', 'T')}Z`);

function createReturnsApi({ clock, timings, json, pageOf }) {
	const state = { returns: [], nextId: 700001, nextParcelId: 800000001 };
	const reset = () =>
		Object.assign(state, { returns: [], nextId: 700001, nextParcelId: 800000001 });
	const stamp = (status, body, headers = {}) =>
		json(status, body, { Date: new Date(clock()).toUTCString(), ...headers });
	const errorsBody = (field, code, message) => ({ errors: [{ field, code, message }] });

	const LIFECYCLE = {
		announcing: { next: 'announced', afterMs: () => timings.announceAfterMs },
		announced: { next: 'to-sorting', afterMs: () => timings.enRouteAfterMs },
		'to-sorting': { next: 'delivered', afterMs: () => timings.deliveredAfterMs },
		cancelling: { next: 'cancelled', afterMs: () => CANCELLATION_MS },
	};

	function setStatus(ret, status, at) {
		ret.status = status;
		ret.statusSince = at;
		ret.history.push({ status, at });
		if (status === 'announced') {
			ret.announcedAt = at;
			ret.tracking_number = `3SRTRN${String(ret.parcelId).slice(-7)}`;
			ret.tracking_url = `https://tracking.eu-central-1-0.sendcloud.sc/forward?${new URLSearchParams(
				{
					carrier: ret.carrier.code,
					code: ret.tracking_number,
					destination: ret.body.to_address.country_code,
					source: ret.body.from_address.country_code,
					type: 'parcel',
					verification: ret.body.to_address.postal_code,
					created_at: iso(at).slice(0, 10),
				},
			)}`;
		}
		if (status === 'cancelling') ret.cancelRequestedAt = at;
	}

	/** Announces or moves returns whose time has come, so every read sees the statuses of now. */
	function settle() {
		const now = clock();
		for (const ret of state.returns) {
			while (LIFECYCLE[ret.status] && now >= ret.statusSince + LIFECYCLE[ret.status].afterMs()) {
				const at = ret.statusSince + LIFECYCLE[ret.status].afterMs();
				if (ret.status === 'announcing' && failure(ret.body)) {
					setStatus(ret, 'announcement-failed', at);
					ret.errors = [
						{ status: '400', code: 'parcel_announcement_error', detail: failure(ret.body) },
					];
				} else setStatus(ret, LIFECYCLE[ret.status].next, at);
			}
		}
	}

	const returnsOf = (account) => {
		settle();
		return state.returns.filter((r) => r.account === account);
	};

	/** What the carrier refuses: the customer's postal code 9999 ZZ, as the shipments' carriers do. */
	function failure(body) {
		return compact(body.from_address.postal_code) === compact(FAILING_POSTAL_CODE)
			? `Carrier error: postal code ${body.from_address.postal_code} does not exist.`
			: undefined;
	}

	/** Errors the API finds in a valid request: [field, code, message] or undefined. */
	function requestError(body) {
		const code = body.ship_with.shipping_option_code ?? body.ship_with.shipping_product_code;
		if (!code) return ['ship_with', 'required', 'A shipping option code is required.'];
		if (!CARRIERS[code.split(':')[0]])
			return [
				'ship_with.shipping_option_code',
				'invalid',
				`Shipping option "${code}" is not available.`,
			];
		if (!EU.has(body.from_address.country_code) && !(body.parcel_items ?? []).length)
			return [
				'parcel_items',
				'required',
				'Parcel items are required for a return from outside the EU.',
			];
		return undefined;
	}

	function create({ account, body }, synchronously) {
		const request = synchronously ? 'api/v3/returns/announce-synchronously' : 'api/v3/returns';
		const refuse = (field, code, message) =>
			synchronously
				? stamp(400, { error: { code, request, message } })
				: stamp(400, errorsBody(field, code, message));
		const reference = body.external_reference;
		if (
			reference !== undefined &&
			returnsOf(account).some((r) => r.body.external_reference === reference)
		)
			return refuse('external_reference', 'invalid', DUPLICATE);
		const problem = requestError(body);
		if (problem) return refuse(...problem);
		// Waiting for the carrier: its refusal is the answer, and no return is kept.
		if (synchronously && failure(body))
			return stamp(400, {
				error: { code: 'parcel_announcement_error', request, message: failure(body) },
			});
		const now = clock();
		const carrierCode = (
			body.ship_with.shipping_option_code ?? body.ship_with.shipping_product_code
		).split(':')[0];
		const ret = {
			account,
			id: state.nextId++,
			parcelId: state.nextParcelId++,
			body: structuredClone(body),
			carrier: { code: carrierCode, name: CARRIERS[carrierCode] },
			createdAt: now,
			history: [],
			errors: [],
			tracking_number: null,
			tracking_url: null,
		};
		setStatus(ret, 'announcing', now);
		if (synchronously) setStatus(ret, 'announced', now);
		state.returns.push(ret);
		return stamp(201, { return_id: ret.id, parcel_id: ret.parcelId, multi_collo_ids: [] });
	}

	/** A return in the spec's Return shape, plus its `id` (the prose says the list gives it). */
	function view(ret, base) {
		const { body } = ret;
		const labelled = ret.announcedAt !== undefined;
		const link = `${base}/parcels/${ret.parcelId}/documents/label`;
		const delivered = ret.status === 'delivered' ? ret.statusSince : null;
		return {
			id: ret.id,
			from_address: body.from_address,
			to_address: body.to_address,
			shipping_product: {
				code: body.ship_with.shipping_product_code ?? body.ship_with.shipping_option_code,
			},
			shipping_option: { code: body.ship_with.shipping_option_code ?? null },
			...(body.dimensions ? { dimensions: body.dimensions } : {}),
			weight: body.weight,
			collo_count: body.collo_count ?? 1,
			parcel_items: body.parcel_items ?? [],
			send_tracking_emails: body.send_tracking_emails ?? false,
			...(body.brand_id ? { brand_id: body.brand_id } : {}),
			label_url: labelled ? link : null,
			...(labelled
				? { label: { normal_printer: Array(4).fill(`${link}?paper_size=a4`), label_printer: link } }
				: {}),
			label_cost: { value: 6.15, currency: 'EUR' },
			insurance: false,
			tracking_number: ret.tracking_number,
			tracking_url: ret.tracking_url,
			is_cancellable: ret.status === 'announced',
			status_history: ret.history.map((h, i) => ({
				carrier_update_timestamp: iso(h.at),
				parcel_status_history_id: String(i + 1),
				parent_status: STATUSES[h.status].message,
				carrier_code: ret.carrier.code,
				carrier_message: STATUSES[h.status].message,
			})),
			created_at: iso(ret.createdAt),
			delivered_at: delivered,
			delivered_at_iso: delivered === null ? null : iso(delivered),
			order_number: body.order_number ?? '',
			...(body.ship_with.contract ? { contract: body.ship_with.contract } : {}),
			delivery_option: body.delivery_option ?? null,
			status: 'open',
			errors: ret.errors,
		};
	}

	const notFound = () => stamp(404, errorsBody('id', 'not_found', 'Not found.'));
	const withReturn = ({ account, pathParams }, answer) => {
		const ret = returnsOf(account).find((r) => r.id === pathParams.id);
		return ret ? answer(ret) : notFound();
	};

	function list({ req, account, query, base }) {
		const [from, to] = [parseListDate(query.from_date), parseListDate(query.to_date)];
		for (const [name, value] of [
			['from_date', from],
			['to_date', to],
		])
			if (Number.isNaN(value))
				return stamp(400, errorsBody(name, 'invalid', 'Enter a valid date/time.'));
		const status = query.parent_parcel_status;
		const found = returnsOf(account).filter(
			(r) =>
				r.createdAt >= from && r.createdAt <= to && (status === undefined || r.status === status),
		);
		let page;
		try {
			page = pageOf(found, query, query.page_size ?? 40, req, (r) => iso(r.createdAt));
		} catch {
			return stamp(404, errorsBody('cursor', 'invalid', 'Invalid cursor'));
		}
		return stamp(200, {
			...(page.next ? { next: page.next } : {}),
			...(page.previous ? { previous: page.previous } : {}),
			data: page.results.map((r) => view(r, base)),
		});
	}

	/** Cancel per the spec: 202 while the return is cancellable, else 409 with the reason. */
	function cancel(ret) {
		const refuse = (why) =>
			stamp(409, {
				errors: [{ field: 'returns', code: 409, message: `Return is not cancellable: ${why}` }],
			});
		if (ret.status === 'cancelled') return refuse('it is already cancelled.');
		if (ret.status === 'cancelling') return refuse('its cancellation was already requested.');
		if (ret.status === 'to-sorting' || ret.status === 'delivered')
			return refuse('the carrier already has the parcel.');
		if (ret.status !== 'announced') return refuse('it has no label to cancel.');
		setStatus(ret, 'cancelling', clock());
		return stamp(202, { message: 'Cancellation requested successfully' });
	}

	function validate({ body }) {
		const problem =
			requestError(body) ??
			(failure(body) && ['from_address.postal_code', 'invalid', failure(body)]);
		if (problem) return stamp(400, errorsBody(...problem));
		const kg =
			body.weight.value *
			({ kg: 1, g: 0.001, lbs: 0.453592, oz: 0.0283495 }[body.weight.unit] ?? 1);
		const { unit: _unit, ...dimensions } = body.dimensions ?? {};
		return stamp(200, {
			from_address: body.from_address,
			to_address: body.to_address,
			ship_with: body.ship_with,
			...(body.dimensions ? { dimensions } : {}),
			weight: Math.round(kg * 1000) / 1000,
			collo_count: body.collo_count ?? 1,
			parcel_items: body.parcel_items ?? [],
			send_tracking_emails: body.send_tracking_emails ?? false,
			...(body.order_number ? { order_number: body.order_number } : {}),
			...(body.external_reference ? { external_reference: body.external_reference } : {}),
		});
	}

	/** A return's parcel as the documents endpoints print it; undefined when it is not one. */
	function findParcel(account, parcelId) {
		const ret = returnsOf(account).find((r) => r.parcelId === parcelId);
		if (!ret) return undefined;
		return {
			shipment: {
				carrier: ret.carrier,
				to_address: ret.body.to_address,
				customs_information: null,
			},
			parcel: {
				id: ret.parcelId,
				status: STATUSES[ret.status].code,
				tracking_number: ret.tracking_number,
			},
		};
	}

	/** The returns' labelled parcels, for the tracking API. */
	function trackedParcels(account) {
		return returnsOf(account)
			.filter((r) => r.announcedAt !== undefined)
			.map((r) => ({
				tracking_number: r.tracking_number,
				tracking_url: r.tracking_url,
				carrier_code: r.carrier.code,
				status: STATUSES[r.status].code,
				statusSince: r.statusSince,
				announcedAt: r.announcedAt,
				cancelRequestedAt: r.cancelRequestedAt,
				createdAt: r.createdAt,
				from_address: r.body.from_address,
				to_address: r.body.to_address,
				source_id: r.body.external_reference ?? r.id,
			}));
	}

	return {
		reset,
		findParcel,
		trackedParcels,
		handlers: {
			'sc-public-v3-scp-post-returns_create_new_return': (c) => create(c, false),
			'sc-public-v3-scp-post-returns_create_new_return_synchronously': (c) => create(c, true),
			'sc-public-v3-scp-get-returns_get_returns': list,
			'sc-public-v3-scp-get-returns_get_details': (c) =>
				withReturn(c, (r) => stamp(200, view(r, c.base))),
			'sc-public-v3-scp-patch-returns_cancel': (c) => withReturn(c, cancel),
			'sc-public-v3-scp-post-returns_validate': validate,
		},
		helpers: {
			/** Creates returns straight in the store, as the synchronous endpoint would (no HTTP); returns their IDs. */
			seedReturns: (bodies, account = 'key:pk_sandbox') =>
				bodies.map((body) => create({ account, body }, true).body.return_id),
			/** The account's returns (internal records, statuses as of now); API-key account by default. */
			returns: (account = 'key:pk_sandbox') => returnsOf(account),
			/** Return labels bought (returns announced), optionally for one external_reference. */
			returnLabelsBought({ externalReference } = {}) {
				settle();
				return state.returns.filter(
					(r) =>
						r.announcedAt !== undefined &&
						(externalReference === undefined || r.body.external_reference === externalReference),
				).length;
			},
		},
	};
}

module.exports = { createReturnsApi, RETURN_STATUSES: STATUSES, DAY_MS };
