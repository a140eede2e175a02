/**
 * The sandbox's v3 Event Subscriptions over plain HTTP: connections, subscriptions, broadcast tests and parcel-event
 * deliveries, as node tests rely on them. Every answer is checked against the spec (as amended in
 * test/sandbox/spec/NOTICE.md), every delivery's payload against its ParcelEventCreated schema.
 */
import * as http from 'http';

import { testSandbox } from '../helpers/sandbox';
import { apiShipment } from '../helpers/shipments';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

const sandbox = testSandbox();
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let answerStatus = 200;
const receiver = http.createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
		res.writeHead(answerStatus).end(answerStatus === 200 ? 'OK' : 'Nope');
	});
});
let receiverUrl = '';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const events = () => (sandbox.v3 as any).events;

beforeAll(async () => {
	await sandbox.listen();
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
});
beforeEach(() => {
	sandbox.reset();
	received.length = 0;
	answerStatus = 200;
});
afterEach(() => expect(sandbox.violations).toEqual([]));
afterAll(async () => {
	receiver.closeAllConnections();
	await new Promise((resolve) => receiver.close(resolve));
	await sandbox.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: any }> {
	const response = await fetch(`${sandbox.sendcloudV3BaseUrl}/event-subscriptions${path}`, {
		method,
		headers: {
			Authorization: API_KEY,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const contentType = response.headers.get('content-type') ?? '';
	const text = await response.text();
	const parsed = text ? JSON.parse(text) : undefined;
	const pathname = `/event-subscriptions${path.split('?')[0]}`;
	expect(
		validateV3Response({ method, pathname, status: response.status, contentType, body: parsed }),
	).toEqual([]);
	return { status: response.status, body: parsed };
}

const webhook = (configuration: Record<string, unknown>) => ({ type: 'webhook', configuration });

test('connections: create, list, get, update and delete; the secret is never returned', async () => {
	const created = await call(
		'POST',
		'/connections',
		webhook({ url: receiverUrl, auth_type: 'bearer', auth_config: { token: 's3cret' } }),
	);
	expect(created).toEqual({
		status: 201,
		body: {
			data: {
				id: 1,
				type: 'webhook',
				configuration: { url: receiverUrl, auth_type: 'bearer' },
				created_at: '2026-12-01T00:00:00Z',
				updated_at: '2026-12-01T00:00:00Z',
			},
		},
	});
	await call('POST', '/connections', { type: 'klaviyo', configuration: {} });
	expect((await call('GET', '/connections')).body.data).toHaveLength(2);
	expect((await call('GET', '/connections?connection_type=klaviyo')).body.data).toEqual([
		expect.objectContaining({ id: 2, type: 'klaviyo' }),
	]);
	const updated = await call('PATCH', '/connections/1', {
		configuration: { auth_type: 'api_key', auth_config: { header_name: 'X-Key', api_key: 'k' } },
	});
	expect(updated.body.data.configuration).toEqual({ url: receiverUrl, auth_type: 'api_key' });
	expect(JSON.stringify((await call('GET', '/connections/1')).body)).not.toContain('s3cret');
	await call('POST', '/subscriptions', { connection_id: 1, event_type: 'parcels.event.created' });
	expect(await call('DELETE', '/connections/1')).toEqual({ status: 204, body: undefined });
	// Its subscriptions went with it.
	expect((await call('GET', '/subscriptions')).body.data).toEqual([]);
	expect((await call('GET', '/connections/1')).status).toBe(404);
	expect((await call('DELETE', '/connections/1')).status).toBe(404);
});

test.each([
	['no URL', { auth_type: 'none' }, '/data/configuration/url'],
	['a URL that is not one', { url: 'not a url' }, '/data/configuration/url'],
	[
		'an unknown auth type',
		{ url: 'https://a.example', auth_type: 'hmac' },
		'/data/configuration/auth_type',
	],
	[
		'bearer without token',
		{ url: 'https://a.example', auth_type: 'bearer' },
		'/data/configuration/auth_config/token',
	],
	[
		'api_key without header name',
		{ url: 'https://a.example', auth_type: 'api_key', auth_config: { api_key: 'k' } },
		'/data/configuration/auth_config/header_name',
	],
	['an unknown field', { url: 'https://a.example', secret: 'x' }, '/data/configuration/secret'],
])('a webhook connection with %s is refused with 400', async (_name, configuration, pointer) => {
	const answer = await call('POST', '/connections', webhook(configuration));
	expect(answer.status).toBe(400);
	expect(answer.body.errors[0].source).toEqual({ pointer });
});

test('subscriptions: create, filter, pause, delete; an unknown connection is refused', async () => {
	await call('POST', '/connections', webhook({ url: receiverUrl }));
	expect(
		(
			await call('POST', '/subscriptions', {
				connection_id: 9,
				event_type: 'parcels.event.created',
			})
		).status,
	).toBe(400);
	const created = await call('POST', '/subscriptions', {
		connection_id: 1,
		event_type: 'parcels.event.created',
	});
	expect(created.body.data).toMatchObject({ id: 1, connection_id: 1, is_active: true });
	await call('PATCH', '/subscriptions/1', { is_active: false });
	expect((await call('GET', '/subscriptions?is_active=true')).body.data).toEqual([]);
	expect((await call('GET', '/subscriptions?is_active=false')).body.data).toHaveLength(1);
	expect((await call('GET', '/subscriptions/1')).body.data.is_active).toBe(false);
	expect((await call('DELETE', '/subscriptions/1')).status).toBe(204);
	expect((await call('GET', '/subscriptions/1')).status).toBe(404);
	// Another event type is not one of the spec's: the request breaks it.
	expect(
		(await call('POST', '/subscriptions', { connection_id: 1, event_type: 'orders.created' }))
			.status,
	).toBe(400);
	sandbox.violations.length = 0;
});

test('broadcast test: the spec’s sample reaches the connection with its authentication and headers', async () => {
	await call(
		'POST',
		'/connections',
		webhook({
			url: receiverUrl,
			auth_type: 'bearer',
			auth_config: { token: 't0k' },
			extra_headers: { 'X-Shop': 'a' },
		}),
	);
	await call('POST', '/subscriptions', { connection_id: 1, event_type: 'parcels.event.created' });
	expect((await call('POST', '/broadcast/test/1')).body.data).toEqual({
		success: true,
		status_code: 200,
		response_body: 'OK',
	});
	expect(received[0].headers).toMatchObject({ authorization: 'Bearer t0k', 'x-shop': 'a' });
	expect(JSON.parse(received[0].body)).toMatchObject({ event_type: 'parcels.event.created' });
	answerStatus = 500;
	expect((await call('POST', '/broadcast/test/1')).body.data).toEqual({
		success: false,
		status_code: 500,
		response_body: 'Nope',
	});
	expect((await call('POST', '/broadcast/test/7')).status).toBe(404);
});

test('parcels that move deliver ParcelEventCreated to active subscriptions only, with basic or api_key auth', async () => {
	await call(
		'POST',
		'/connections',
		webhook({
			url: receiverUrl,
			auth_type: 'basic',
			auth_config: { username: 'u', password: 'p' },
		}),
	);
	await call(
		'POST',
		'/connections',
		webhook({
			url: receiverUrl,
			auth_type: 'api_key',
			auth_config: { header_name: 'X-Api-Key', api_key: 'k' },
		}),
	);
	await call('POST', '/subscriptions', { connection_id: 1, event_type: 'parcels.event.created' });
	await call('POST', '/subscriptions', {
		connection_id: 2,
		event_type: 'parcels.event.created',
		is_active: false,
	});
	const [shipment] = sandbox.v3.seedShipments([apiShipment('events-1')]);
	sandbox.v3.advanceParcels({ shipmentId: String(shipment.id) });
	sandbox.v3.advanceParcels({ shipmentId: String(shipment.id) });
	await events().settled();
	expect(received.map((r) => r.headers.authorization)).toEqual(
		Array(3).fill(`Basic ${Buffer.from('u:p').toString('base64')}`),
	);
	const phases = received.map((r) => JSON.parse(r.body).data.event.phase);
	expect(phases).toEqual(['ready_to_send', 'in_transit', 'delivered']);
	const last = JSON.parse(received[2].body);
	expect(last.data.parcel).toMatchObject({
		carrier_code: 'postnl',
		tracking_number: expect.any(String),
	});
	expect(last.data.event).toMatchObject({
		event_type: 'carrier',
		end_of_tracking: true,
		description: 'Delivered',
	});
	// Another account's parcels are not this account's events.
	sandbox.v3.seedShipments([apiShipment('other-account')], 'key:pk_other');
	await events().settled();
	expect(received).toHaveLength(3);
});
