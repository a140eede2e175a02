'use strict';
// The sandbox's v3 Service Points API: search around a reference point (coordinates, a free-text address or a
// structured one, geocoded against a small gazetteer), by bounding box or by the carrier's IDs; one service point;
// its availability. Distances are great-circle distances from the coordinates, in whole meters. See
// spec/NOTICE.md for what the sandbox decides where the spec is silent.
const { CARRIERS, WEEKDAYS, SERVICE_POINTS, PLACES, COUNTRY_NAMES } = require('./servicePointData');

const DAY_MS = 24 * 3600 * 1000;
const MAX_BOX_DIAGONAL_M = 50_000;
/** The carriers enabled in the authenticating integration's settings (seeded integration 101's). */
const DEFAULT_INTEGRATION_CARRIERS = ['postnl', 'dhl'];

/** Great-circle distance in meters (haversine, mean Earth radius). */
function distanceM(a, b) {
	const rad = (d) => (d * Math.PI) / 180;
	const dLat = rad(b.latitude - a.latitude);
	const dLon = rad(b.longitude - a.longitude);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
	return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

const squash = (text) =>
	String(text ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Geocodes a free-text or structured address in one country: `matched` when every part given was found,
 * `partially_matched` when only some were, `not_found` when none was. The location is the most precise part's.
 */
function geocode(country, { address, street, houseNumber, postalCode, city }) {
	const places = PLACES.filter((p) => p.country === country);
	const found = (kind, text) =>
		text !== undefined
			? places.find((p) => p.kind === kind && squash(p.name) === squash(text))
			: undefined;
	let parts;
	let unmatched = 0;
	if (address !== undefined) {
		const text = squash(address);
		const inText = (kind) =>
			places
				.filter((p) => p.kind === kind && text.includes(squash(p.name)))
				.sort((a, b) => b.name.length - a.name.length)[0];
		parts = { street: inText('street'), postal: inText('postal_code'), city: inText('city') };
		if (!parts.street && !parts.postal && !parts.city) unmatched = 1;
	} else {
		parts = {
			street: found('street', street),
			postal:
				found('postal_code', postalCode) ??
				// A Dutch postal code without its letters still names the area.
				(postalCode && country === 'NL'
					? places.find(
							(p) => p.kind === 'postal_code' && squash(p.name).startsWith(squash(postalCode)),
						)
					: undefined),
			city: found('city', city),
		};
		unmatched = [
			[street, parts.street],
			[postalCode, parts.postal],
			[city, parts.city],
		].filter(([given, match]) => given !== undefined && !match).length;
	}
	const best = parts.street ?? parts.postal ?? parts.city;
	if (!best) return { result: { status: 'not_found', precision: null, formatted_address: null } };
	const number = address !== undefined ? /\b(\d+[a-z]?)\b/i.exec(address)?.[1] : houseNumber;
	const precision = parts.street
		? number
			? 'house_number'
			: 'street'
		: parts.postal
			? 'postal_code'
			: 'city';
	const streetText = parts.street ? `${parts.street.name}${number ? ` ${number}` : ''}, ` : '';
	const place = [parts.postal?.name, parts.city?.name ?? best.city].filter(Boolean).join(' ');
	return {
		point: { latitude: best.latitude, longitude: best.longitude },
		result: {
			status: unmatched ? 'partially_matched' : 'matched',
			precision,
			formatted_address: `${streetText}${place}, ${COUNTRY_NAMES[country] ?? country}`,
		},
	};
}

/** The next opening after `now` (UTC) within a week, as ISO 8601; null when it never opens. */
function nextOpenAt(openingTimes, now) {
	for (let day = 0; day <= 7; day++) {
		const date = new Date(now + day * DAY_MS);
		const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7];
		for (const { start_time: start } of openingTimes[weekday] ?? []) {
			const [h, m] = start.split(':').map(Number);
			const at = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), h, m);
			if (at > now) return new Date(at).toISOString().replace(/\.\d{3}Z$/, '+00:00');
		}
	}
	return null;
}

function createServicePointApi({ json, clock, options = {} }) {
	const integrationCarriers = options.integrationCarriers ?? DEFAULT_INTEGRATION_CARRIERS;

	/** A service point as the API returns it; `distance` only in lists. */
	function view(point, distance) {
		const now = clock();
		const tomorrow = WEEKDAYS[(new Date(now + DAY_MS).getUTCDay() + 6) % 7];
		const { unavailable: _unavailable, carrier, ...rest } = point;
		return {
			...rest,
			carrier: {
				code: carrier,
				name: CARRIERS[carrier],
				logo_url: `https://cdn.sendcloud.com/global-media/${carrier}/img/logo.svg`,
				icon_url: `https://cdn.sendcloud.com/global-media/${carrier}/img/icon.svg`,
			},
			is_open_tomorrow: point.opening_times[tomorrow] !== null,
			next_open_at: nextOpenAt(point.opening_times, now),
			...(distance === undefined ? {} : { distance }),
		};
	}

	const invalid = (parameter, detail) =>
		json(400, {
			errors: [{ status: '400', code: 'validation_error', detail, source: { parameter } }],
		});

	function list({ query }) {
		const country = query.country_code.toUpperCase();
		if (!/^[A-Z]{2}$/.test(country) || !COUNTRY_NAMES[country])
			return json(400, {
				errors: [
					{
						status: '400',
						code: 'invalid_choice',
						detail: `"${query.country_code}" is not a valid country code`,
						source: { parameter: 'country_code' },
					},
				],
			});
		const useIntegration = query.use_integration_carriers === true;
		if ((query.carrier_code !== undefined) === useIntegration)
			return invalid(
				'carrier_code',
				'Exactly one of carrier_code and use_integration_carriers must be provided',
			);
		const carriers = useIntegration ? integrationCarriers : query.carrier_code;
		if (useIntegration && carriers.length === 0)
			return json(400, {
				errors: [
					{
						status: '400',
						code: 'validation_error',
						detail: 'Service points are not enabled for the authenticated integration.',
					},
				],
			});
		const unknown = carriers.filter((c) => !CARRIERS[c]);
		if (unknown.length)
			return json(400, {
				errors: [
					{
						status: '400',
						code: 'validation_error',
						detail: `Service points are not supported for the requested carriers: ${unknown.join(', ')}.`,
					},
				],
			});
		const structured = [
			'address_street',
			'address_house_number',
			'address_postal_code',
			'address_city',
		];
		const ways = [
			query.address !== undefined,
			structured.some((p) => query[p] !== undefined),
			query.latitude !== undefined || query.longitude !== undefined,
		].filter(Boolean).length;
		if (ways > 1)
			return invalid(
				'address',
				'address, the structured address_* parameters and latitude/longitude are mutually exclusive',
			);
		if ((query.latitude === undefined) !== (query.longitude === undefined))
			return invalid('latitude', 'latitude and longitude must be provided together');
		if (
			query.address_house_number !== undefined &&
			query.address_street === undefined &&
			query.address_postal_code === undefined
		)
			return invalid(
				'address_house_number',
				'address_house_number must be combined with address_street or address_postal_code',
			);
		const box = ['ne_latitude', 'ne_longitude', 'sw_latitude', 'sw_longitude'];
		const boxGiven = box.filter((p) => query[p] !== undefined).length;
		if (boxGiven && boxGiven < 4)
			return invalid(
				'ne_latitude',
				'ne_latitude, ne_longitude, sw_latitude, and sw_longitude must all be provided together',
			);
		if (boxGiven && query.radius !== undefined)
			return invalid('radius', 'radius and the bounding box parameters are mutually exclusive');
		let reference;
		let geocoding = null;
		if (query.latitude !== undefined) {
			reference = { latitude: query.latitude, longitude: query.longitude };
		} else if (ways === 1) {
			const coded = geocode(country, {
				address: query.address,
				street: query.address_street,
				houseNumber: query.address_house_number,
				postalCode: query.address_postal_code,
				city: query.address_city,
			});
			geocoding = coded.result;
			if (!coded.point) return json(200, { data: { results: [], geocoding } });
			reference = coded.point;
		}
		if (boxGiven) {
			const diagonal = distanceM(
				{ latitude: query.ne_latitude, longitude: query.ne_longitude },
				{ latitude: query.sw_latitude, longitude: query.sw_longitude },
			);
			if (diagonal > MAX_BOX_DIAGONAL_M)
				return invalid('ne_latitude', 'The bounding box diagonal must not exceed 50 km');
		}
		const ids = query.carrier_service_point_id;
		const areaSearch = reference !== undefined || boxGiven > 0;
		let found = SERVICE_POINTS.filter(
			(p) =>
				p.address.country_code === country &&
				carriers.includes(p.carrier) &&
				// Expired records only when asked for by the carrier's IDs.
				(!p.is_expired || (!areaSearch && ids !== undefined)) &&
				(ids === undefined || ids.includes(p.carrier_service_point_id)) &&
				(query.carrier_shop_type === undefined ||
					p.carrier_shop_type === query.carrier_shop_type) &&
				(query.general_shop_type === undefined ||
					query.general_shop_type.includes(p.general_shop_type)) &&
				(!boxGiven ||
					(p.position.latitude <= query.ne_latitude &&
						p.position.latitude >= query.sw_latitude &&
						p.position.longitude <= query.ne_longitude &&
						p.position.longitude >= query.sw_longitude)),
		).map((p) => ({ point: p, distance: reference ? distanceM(reference, p.position) : null }));
		if (reference) {
			if (query.radius !== undefined) found = found.filter((f) => f.distance <= query.radius);
			found.sort((a, b) => a.distance - b.distance || a.point.id - b.point.id);
		}
		const results = found.slice(0, query.limit ?? 100).map((f) => view(f.point, f.distance));
		return json(200, { data: { results, geocoding } });
	}

	const find = (id) => SERVICE_POINTS.find((p) => p.id === Number(id));
	const missing = () =>
		json(404, {
			errors: [
				{ status: '404', code: 'not_found', detail: 'The service point could not be found' },
			],
		});

	return {
		handlers: {
			'sc-public-v3-servicepoints-get-list_service_points': list,
			'sc-public-v3-servicepoints-get-service_point': ({ pathParams }) => {
				const point = find(pathParams.service_point_id);
				return point ? json(200, { data: view(point) }) : missing();
			},
			'sc-public-v3-servicepoints-post-check_availability': ({ pathParams }) => {
				const point = find(pathParams.service_point_id);
				if (!point) return missing();
				return json(200, { data: { is_available: !point.unavailable && !point.is_expired } });
			},
		},
		reset() {},
		helpers: {
			/** The seeded service points (internal records). */
			all: () => SERVICE_POINTS.map((p) => ({ ...p })),
			distanceM,
			/** Whether a service point with this Sendcloud ID exists (what a shipment's to_service_point names). */
			find,
		},
	};
}

module.exports = { createServicePointApi, distanceM };
