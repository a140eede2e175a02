'use strict';
// The sandbox's v3 shipments: kept per account (the identity `authenticate` returns), with numeric parcel ids,
// tracking numbers and URLs, and parcel statuses that move forward over time. Answers take the spec's shapes,
// modelled on its examples. Every successful announcement is recorded as a label bought.
const { uuidFrom, prng } = require('../seed');

const DAY_MS = 24 * 3600 * 1000;

/** The parcel statuses the sandbox uses: v3 code → the numeric id (`parcel_status` takes either) and message. */
const STATUSES = {
	ANNOUNCING: { id: 1001, message: 'Being announced' },
	READY_TO_SEND: { id: 1000, message: 'Ready to send' },
	ANNOUNCEMENT_FAILED: { id: 1002, message: 'Announcement Failed' },
	EN_ROUTE_TO_SORTING_CENTER: { id: 3, message: 'En route to sorting center' },
	DELIVERED: { id: 11, message: 'Delivered' },
	CANCELLATION_REQUESTED: { id: 1999, message: 'Cancellation requested' },
	CANCELLED: { id: 2000, message: 'Cancelled' },
};

/** Statuses with a label: the parcel was announced to the carrier. */
const ANNOUNCED = new Set([
	'READY_TO_SEND',
	'EN_ROUTE_TO_SORTING_CENTER',
	'DELIVERED',
	'CANCELLATION_REQUESTED',
	'CANCELLED',
]);

const CARRIERS = {
	postnl: 'PostNL',
	dhl: 'DHL',
	dhl_express: 'DHL Express',
	dpd: 'DPD',
	ups: 'UPS',
	sandbox: 'Sandbox Carrier',
};

/** What makes an announcement fail, as a carrier would refuse it. */
const FAILING_POSTAL_CODE = '9999 ZZ';
const UNREACHABLE_SHIPPING_OPTION_CODE = 'sandbox:unreachable';

const { SENDER_ADDRESSES, BRANDS } = require('./accountData');
/** The account's one shipping rule, as in the spec's examples, and its shipping defaults. */
const SHIPPING_RULE = {
	rule: { id: 315157, name: 'Ship with PostNL for NL' },
	appliesTo: (body) => body.to_address.country_code === 'NL',
	shippingOptionCode: 'postnl:standard',
};
const SHIPPING_DEFAULTS = {
	shippingOptionCode: 'postnl:standard',
	weight: { value: '1.000', unit: 'kg' },
};

const PARCEL_REQUEST_FIELDS = [
	'dimensions',
	'weight',
	'additional_insured_price',
	'label_notes',
	'sscc',
	'package_type',
	'parcel_items',
];
const SHIPMENT_REQUEST_FIELDS = [
	'brand_id',
	'reference',
	'external_reference_id',
	'order_number',
	'total_order_price',
];

const iso = (ms) => new Date(ms).toISOString();
const compact = (postalCode) =>
	String(postalCode ?? '')
		.replace(/\s+/g, '')
		.toUpperCase();
const pick = (object, keys) =>
	Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));

/** A v3 error object; `pointer` into the request body when the error is about a field. */
function apiError(status, code, detail, pointer) {
	return { status: String(status), code, detail, ...(pointer ? { source: { pointer } } : {}) };
}

function createShipmentStore({ clock, timings, servicePointOf = () => undefined, onStatusChange }) {
	const state = { shipments: [], labelPurchases: [], nextParcelId: 400000001, nextSeq: 1 };
	let random = prng(31);

	function reset() {
		Object.assign(state, {
			shipments: [],
			labelPurchases: [],
			nextParcelId: 400000001,
			nextSeq: 1,
		});
		random = prng(31);
	}

	function setStatus(parcel, code, at) {
		parcel.status = code;
		parcel.statusSince = at;
		parcel.updated_at = iso(at);
		onStatusChange?.(parcel); // Event Subscriptions deliver parcel events (eventSubscriptions.js)
	}

	function announce(shipment, at) {
		const failure = announcementFailure(shipment);
		for (const parcel of shipment.parcels) {
			if (parcel.status !== 'ANNOUNCING') continue;
			if (failure) {
				setStatus(parcel, 'ANNOUNCEMENT_FAILED', at);
				continue;
			}
			setStatus(parcel, 'READY_TO_SEND', at);
			parcel.announced_at = iso(at);
			parcel.tracking_url = trackingUrl(shipment, parcel, at);
			state.labelPurchases.push({
				account: shipment.account,
				external_reference_id: shipment.external_reference_id ?? null,
				shipment_id: shipment.id,
				parcel_id: parcel.id,
				at,
			});
		}
		if (failure) shipment.errors = [failure];
	}

	function announcementFailure(shipment) {
		if (compact(shipment.to_address.postal_code) === compact(FAILING_POSTAL_CODE)) {
			return apiError(
				400,
				'parcel_announcement_error',
				`Carrier error: postal code ${shipment.to_address.postal_code} does not exist.`,
				'/to_address/postal_code',
			);
		}
		if (shipment.ship_with.properties.shipping_option_code === UNREACHABLE_SHIPPING_OPTION_CODE) {
			// The spec's example DomesticSingleParcelShipmentAnnouncementFailed.
			return apiError(
				500,
				'parcel_announcement_error',
				'Service error: An error occurred while connecting to the carrier.',
			);
		}
		return undefined;
	}

	function trackingUrl(shipment, parcel, at) {
		const params = new URLSearchParams({
			carrier: shipment.carrier.code,
			code: parcel.tracking_number,
			destination: shipment.to_address.country_code,
			lang: 'en-us',
			source: shipment.from_address.country_code,
			type: 'parcel',
			verification: shipment.to_address.postal_code,
			servicepoint_verification: '',
			created_at: iso(at).slice(0, 10),
		});
		return `https://tracking.eu-central-1-0.sendcloud.sc/forward?${params}`;
	}

	/** Where each status leads, and after how long (timings in ms). */
	const LIFECYCLE = {
		ANNOUNCING: { afterMs: () => timings.announceAfterMs },
		READY_TO_SEND: { next: 'EN_ROUTE_TO_SORTING_CENTER', afterMs: () => timings.enRouteAfterMs },
		EN_ROUTE_TO_SORTING_CENTER: { next: 'DELIVERED', afterMs: () => timings.deliveredAfterMs },
		// A queued cancellation: the spec watches a ready-to-send parcel for 14 days, then cancels it.
		CANCELLATION_REQUESTED: { next: 'CANCELLED', afterMs: () => timings.cancellationAfterMs },
	};

	/** One step forward for a parcel, at time `at`. */
	function step(shipment, parcel, at) {
		const { next } = LIFECYCLE[parcel.status];
		if (next) setStatus(parcel, next, at);
		else announce(shipment, at); // ANNOUNCING: an asynchronous announcement completes
	}

	/** Applies the steps whose time has come, so every read sees the statuses of now. */
	function settle() {
		const now = clock();
		for (const shipment of state.shipments) {
			for (const parcel of shipment.parcels) {
				while (
					LIFECYCLE[parcel.status] &&
					now >= parcel.statusSince + LIFECYCLE[parcel.status].afterMs()
				) {
					step(shipment, parcel, parcel.statusSince + LIFECYCLE[parcel.status].afterMs());
				}
			}
		}
	}

	/** Test helper: moves the matching parcels one status forward now; returns [{id, status}] of those moved. */
	function advanceParcels({ account, shipmentId, parcelId } = {}) {
		settle();
		const moved = [];
		for (const shipment of state.shipments) {
			if ((account && shipment.account !== account) || (shipmentId && shipment.id !== shipmentId))
				continue;
			for (const parcel of shipment.parcels) {
				if ((parcelId && parcel.id !== parcelId) || !LIFECYCLE[parcel.status]) continue;
				step(shipment, parcel, clock());
				moved.push({ id: parcel.id, status: parcel.status });
			}
		}
		return moved;
	}

	function shipmentsOf(account) {
		settle();
		return state.shipments.filter((s) => s.account === account);
	}

	function find(account, id) {
		return shipmentsOf(account).find((s) => s.id === id);
	}

	function findParcel(account, parcelId) {
		for (const shipment of shipmentsOf(account)) {
			const parcel = shipment.parcels.find((p) => p.id === parcelId);
			if (parcel) return { shipment, parcel };
		}
		return undefined;
	}

	/** The shipping rule and defaults of the `…-with-shipping-rules` endpoints; returns the rules applied. */
	function applyRulesAndDefaults(body) {
		const applied = [];
		if (body.apply_shipping_rules !== false && SHIPPING_RULE.appliesTo(body)) {
			// Rules take precedence over the payload.
			body.ship_with = {
				type: 'shipping_option_code',
				properties: {
					...body.ship_with?.properties,
					shipping_option_code: SHIPPING_RULE.shippingOptionCode,
				},
			};
			applied.push({
				rule: SHIPPING_RULE.rule,
				result: { shipping_option_code: SHIPPING_RULE.shippingOptionCode },
			});
		}
		if (body.apply_shipping_defaults !== false) {
			body.ship_with ??= {
				type: 'shipping_option_code',
				properties: { shipping_option_code: SHIPPING_DEFAULTS.shippingOptionCode },
			};
			for (const parcel of body.parcels) parcel.weight ??= { ...SHIPPING_DEFAULTS.weight };
		}
		return applied;
	}

	/** Errors the API finds in a valid request (400), or an empty list. */
	function requestErrors(body) {
		const errors = [];
		const code = body.ship_with?.properties?.shipping_option_code;
		if (!code)
			errors.push(
				apiError(
					400,
					'required',
					'This field is required.',
					'/ship_with/properties/shipping_option_code',
				),
			);
		else if (!CARRIERS[code.split(':')[0]])
			errors.push(
				apiError(
					400,
					'invalid',
					`Shipping option "${code}" is not available.`,
					'/ship_with/properties/shipping_option_code',
				),
			);
		const senderId = body.from_address?.sender_address_id;
		if (senderId !== undefined && !SENDER_ADDRESSES[senderId])
			errors.push(
				apiError(
					400,
					'invalid',
					`Invalid pk "${senderId}" - object does not exist.`,
					'/from_address/sender_address_id',
				),
			);
		if (body.brand_id !== undefined && !BRANDS[body.brand_id])
			errors.push(
				apiError(
					400,
					'invalid',
					`Invalid pk "${body.brand_id}" - object does not exist.`,
					'/brand_id',
				),
			);
		// A Sendcloud service point ID must name a service point of the shipping option's carrier.
		const servicePointId = body.to_service_point?.id;
		const servicePoint = servicePointId === undefined ? undefined : servicePointOf(servicePointId);
		if (
			servicePointId !== undefined &&
			body.to_service_point.carrier_service_point_id === undefined
		) {
			if (!servicePoint)
				errors.push(
					apiError(
						400,
						'invalid',
						`Invalid pk "${servicePointId}" - object does not exist.`,
						'/to_service_point/id',
					),
				);
			else if (code && servicePoint.carrier !== code.split(':')[0])
				errors.push(
					apiError(
						400,
						'invalid',
						`Service point ${servicePointId} belongs to carrier "${servicePoint.carrier}", not to the shipping option's carrier.`,
						'/to_service_point/id',
					),
				);
		}
		body.parcels.forEach(
			(parcel, i) =>
				parcel.weight ||
				errors.push(apiError(400, 'required', 'This field is required.', `/parcels/${i}/weight`)),
		);
		return errors;
	}

	/**
	 * Creates a shipment for `account`. `announceNow`: the synchronous endpoints; `withRules`: the shipping-rules
	 * endpoints. Returns {shipment}, {existing} (a repeated external_reference_id) or {errors} (400).
	 */
	function create(account, request, { announceNow, withRules }) {
		const body = structuredClone(request);
		const reference = body.external_reference_id;
		if (reference !== undefined && reference !== null) {
			const existing = shipmentsOf(account).find((s) => s.external_reference_id === reference);
			if (existing) return { existing };
		}
		const appliedRules = withRules ? applyRulesAndDefaults(body) : undefined;
		const errors = requestErrors(body);
		if (errors.length) return { errors };
		const now = clock();
		const carrierCode = body.ship_with.properties.shipping_option_code.split(':')[0];
		const { sender_address_id: senderId, ...fromFields } = body.from_address ?? {};
		const shipment = {
			account,
			seq: state.nextSeq++,
			id: uuidFrom(random),
			...pick(body, SHIPMENT_REQUEST_FIELDS),
			label_details: { mime_type: 'application/pdf', dpi: 72, ...body.label_details },
			from_address: { ...SENDER_ADDRESSES[senderId], ...fromFields },
			to_address: body.to_address,
			to_service_point: withCarrierId(body.to_service_point),
			ship_with: body.ship_with,
			customs_information: body.customs_information ?? null,
			delivery_dates: body.delivery_dates,
			carrier: { code: carrierCode, name: CARRIERS[carrierCode] },
			applied_shipping_rules: appliedRules,
			errors: [],
			created_at: iso(now),
			parcels: body.parcels.map((parcel) => {
				const id = state.nextParcelId++;
				return {
					id,
					status: 'ANNOUNCING',
					statusSince: now,
					created_at: iso(now),
					updated_at: iso(now),
					announced_at: null,
					// PostNL's format, as in the spec's examples; the carrier assigns it with the parcel.
					tracking_number: `3SYZXG${String(id).slice(-7)}`,
					tracking_url: null,
					...pick(parcel, PARCEL_REQUEST_FIELDS),
				};
			}),
		};
		state.shipments.push(shipment);
		if (announceNow) announce(shipment, now);
		return { shipment };
	}

	/** Cancels per the spec: 200 cancelled, 202 queued, 409 rejected; returns {status, body}. */
	function cancel(shipment) {
		const now = clock();
		const live = shipment.parcels.filter(
			(p) => p.status !== 'CANCELLED' && p.status !== 'CANCELLATION_REQUESTED',
		);
		const rejected = (detail) => ({
			status: 409,
			body: { errors: [apiError(409, 'invalid', detail)] },
		});
		if (!live.length) return rejected('This shipment is already being cancelled.');
		if (live.some((p) => p.status === 'DELIVERED'))
			return rejected('This shipment has been delivered and can no longer be cancelled.');
		const announcedAt = Math.min(
			...live.filter((p) => p.announced_at).map((p) => Date.parse(p.announced_at)),
		);
		if (now - announcedAt > 42 * DAY_MS)
			return rejected(
				'This shipment was announced more than 42 days ago and can no longer be cancelled.',
			);
		// Without a label the carrier knows nothing yet: cancelled at once. With one, the carrier is asked.
		if (live.every((p) => !ANNOUNCED.has(p.status))) {
			for (const parcel of live) setStatus(parcel, 'CANCELLED', now);
			return {
				status: 200,
				body: { data: { status: 'cancelled', message: 'Shipment has been cancelled' } },
			};
		}
		for (const parcel of live)
			setStatus(parcel, ANNOUNCED.has(parcel.status) ? 'CANCELLATION_REQUESTED' : 'CANCELLED', now);
		return {
			status: 202,
			body: { data: { status: 'queued', message: 'Shipment cancellation has been queued' } },
		};
	}

	function returnPortalUrl(shipment) {
		const portal = BRANDS[shipment.brand_id]?.returnPortalUrl;
		return portal ? `${portal}${shipment.id}` : undefined;
	}

	/** The parcels' documents: a label once announced, a customs declaration when the shipment has customs. */
	function documentTypes(shipment, parcel) {
		if (!ANNOUNCED.has(parcel.status)) return [];
		return shipment.customs_information ? ['label', 'customs-declaration'] : ['label'];
	}

	/**
	 * A shipment in the spec's response shape. `base`: the absolute /api/v3 URL for document links.
	 * `labelFile(shipment, parcel)`: the synchronous answers' base64 label (null when not one announced parcel).
	 */
	function view(shipment, base, { labelFile } = {}) {
		const parcels = shipment.parcels.map((parcel) => ({
			id: parcel.id,
			status: { code: parcel.status, message: STATUSES[parcel.status].message },
			documents: documentTypes(shipment, parcel).map((type) => ({
				type: type === 'label' ? 'label' : 'cn23',
				document_type: type,
				size: type === 'label' ? 'a6' : 'a4',
				link: `${base}/parcels/${parcel.id}/documents/${type}`,
			})),
			...pick(parcel, PARCEL_REQUEST_FIELDS),
			tracking_url: parcel.tracking_url,
			tracking_number: parcel.tracking_number,
			additional_carrier_data: { awb_tracking_number: null, box_number: null },
			created_at: parcel.created_at,
			updated_at: parcel.updated_at,
			announced_at: parcel.announced_at,
			...(labelFile
				? {
						label_file:
							shipment.parcels.length === 1 && parcel.status === 'READY_TO_SEND'
								? labelFile(shipment, parcel)
								: null,
					}
				: {}),
		}));
		return {
			id: shipment.id,
			...(labelFile ? { label_details: shipment.label_details } : {}),
			...pick(shipment, SHIPMENT_REQUEST_FIELDS),
			parcels,
			from_address: shipment.from_address,
			to_address: shipment.to_address,
			...(shipment.to_service_point
				? { to_service_point: servicePointView(shipment.to_service_point) }
				: {}),
			ship_with: shipment.ship_with,
			customs_information: shipment.customs_information,
			...(shipment.delivery_dates ? { 'delivery-dates': shipment.delivery_dates } : {}),
			carrier: shipment.carrier,
			...(shipment.applied_shipping_rules
				? { applied_shipping_rules: shipment.applied_shipping_rules }
				: {}),
			errors: shipment.errors,
		};
	}

	/** A service point named by its Sendcloud ID gets the carrier's ID too, as the API stores it. */
	function withCarrierId(point) {
		const found =
			point?.id !== undefined && !point.carrier_service_point_id && servicePointOf(point.id);
		return found ? { ...point, carrier_service_point_id: found.carrier_service_point_id } : point;
	}

	function servicePointView({ id, carrier_service_point_id }) {
		return {
			id: id ?? carrier_service_point_id,
			carrier_service_point_id: carrier_service_point_id ?? id,
		};
	}

	return {
		state,
		reset,
		create,
		find,
		findParcel,
		shipmentsOf,
		cancel,
		returnPortalUrl,
		documentTypes,
		view,
		advanceParcels,
		settle,
	};
}

module.exports = {
	createShipmentStore,
	STATUSES,
	CARRIERS,
	FAILING_POSTAL_CODE,
	UNREACHABLE_SHIPPING_OPTION_CODE,
	apiError,
	DAY_MS,
};
