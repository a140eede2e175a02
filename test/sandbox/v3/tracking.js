'use strict';
// The sandbox's v3 Parcel Tracking API (GET /parcels/tracking/{tracking_number}, POST /parcels/tracking) and the
// Parcel Statuses list (GET /parcels/statuses). A tracking number of a shipment bought in the sandbox (shipments.js)
// or of a return (returns.js) answers with a timeline that follows its parcel's status as of the sandbox clock;
// parcels registered for tracking move along the same journey from their `announced_at`. See spec/NOTICE.md.
const { STATUSES, DAY_MS } = require('./shipments');

const ADDRESS_FIELDS = [
	'address_line_1',
	'address_line_2',
	'city',
	'company_name',
	'country_code',
	'email',
	'house_number',
	'name',
	'phone_number',
	'po_box',
	'postal_code',
	'state_province_code',
];
/** Where each status comes from and how it reads, per the spec's event_type and status_type. */
const EVENT_KINDS = {
	READY_TO_SEND: { event_type: 'internal', status_type: 'info' },
	EN_ROUTE_TO_SORTING_CENTER: { event_type: 'carrier', status_type: 'info' },
	DELIVERED: { event_type: 'carrier', status_type: 'success' },
	CANCELLATION_REQUESTED: { event_type: 'internal', status_type: 'warning' },
	CANCELLED: { event_type: 'internal', status_type: 'warning' },
};
/** The journey of an announced parcel; a cancellation leaves it at READY_TO_SEND. */
const JOURNEY = ['READY_TO_SEND', 'EN_ROUTE_TO_SORTING_CENTER', 'DELIVERED'];

const iso = (ms) => new Date(ms).toISOString();
const trackingAddress = (address = {}) =>
	Object.fromEntries(
		ADDRESS_FIELDS.filter((k) => address[k] !== undefined && address[k] !== null).map((k) => [
			k,
			String(address[k]),
		]),
	);

/**
 * The events of a parcel that reached `status` at `statusSince` after being announced at `announcedAt`: every
 * step of the journey up to its status, each at the time the sandbox's timings put it (never after the next).
 */
function timeline({ status, statusSince, announcedAt, cancelRequestedAt }, timings) {
	const events = [];
	const cancelled = status === 'CANCELLATION_REQUESTED' || status === 'CANCELLED';
	const reached = cancelled ? 0 : JOURNEY.indexOf(status);
	let at = announcedAt;
	for (let step = 0; step <= reached; step++) {
		if (step === 1) at += timings.enRouteAfterMs;
		if (step === 2) at += timings.deliveredAfterMs;
		const code = JOURNEY[step];
		events.push({
			code,
			at: step === reached && !cancelled ? statusSince : Math.min(at, statusSince),
		});
	}
	if (cancelled) {
		// A queued cancellation ends after the timings' wait, unless the caller knows when it was asked for.
		const requested =
			status === 'CANCELLED'
				? (cancelRequestedAt ?? Math.max(announcedAt, statusSince - timings.cancellationAfterMs))
				: statusSince;
		events.push({ code: 'CANCELLATION_REQUESTED', at: requested });
		if (status === 'CANCELLED') events.push({ code: 'CANCELLED', at: statusSince });
	}
	return events.map(({ code, at: eventAt }) => ({
		event_at: iso(eventAt),
		...EVENT_KINDS[code],
		status_code: code,
		status_description: STATUSES[code].message,
		sub_status_code: 'none',
	}));
}

/** Where an external parcel is `now`: the journey's step its announcement and the timings give. */
function externalStatus(announcedAt, now, timings) {
	const enRoute = announcedAt + timings.enRouteAfterMs;
	const delivered = enRoute + timings.deliveredAfterMs;
	if (now >= delivered) return { status: 'DELIVERED', statusSince: delivered, announcedAt };
	if (now >= enRoute)
		return { status: 'EN_ROUTE_TO_SORTING_CENTER', statusSince: enRoute, announcedAt };
	return { status: 'READY_TO_SEND', statusSince: announcedAt, announcedAt };
}

/**
 * The tracking handlers over the shipments store and the returns (`returnParcels(account)` → tracked parcels).
 * `json(status, body)` writes an answer.
 */
function createTrackingApi({ store, timings, clock, json, returnParcels }) {
	const state = { registered: [] };
	const reset = () => (state.registered = []);
	const notFound = () => json(404, { detail: 'Parcel does not exist' });

	function expected(announcedAt, status, statusSince) {
		const at =
			status === 'DELIVERED'
				? statusSince
				: announcedAt + timings.enRouteAfterMs + timings.deliveredAfterMs;
		return iso(at).slice(0, 10);
	}

	/** A parcel bought in the sandbox, as the tracking API shows it; undefined when it has no label. */
	function shipmentParcel(account, trackingNumber) {
		for (const shipment of store.shipmentsOf(account)) {
			const parcel = shipment.parcels.find((p) => p.tracking_number === trackingNumber);
			if (!parcel || !parcel.announced_at) continue;
			const announcedAt = Date.parse(parcel.announced_at);
			const progress = { status: parcel.status, statusSince: parcel.statusSince, announcedAt };
			return {
				announced_at: parcel.announced_at,
				created_at: parcel.created_at,
				updated_at: parcel.announced_at,
				details: {
					...(shipment.brand_id !== undefined ? { brand_id: shipment.brand_id } : {}),
					expected_delivery_date: expected(announcedAt, parcel.status, parcel.statusSince),
					is_mail_box: false,
					is_return: false,
					is_to_service_point: Boolean(shipment.to_service_point),
				},
				events: timeline(progress, timings),
				from_address: trackingAddress(shipment.from_address),
				source_id: String(shipment.external_reference_id ?? shipment.id),
				to_address: trackingAddress(shipment.to_address),
				tracking_numbers: [
					{
						carrier_code: shipment.carrier.code,
						tracking_number: parcel.tracking_number,
						tracking_url: parcel.tracking_url,
					},
				],
			};
		}
		return undefined;
	}

	function registeredView(parcel, now) {
		const announcedAt = Date.parse(parcel.request.announced_at);
		const progress = externalStatus(announcedAt, now, timings);
		const { request } = parcel;
		return {
			announced_at: iso(announcedAt),
			created_at: parcel.created_at,
			updated_at: parcel.created_at,
			details: {
				...request.details,
				expected_delivery_date: expected(announcedAt, progress.status, progress.statusSince),
				is_mail_box: false,
				is_return: request.details?.is_return ?? false,
				is_to_service_point: false,
			},
			events: timeline(progress, timings),
			from_address: request.from_address,
			ship_with: request.ship_with,
			source_id: request.source_id,
			to_address: request.to_address,
			tracking_numbers: [request.tracking_number],
		};
	}

	function getByTrackingNumber({ account, pathParams }) {
		const number = String(pathParams.tracking_number);
		const now = clock();
		const bought = shipmentParcel(account, number);
		if (bought) return json(200, bought);
		const ret = returnParcels(account).find((p) => p.tracking_number === number);
		if (ret) {
			const progress = {
				status: ret.status,
				statusSince: ret.statusSince,
				announcedAt: ret.announcedAt,
				cancelRequestedAt: ret.cancelRequestedAt,
			};
			return json(200, {
				announced_at: iso(ret.announcedAt),
				created_at: iso(ret.createdAt),
				updated_at: iso(ret.announcedAt),
				details: {
					expected_delivery_date: expected(ret.announcedAt, ret.status, ret.statusSince),
					is_mail_box: false,
					is_return: true,
					is_to_service_point: false,
				},
				events: timeline(progress, timings),
				from_address: trackingAddress(ret.from_address),
				source_id: String(ret.source_id),
				to_address: trackingAddress(ret.to_address),
				tracking_numbers: [
					{
						carrier_code: ret.carrier_code,
						tracking_number: number,
						tracking_url: ret.tracking_url,
					},
				],
			});
		}
		const registered = state.registered.find(
			(p) => p.account === account && p.request.tracking_number.tracking_number === number,
		);
		return registered ? json(200, registeredView(registered, now)) : notFound();
	}

	function register({ account, body }) {
		const carrier = body.tracking_number.carrier_code;
		const number = body.tracking_number.tracking_number;
		const same = state.registered.find(
			(p) =>
				p.account === account &&
				p.request.source_id === body.source_id &&
				p.request.tracking_number.carrier_code === carrier,
		);
		// The spec: "submitting the same source_id, carrier_code, and organization will return the existing parcel".
		if (same) return json(200, { ...createdView(same), created: false });
		const taken =
			shipmentParcel(account, number) ||
			state.registered.some(
				(p) =>
					p.account === account &&
					p.request.tracking_number.tracking_number === number &&
					p.request.tracking_number.carrier_code === carrier,
			);
		if (taken) return json(409, { detail: 'Parcel or tracking number already exists' });
		const parcel = { account, request: structuredClone(body), created_at: iso(clock()) };
		state.registered.push(parcel);
		return json(200, { ...createdView(parcel), created: true });
	}

	function createdView({ request, created_at }) {
		return {
			announced_at: iso(Date.parse(request.announced_at)),
			created_at,
			details: { is_return: false, ...request.details },
			from_address: request.from_address,
			...(request.parcel_items ? { parcel_items: request.parcel_items } : {}),
			ship_with: request.ship_with,
			source_id: request.source_id,
			to_address: request.to_address,
			tracking_numbers: [request.tracking_number],
		};
	}

	return {
		reset,
		handlers: {
			'sc-public-v3-shipping_intelligence_engine-get-get_parcel_by_tracking_number':
				getByTrackingNumber,
			'sc-public-v3-shipping_intelligence_engine-post-register_parcel_for_tracking': register,
		},
		helpers: {
			/** Parcels registered for tracking (the requests as received), optionally of one account. */
			registeredParcels: (account) =>
				state.registered
					.filter((p) => account === undefined || p.account === account)
					.map((p) => p.request),
		},
	};
}

module.exports = { createTrackingApi, timeline, DAY_MS };
