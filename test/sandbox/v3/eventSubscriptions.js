'use strict';
// Sendcloud's v3 Event Subscriptions (a beta) in the sandbox: connections and subscriptions per account (the
// identity `authenticate` returns), and the delivery of `ParcelEventCreated` to webhook connections with the
// connection's authentication and extra headers, when a v3 parcel changes status and on a broadcast test. Tests can
// send forged deliveries and replays. Every payload is validated against the vendored spec; spec/NOTICE.md lists the
// decisions taken where the spec is silent.
const { validateParcelEventPayload } = require('../specValidator');
const { post, isLoopback } = require('../webhooks');
const { STATUSES } = require('./shipments');

const {
	EVENT_TYPE,
	EVENTS_OF_STATUS,
	TEST_EVENT,
	iso,
	configurationErrors,
	deliveryHeaders,
	parcelEvent,
} = require('./eventPayloads');

const json = (status, body) => ({ status, body });
/** An answer without a body (204): no content type either. */
const noContent = () => ({ status: 204, file: Buffer.alloc(0) });
const error = (status, code, detail, pointer) =>
	json(status, {
		errors: [{ status: String(status), code, detail, ...(pointer ? { source: { pointer } } : {}) }],
	});
const notFound = () => error(404, 'not_found', 'No such object.');

/** `clock()` → ms, `violations` the sandbox's list, `timeoutMs` per delivery. */
function createEventSubscriptions({ clock, violations, timeoutMs = 10_000 }) {
	const state = { connections: [], subscriptions: [], nextConnectionId: 1, nextSubscriptionId: 1 };
	const deliveries = [];
	const pending = new Set();
	let nextDeliveryId = 1;

	function reset() {
		Object.assign(state, {
			connections: [],
			subscriptions: [],
			nextConnectionId: 1,
			nextSubscriptionId: 1,
		});
		deliveries.length = 0;
		nextDeliveryId = 1;
	}

	const connectionView = ({ id, type, configuration, created_at, updated_at }) => {
		// The secret is write-only, as in every example: auth_config is never returned.
		const { auth_config: _secret, ...shown } = configuration;
		return { id, type, configuration: shown, created_at, updated_at };
	};
	const subscriptionView = ({ account: _account, ...subscription }) => subscription;
	const connectionOf = (account, id) =>
		state.connections.find((c) => c.account === account && c.id === id);
	const subscriptionOf = (account, id) =>
		state.subscriptions.find((s) => s.account === account && s.id === id);

	function checkedConfiguration(type, configuration) {
		if (type === 'klaviyo') return [];
		return configurationErrors(configuration);
	}

	function createConnection({ account, body }) {
		const problems = checkedConfiguration(body.type, body.configuration);
		if (problems.length) return error(400, ...problems[0]);
		const now = iso(clock());
		const connection = {
			account,
			id: state.nextConnectionId++,
			type: body.type,
			configuration: body.type === 'webhook' ? { auth_type: 'none', ...body.configuration } : {},
			created_at: now,
			updated_at: now,
		};
		state.connections.push(connection);
		return json(201, { data: connectionView(connection) });
	}

	function patchConnection({ account, pathParams, body }) {
		const connection = connectionOf(account, pathParams.id);
		if (!connection) return notFound();
		const type = body.type ?? connection.type;
		const configuration = { ...connection.configuration, ...(body.configuration ?? {}) };
		const problems = checkedConfiguration(type, configuration);
		if (problems.length) return error(400, ...problems[0]);
		Object.assign(connection, { type, configuration, updated_at: iso(clock()) });
		return json(200, { data: connectionView(connection) });
	}

	function deleteConnection({ account, pathParams }) {
		if (!connectionOf(account, pathParams.id)) return notFound();
		// "Any subscriptions associated with this connection will also be deleted."
		state.subscriptions = state.subscriptions.filter((s) => s.connection_id !== pathParams.id);
		state.connections = state.connections.filter((c) => c.id !== pathParams.id);
		return noContent();
	}

	function createSubscription({ account, body }) {
		if (!connectionOf(account, body.connection_id))
			return error(400, 'invalid', 'Invalid pk - object does not exist.', '/data/connection_id');
		const now = iso(clock());
		const subscription = {
			account,
			id: state.nextSubscriptionId++,
			connection_id: body.connection_id,
			event_type: body.event_type,
			is_active: body.is_active ?? true,
			created_at: now,
			updated_at: now,
		};
		state.subscriptions.push(subscription);
		return json(201, { data: subscriptionView(subscription) });
	}

	function patchSubscription({ account, pathParams, body }) {
		const subscription = subscriptionOf(account, pathParams.id);
		if (!subscription) return notFound();
		if (body.connection_id !== undefined && !connectionOf(account, body.connection_id))
			return error(400, 'invalid', 'Invalid pk - object does not exist.', '/data/connection_id');
		Object.assign(subscription, body, { updated_at: iso(clock()) });
		return json(200, { data: subscriptionView(subscription) });
	}

	/** POSTs one payload to a connection; records and returns the delivery. */
	function deliver(connection, payload, extra = {}) {
		const { headers: override, tamper, kind = 'event', subscriptionId = null } = extra;
		const body = tamper ? tamper(JSON.stringify(payload)) : JSON.stringify(payload);
		const record = {
			id: nextDeliveryId++,
			kind,
			connectionId: connection?.id ?? null,
			subscriptionId,
			url: extra.url ?? connection?.configuration.url,
			headers: override ?? deliveryHeaders(connection.configuration),
			body,
			sent: false,
			status: null,
			error: null,
			response: null,
		};
		deliveries.push(record);
		if (!isLoopback(record.url)) {
			record.error = 'FOREIGN_HOST';
			return Promise.resolve(record);
		}
		const sending = post(record.url, record.headers, body, timeoutMs).then((result) =>
			Object.assign(record, { sent: true }, result),
		);
		pending.add(sending);
		sending.finally(() => pending.delete(sending));
		return sending;
	}

	function checkPayload(payload) {
		const problems = validateParcelEventPayload(payload);
		if (problems.length)
			violations.push({ method: 'POST', path: 'event ParcelEventCreated', violations: problems });
	}

	async function broadcast({ account, pathParams }) {
		const subscription = subscriptionOf(account, pathParams.subscription_id);
		if (!subscription) return notFound();
		const connection = connectionOf(account, subscription.connection_id);
		if (connection.type !== 'webhook')
			return json(200, { data: { success: true, status_code: 200, response_body: 'OK' } });
		checkPayload(TEST_EVENT);
		const record = await deliver(connection, TEST_EVENT, {
			kind: 'test',
			subscriptionId: subscription.id,
		});
		const status = record.status ?? 0;
		return json(200, {
			data: {
				success: status >= 200 && status < 300,
				status_code: status,
				response_body: record.response ?? record.error ?? '',
			},
		});
	}

	/**
	 * The shipments store's hook: a parcel changed status. Its shipment is looked up once the store's synchronous
	 * work is done (a new shipment is complete by then); every active parcel-event subscription of the account gets it.
	 */
	function parcelMoved(store, parcel) {
		const status = parcel.status;
		const statusSince = parcel.statusSince;
		queueMicrotask(() => {
			const shipment = store.state.shipments.find((s) => s.parcels.includes(parcel));
			if (!shipment || !EVENTS_OF_STATUS[status]) return;
			const payload = parcelEvent(shipment, {
				...parcel,
				status,
				statusSince,
				statusMessage: STATUSES[status]?.message,
			});
			checkPayload(payload);
			for (const subscription of state.subscriptions) {
				if (subscription.account !== shipment.account || !subscription.is_active) continue;
				if (subscription.event_type !== EVENT_TYPE) continue;
				const connection = connectionOf(shipment.account, subscription.connection_id);
				if (connection?.type === 'webhook')
					void deliver(connection, payload, { subscriptionId: subscription.id });
			}
		});
	}

	const list = (items, view) => json(200, { data: items.map(view) });
	const handlers = {
		'sc-public-v3-scp-post-create_connection': createConnection,
		'sc-public-v3-scp-get-list_connections': ({ account, query }) =>
			list(
				state.connections.filter(
					(c) =>
						c.account === account && (!query.connection_type || c.type === query.connection_type),
				),
				connectionView,
			),
		'sc-public-v3-scp-get-connection': ({ account, pathParams }) => {
			const connection = connectionOf(account, pathParams.id);
			return connection ? json(200, { data: connectionView(connection) }) : notFound();
		},
		'sc-public-v3-scp-patch-connection': patchConnection,
		'sc-public-v3-scp-delete-connection': deleteConnection,
		'sc-public-v3-scp-post-start_authorization': ({ account, pathParams }) => {
			const connection = connectionOf(account, pathParams.id);
			if (!connection) return notFound();
			if (connection.type !== 'klaviyo')
				return error(400, 'invalid', 'Only Klaviyo connections are authorized with OAuth2.');
			return json(200, {
				data: {
					authorization_url: `https://www.klaviyo.com/oauth/authorize?state=${connection.id}`,
				},
			});
		},
		'sc-public-v3-scp-post-create_subscription': createSubscription,
		'sc-public-v3-scp-get-list_subscriptions': ({ account, query }) =>
			list(
				state.subscriptions.filter(
					(s) =>
						s.account === account &&
						(query.event_type === undefined || s.event_type === query.event_type) &&
						(query.is_active === undefined || s.is_active === query.is_active),
				),
				subscriptionView,
			),
		'sc-public-v3-scp-get-subscription': ({ account, pathParams }) => {
			const subscription = subscriptionOf(account, pathParams.id);
			return subscription ? json(200, { data: subscriptionView(subscription) }) : notFound();
		},
		'sc-public-v3-scp-patch-subscription': patchSubscription,
		'sc-public-v3-scp-delete-subscription': ({ account, pathParams }) => {
			if (!subscriptionOf(account, pathParams.id)) return notFound();
			state.subscriptions = state.subscriptions.filter((s) => s.id !== pathParams.id);
			return noContent();
		},
		'sc-public-v3-scp-post-test_broadcast': broadcast,
	};

	const helpers = {
		state,
		deliveries,
		/** The account's connections as stored (auth_config included); API-key account by default. */
		connections: (account = 'key:pk_sandbox') =>
			state.connections.filter((c) => c.account === account),
		subscriptions: (account = 'key:pk_sandbox') =>
			state.subscriptions.filter((s) => s.account === account),
		/** Resolves once every delivery under way has its answer. */
		async settled() {
			await new Promise((resolve) => setImmediate(resolve));
			while (pending.size) await Promise.all([...pending]);
		},
		/** A valid ParcelEventCreated payload; `event`/`parcel` override fields. */
		samplePayload({ parcel = {}, event = {} } = {}) {
			return {
				event_type: EVENT_TYPE,
				data: {
					parcel: { ...TEST_EVENT.data.parcel, ...parcel },
					event: { ...TEST_EVENT.data.event, ...event },
				},
			};
		},
		/**
		 * Sends `payload` to a connection (its id): `auth` 'valid' (the connection's own), 'wrong-token', 'missing' or
		 * 'basic' (a Basic header with the token as password); `tamper(body) → body` alters the bytes; `url` overrides.
		 */
		send(connectionId, payload, { auth = 'valid', tamper, url } = {}) {
			const connection = state.connections.find((c) => c.id === connectionId);
			if (!connection) throw new Error(`The sandbox has no connection ${connectionId}`);
			checkPayload(payload);
			const headers = deliveryHeaders(connection.configuration);
			if (auth === 'wrong-token')
				headers.Authorization = 'Bearer forged-token-forged-token-forged-token';
			else if (auth === 'missing') delete headers.Authorization;
			else if (auth === 'basic')
				headers.Authorization = `Basic ${Buffer.from(`n8n:${connection.configuration.auth_config?.token}`).toString('base64')}`;
			else if (auth !== 'valid') throw new Error(`Unknown auth option '${auth}'`);
			return deliver(connection, payload, { kind: 'forged', headers, tamper, url });
		},
		/** The same bytes and headers again, to the same URL: a retry or a replay. */
		replay(delivery) {
			return deliver(null, undefined, {
				kind: 'replay',
				headers: delivery.headers,
				url: delivery.url,
				tamper: () => delivery.body,
			});
		},
	};

	return { handlers, helpers, reset, parcelMoved };
}

module.exports = { createEventSubscriptions };
