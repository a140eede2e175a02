'use strict';
// Sendcloud's side of the v2 webhooks: POSTs events to an integration's `webhook_url` as Sendcloud does (Python's
// `json.dumps` bytes, `Sendcloud-Signature` = hex HMAC-SHA256 of those bytes), and lets tests forge, alter, replay
// and reorder them. Every payload it builds is validated against the vendored webhooks spec; spec/NOTICE.md lists
// the decisions taken where the spec is silent or contradicts itself.
const fs = require('fs');
const path = require('path');
const http = require('http');
const https = require('https');
const crypto = require('crypto');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const { makeOrder, prng } = require('./seed');

// seed.js's integrations belong to this API key's account, so they sign with its secret by default.
const OWNER_PUBLIC_KEY = 'pk_sandbox';
// What a forger signs with when a test asks for `signature: 'wrong-key'`.
const FORGED_KEY = 'sk_forged';
// Not hex and not 64 characters long: a receiver comparing with crypto.timingSafeEqual must check lengths first.
const GARBAGE_SIGNATURE = 'not-a-signature';

const SCHEMA_OF_ACTION = {
	parcel_status_changed: 'ParcelStatusChangedWebhook',
	return_created: 'ReturnCreatedWebhook',
	integration_connected: 'IntegrationConnectedWebhook',
	integration_updated: 'IntegrationUpdatedWebhook',
	integration_deleted: 'IntegrationDeletedWebhook',
};
const INTEGRATION_ACTIONS = ['integration_connected', 'integration_updated', 'integration_deleted'];

// Sendcloud v2 parcel statuses (GET /api/v2/parcels/statuses) the sandbox names by id.
const STATUS_MESSAGES = {
	3: 'En route to sorting center',
	4: 'Delivery delayed',
	5: 'Sorted',
	6: 'Not sorted',
	7: 'Being sorted',
	8: 'Delivery attempt failed',
	11: 'Delivered',
	12: 'Awaiting customer pickup',
	22: 'Shipment picked up by driver',
	80: 'Unable to deliver',
	91: 'Parcel en route',
	92: 'Driver en route',
	93: 'Shipment collected by customer',
	1000: 'Ready to send',
	1001: 'Being announced',
	1002: 'Announcement failed',
	1999: 'Cancellation requested',
	2000: 'Cancelled',
};
// A PostNL parcel's usual journey, which moveParcel walks: the label is created, the driver collects it, the sorting
// center receives and sorts it, the delivery driver sets out, the recipient gets it.
const USUAL_SEQUENCE = [1000, 22, 3, 5, 92, 11];

const COUNTRIES = {
	NL: ['NLD', 'Netherlands'],
	DE: ['DEU', 'Germany'],
	FR: ['FRA', 'France'],
	IT: ['ITA', 'Italy'],
	BE: ['BEL', 'Belgium'],
	ES: ['ESP', 'Spain'],
};

const spec = YAML.parse(
	fs.readFileSync(path.join(__dirname, 'spec', 'sendcloud-v2-webhooks.openapi.yml'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'sendcloud-v2-webhooks', components: spec.components });
const validators = Object.fromEntries(
	Object.entries(SCHEMA_OF_ACTION).map(([action, schema]) => [
		action,
		ajv.compile({ $ref: `sendcloud-v2-webhooks#/components/schemas/${schema}` }),
	]),
);

/**
 * JSON exactly as Python's `json.dumps(value)` writes it: `", "` and `": "` separators, and (ensure_ascii) every
 * character outside printable ASCII as a lowercase `\uXXXX` escape, so "Müller" travels as "M\u00fcller".
 */
function pythonJson(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
	if (typeof value === 'object') {
		const members = Object.entries(value).filter(([, v]) => v !== undefined);
		return `{${members.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
	}
	if (typeof value === 'string') {
		return JSON.stringify(value).replace(
			/[^\x20-\x7e]/g,
			(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
		);
	}
	return JSON.stringify(value);
}

/** Lowercase hex HMAC-SHA256 of the body's bytes: the `Sendcloud-Signature` header. */
function signatureOf(body, key) {
	return crypto.createHmac('sha256', key).update(body, 'utf8').digest('hex');
}

/** One digit changed (9 becomes 8, any other digit goes up by one), so the JSON stays valid and only the bytes lie. */
function flipByte(body) {
	const at = body.search(/\d(?!.*\d)/s);
	if (at === -1)
		return (
			body.slice(0, body.length >> 1) +
			String.fromCharCode(body.charCodeAt(body.length >> 1) ^ 1) +
			body.slice((body.length >> 1) + 1)
		);
	const digit = body[at] === '9' ? '8' : String(Number(body[at]) + 1);
	return body.slice(0, at) + digit + body.slice(at + 1);
}

const TAMPERS = {
	none: (body) => body,
	'flip-byte': flipByte,
	truncate: (body) => body.slice(0, body.length >> 1),
	'empty-body': () => '',
};

/** Sendcloud's webhook deliveries only ever reach this machine, whatever URL an integration holds (see NOTICE.md). */
function isLoopback(url) {
	const host = new URL(url).hostname;
	return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** POSTs the body; resolves with the receiver's status and answer, or the network error's code. */
function post(url, headers, body, timeoutMs) {
	return new Promise((resolve) => {
		const client = url.startsWith('https:') ? https : http;
		const request = client.request(
			url,
			{ method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
			(response) => {
				const chunks = [];
				response.on('data', (c) => chunks.push(c));
				response.on('end', () =>
					resolve({
						status: response.statusCode,
						error: null,
						response: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', (error) =>
					resolve({
						status: response.statusCode,
						error: error.code ?? error.message,
						response: null,
					}),
				);
			},
		);
		request.setTimeout(timeoutMs, () =>
			request.destroy(Object.assign(new Error('webhook timed out'), { code: 'ETIMEDOUT' })),
		);
		request.on('error', (error) =>
			resolve({ status: null, error: error.code ?? error.message, response: null }),
		);
		request.end(body);
	});
}

/**
 * The sender for one sandbox: `state` is the sandbox's (integrations and their orders), `violations` its list of
 * spec violations, `clock` its clock in ms. Options read: `apiKeys`, `webhookSigningKeys` ({integrationId: key}),
 * `webhookTimeoutMs`.
 */
function createWebhookSender({ options, state, violations, clock, seededAt }) {
	// A shop without orders (integration 103) gets a made-up one dated when the seed ends, the same every run.
	const deliveries = [];
	// Parcels by id, each `{integrationId, parcel, timestamp}`: the parcel as last reported and that report's time.
	const parcels = new Map();
	let nextDeliveryId = 1;
	let nextReturnId = 5001;

	function integrationOf(integrationId) {
		const integration = state.integrations.find((i) => i.id === integrationId);
		if (!integration) throw new Error(`The sandbox has no integration ${integrationId}`);
		return integration;
	}

	function signingKeyOf(integrationId) {
		const key = options.webhookSigningKeys[integrationId] ?? options.apiKeys[OWNER_PUBLIC_KEY];
		if (!key)
			throw new Error(
				`No signing key for integration ${integrationId}: set webhookSigningKeys or keep apiKeys.${OWNER_PUBLIC_KEY}`,
			);
		return key;
	}

	/** The order a parcel ships: one of the integration's seeded orders, or a made-up one for a shop without orders. */
	function orderFor(integrationId, parcelId) {
		const orders = state.shipments.get(integrationId) ?? [];
		if (orders.length) return orders[parcelId % orders.length];
		return makeOrder(prng(parcelId), { integrationId, index: parcelId, createdAt: seededAt });
	}

	/** A parcel as Sendcloud reports it, derived from its id alone so that it is the same after every reset. */
	function buildParcel(integrationId, id) {
		const random = prng(id);
		const order = orderFor(integrationId, id);
		const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
		const trackingNumber = `3SSCSB${digits(9)}`;
		const [iso3, countryName] = COUNTRIES[order.country] ?? [order.country, order.country];
		const labelHash = crypto.createHash('sha1').update(String(id)).digest('hex');
		return {
			id,
			name: order.name,
			company_name: order.company_name,
			address: `${order.address} ${order.house_number}`,
			address_divided: {
				street: order.address,
				house_number: Number.parseInt(order.house_number, 10) || undefined,
			},
			city: order.city,
			postal_code: order.postal_code,
			telephone: order.telephone,
			email: order.email,
			date_created: order.created_at.slice(0, 19),
			tracking_number: trackingNumber,
			tracking_url: `https://tracking.sendcloud.sc/forward?carrier=postnl&code=${trackingNumber}&destination=${order.country}&lang=en-us&source=NL&type=parcel&verification=${order.postal_code.replace(/\s/g, '')}`,
			weight: order.weight,
			label: {
				normal_printer: [0, 1, 2, 3].map(
					(n) =>
						`https://panel.sendcloud.sc/api/v2/labels/normal_printer/${id}?start_from=${n}&hash=${labelHash}`,
				),
				label_printer: `https://panel.sendcloud.sc/api/v2/labels/label_printer/${id}?hash=${labelHash}`,
			},
			customs_declaration: {},
			status: null,
			data: {},
			country: { iso_3: iso3, iso_2: order.country, name: countryName },
			shipment: { id: 8, name: 'PostNL Standard 0-23kg' },
			order_number: order.order_number,
			shipment_uuid: order.shipment_uuid,
			external_order_id: order.external_order_id,
			// The spec types it string; the sandbox's v2 API also uses '' for an order without a shipment split.
			external_shipment_id: order.external_shipment_id ?? '',
			carrier: { code: 'postnl' },
		};
	}

	/** The parcel's record, created on first use; parcels without a given id get `integrationId * 1000 + n`. */
	function parcelRecord(integrationId, parcelId) {
		let id = parcelId;
		if (id === undefined) {
			id = integrationId * 1000 + 1;
			while (parcels.has(id)) id++;
		}
		const existing = parcels.get(id);
		if (existing) {
			if (existing.integrationId !== integrationId)
				throw new Error(`Parcel ${id} belongs to integration ${existing.integrationId}`);
			return existing;
		}
		const record = { integrationId, parcel: buildParcel(integrationId, id), timestamp: undefined };
		parcels.set(id, record);
		return record;
	}

	/** Later than anything reported for this parcel so far, even when the clock stands still. */
	function nextTimestamp(record) {
		return record.timestamp === undefined ? clock() : Math.max(clock(), record.timestamp + 1);
	}

	function notSent(record, reason) {
		Object.assign(record, { sent: false, error: reason });
		return record;
	}

	async function deliver(record) {
		deliveries.push(record);
		if (!record.url) return notSent(record, 'WEBHOOK_INACTIVE');
		if (!isLoopback(record.url)) return notSent(record, 'FOREIGN_HOST');
		Object.assign(
			record,
			{ sent: true },
			await post(record.url, record.headers, record.body, options.webhookTimeoutMs),
		);
		return record;
	}

	/**
	 * Sends one payload for an integration. `signature`: 'valid' (the integration's key), 'wrong-key', 'missing' or
	 * 'garbage'; `tamper` alters the body after signing: 'none', 'flip-byte', 'truncate' or 'empty-body'; `url`
	 * sends to that URL whatever the integration's webhook settings (a forger does not ask). `allowOffSpec` skips the
	 * spec check for a payload that is not what Sendcloud sends on purpose.
	 */
	async function send(
		integrationId,
		payload,
		{ signature = 'valid', tamper = 'none', url, allowOffSpec = false } = {},
	) {
		const integration = integrationOf(integrationId);
		if (!TAMPERS[tamper]) throw new Error(`Unknown tamper '${tamper}'`);
		if (!allowOffSpec) {
			const validate = validators[payload.action];
			const problems = !validate
				? [`action ${payload.action} is not a webhook of the spec`]
				: validate(payload)
					? []
					: validate.errors.map((e) => `payload${e.instancePath} ${e.message}`);
			if (problems.length)
				violations.push({
					method: 'POST',
					path: `webhook ${payload.action}`,
					violations: problems,
				});
		}
		const signed = pythonJson(payload);
		const headers = { 'Content-Type': 'application/json' };
		if (signature === 'valid')
			headers['Sendcloud-Signature'] = signatureOf(signed, signingKeyOf(integrationId));
		else if (signature === 'wrong-key')
			headers['Sendcloud-Signature'] = signatureOf(signed, FORGED_KEY);
		else if (signature === 'garbage') headers['Sendcloud-Signature'] = GARBAGE_SIGNATURE;
		else if (signature !== 'missing') throw new Error(`Unknown signature option '${signature}'`);
		const target =
			url ??
			(integration.webhook_active && integration.webhook_url ? integration.webhook_url : null);
		return deliver({
			id: nextDeliveryId++,
			integrationId,
			url: target,
			action: payload.action,
			timestamp: payload.timestamp,
			signed: signature,
			tamper,
			headers,
			body: TAMPERS[tamper](signed),
			sent: false,
			status: null,
			error: null,
			response: null,
		});
	}

	/**
	 * Reports a parcel's new status. Without `timestamp`, the report is later than the parcel's previous one; with an
	 * older `timestamp`, it is a late arrival and the parcel keeps its newer status. `parcel` overrides fields of the
	 * parcel (its `id` picks the parcel) and they stay.
	 */
	async function parcelStatusChanged(
		integrationId,
		{ statusId, statusMessage, parcel: overrides = {}, timestamp, ...sendOptions } = {},
	) {
		const message = statusMessage ?? STATUS_MESSAGES[statusId];
		if (message === undefined)
			throw new Error(`Status ${statusId} has no known message: pass statusMessage`);
		const record = parcelRecord(integrationId, overrides.id);
		const at = timestamp ?? nextTimestamp(record);
		Object.assign(record.parcel, overrides);
		const parcel = { ...record.parcel, status: { id: statusId, message } };
		if (record.timestamp === undefined || at >= record.timestamp)
			Object.assign(record, { parcel, timestamp: at });
		// The carrier scanned it a little before Sendcloud processed the scan.
		const payload = {
			action: 'parcel_status_changed',
			timestamp: at,
			carrier_status_change_timestamp: at - 30_000,
			parcel,
		};
		return send(integrationId, payload, sendOptions);
	}

	/** Moves a parcel one step along USUAL_SEQUENCE (a new parcel starts at Ready to send) and reports it. */
	async function moveParcel(integrationId, parcelId, sendOptions = {}) {
		const { parcel } = parcelRecord(integrationId, parcelId);
		const index = parcel.status ? USUAL_SEQUENCE.indexOf(parcel.status.id) : -1;
		if (parcel.status && (index === -1 || index === USUAL_SEQUENCE.length - 1)) {
			throw new Error(
				`Parcel ${parcel.id} is at ${parcel.status.id} ${parcel.status.message}: no next status on the usual sequence`,
			);
		}
		return parcelStatusChanged(integrationId, {
			statusId: USUAL_SEQUENCE[index + 1],
			parcel: { id: parcel.id },
			...sendOptions,
		});
	}

	/** integration_connected, integration_updated or integration_deleted, carrying the integration as it is now. */
	async function integrationEvent(integrationId, action, { timestamp, ...sendOptions } = {}) {
		if (!INTEGRATION_ACTIONS.includes(action))
			throw new Error(`'${action}' is not an integration event`);
		// The schema allows null nowhere except the three dates: a missing URL is left out rather than sent as null.
		const integration = Object.fromEntries(
			Object.entries(integrationOf(integrationId)).filter(
				([key, value]) =>
					value !== null || ['failing_since', 'last_fetch', 'last_updated_at'].includes(key),
			),
		);
		return send(
			integrationId,
			{ action, timestamp: timestamp ?? clock(), integration },
			sendOptions,
		);
	}

	/** A return of the order a parcel ships (`parcelId`, else the integration's first order), `data` overriding fields. */
	async function returnCreated(
		integrationId,
		{ parcelId, data = {}, timestamp, ...sendOptions } = {},
	) {
		const order = orderFor(integrationId, parcelId ?? 0);
		const [item = {}] = order.parcel_items ?? [];
		const returned = {
			id: nextReturnId++,
			brand_id: 42,
			order_number: order.order_number,
			return_reason_id: 1,
			paid_return: false,
			delivery_choice: 'drop_off_point',
			refund_type: 'money',
			items: [
				{
					item_id: '1',
					description: item.description,
					quantity: 1,
					sku: item.sku,
					hs_code: item.hs_code,
					return_reason_id: 1,
				},
			],
			...data,
		};
		return send(
			integrationId,
			{ action: 'return_created', timestamp: timestamp ?? clock(), data: returned },
			sendOptions,
		);
	}

	/** The exact bytes and headers of an earlier delivery, to the same URL again: a retry or a replay attack. */
	async function replay(delivery) {
		if (!delivery.sent)
			throw new Error(`Delivery ${delivery.id} was never sent (${delivery.error})`);
		const { id, sent, status, error, response, ...copy } = delivery;
		return deliver({
			...copy,
			id: nextDeliveryId++,
			replayOf: id,
			sent: false,
			status: null,
			error: null,
			response: null,
		});
	}

	return {
		deliveries,
		send,
		parcelStatusChanged,
		moveParcel,
		integrationEvent,
		returnCreated,
		replay,
		/** The parcels reported for an integration so far, as last reported. */
		parcels: (integrationId) =>
			[...parcels.values()].filter((r) => r.integrationId === integrationId).map((r) => r.parcel),
		reset() {
			deliveries.length = 0;
			parcels.clear();
			nextDeliveryId = 1;
			nextReturnId = 5001;
		},
	};
}

module.exports = {
	createWebhookSender,
	pythonJson,
	signatureOf,
	USUAL_SEQUENCE,
	STATUS_MESSAGES,
	post,
	isLoopback,
};
