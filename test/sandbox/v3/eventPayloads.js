'use strict';
// What the sandbox's Event Subscriptions send: the ParcelEventCreated payloads (a status of the shipments store as a
// parcel event, and the broadcast test's sample), the headers a connection's authentication adds, and the checks of a
// webhook connection's configuration. spec/NOTICE.md lists the decisions where the spec is silent.
const EVENT_TYPE = 'parcels.event.created';
const AUTH_FIELDS = {
	none: [],
	bearer: ['token'],
	basic: ['username', 'password'],
	api_key: ['header_name', 'api_key'],
};
const WEBHOOK_FIELDS = ['url', 'auth_type', 'auth_config', 'extra_headers'];

/** What a status of the sandbox's shipments store reports as a parcel event (phase, exception, …). */
const EVENTS_OF_STATUS = {
	ANNOUNCING: {
		event_type: 'internal',
		phase: 'announcing',
		exception: 'none',
		status_type: 'success',
	},
	READY_TO_SEND: {
		event_type: 'internal',
		phase: 'ready_to_send',
		exception: 'none',
		status_type: 'success',
	},
	ANNOUNCEMENT_FAILED: {
		event_type: 'internal',
		phase: 'announcing',
		exception: 'announcement_failed',
		status_type: 'error',
	},
	EN_ROUTE_TO_SORTING_CENTER: {
		event_type: 'carrier',
		phase: 'in_transit',
		exception: 'none',
		status_type: 'success',
	},
	DELIVERED: {
		event_type: 'carrier',
		phase: 'delivered',
		exception: 'none',
		status_type: 'success',
		end_of_tracking: true,
		is_offered: true,
	},
	CANCELLATION_REQUESTED: {
		event_type: 'internal',
		phase: 'ready_to_send',
		exception: 'cancelling',
		status_type: 'warning',
	},
	CANCELLED: {
		event_type: 'internal',
		phase: 'cancelled',
		exception: 'cancelled',
		status_type: 'warning',
		end_of_tracking: true,
	},
};

/** The spec's `InTransit` example: what a broadcast test sends. */
const TEST_EVENT = {
	event_type: EVENT_TYPE,
	data: {
		parcel: {
			parcel_id: 12345678,
			tracking_number: '3SYZXG132912330',
			carrier_code: 'dpd',
			announced_at: '2026-01-15T10:00:00Z',
		},
		event: {
			event_type: 'carrier',
			timestamp: '2026-01-15T10:30:00Z',
			phase: 'in_transit',
			exception: 'none',
			status_type: 'success',
			sub_status: 'none',
			description: 'Parcel is on its way',
			end_of_tracking: false,
			is_offered: false,
			is_carrier_responsible: null,
			is_returned: false,
			location_details: {
				city: 'Eindhoven',
				country: 'NL',
				house_number: null,
				postal_code: null,
				street: null,
				service_point_id: null,
				depot: null,
			},
			extra_data: null,
		},
	},
};

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The errors of a webhook connection's configuration (the spec's prose: url, auth types and their fields). */
function configurationErrors(configuration) {
	const problems = [];
	const at = (field) => `/data/configuration/${field}`;
	for (const field of Object.keys(configuration))
		if (!WEBHOOK_FIELDS.includes(field))
			problems.push(['unknown_field', `Unknown field ${field}.`, at(field)]);
	let url;
	try {
		url = new URL(configuration.url);
	} catch {
		url = undefined;
	}
	if (configuration.url === undefined)
		problems.push(['required', 'This field is required.', at('url')]);
	else if (!url || !['http:', 'https:'].includes(url.protocol))
		problems.push(['invalid', 'Enter a valid URL.', at('url')]);
	const type = configuration.auth_type ?? 'none';
	if (!AUTH_FIELDS[type])
		problems.push(['invalid_choice', `"${type}" is not a valid choice.`, at('auth_type')]);
	else {
		const config = configuration.auth_config ?? {};
		if (typeof config !== 'object' || Array.isArray(config))
			problems.push(['invalid', 'Expected an object.', at('auth_config')]);
		else
			for (const field of AUTH_FIELDS[type])
				if (typeof config[field] !== 'string' || config[field] === '')
					problems.push(['required', 'This field is required.', at(`auth_config/${field}`)]);
	}
	const headers = configuration.extra_headers ?? {};
	if (
		typeof headers !== 'object' ||
		Array.isArray(headers) ||
		Object.values(headers).some((v) => typeof v !== 'string')
	)
		problems.push(['invalid', 'Expected an object of strings.', at('extra_headers')]);
	return problems;
}

/** The request headers a delivery carries: JSON, the connection's extra headers, and its authentication. */
function deliveryHeaders(configuration) {
	const headers = { 'Content-Type': 'application/json', ...(configuration.extra_headers ?? {}) };
	const config = configuration.auth_config ?? {};
	switch (configuration.auth_type) {
		case 'bearer':
			headers.Authorization = `Bearer ${config.token}`;
			break;
		case 'basic':
			headers.Authorization = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
			break;
		case 'api_key':
			headers[config.header_name] = config.api_key;
			break;
		default:
	}
	return headers;
}

/** A parcel event as Sendcloud reports a status of the shipments store. */
function parcelEvent(shipment, parcel) {
	const {
		end_of_tracking = false,
		is_offered = false,
		...fields
	} = EVENTS_OF_STATUS[parcel.status];
	return {
		event_type: EVENT_TYPE,
		data: {
			parcel: {
				parcel_id: parcel.id,
				tracking_number: parcel.tracking_number ?? null,
				carrier_code: shipment.carrier.code,
				announced_at: parcel.announced_at ? iso(Date.parse(parcel.announced_at)) : null,
			},
			event: {
				...fields,
				timestamp: iso(parcel.statusSince),
				sub_status: 'none',
				description: parcel.statusMessage ?? null,
				end_of_tracking,
				is_offered,
				is_carrier_responsible: null,
				is_returned: false,
				location_details: null,
				extra_data: null,
			},
		},
	};
}

module.exports = {
	EVENT_TYPE,
	EVENTS_OF_STATUS,
	TEST_EVENT,
	iso,
	configurationErrors,
	deliveryHeaders,
	parcelEvent,
};
