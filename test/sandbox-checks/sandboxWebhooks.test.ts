/**
 * The sandbox's webhook sender, seen from a receiving server on 127.0.0.1: what the Sendcloud Webhook Trigger's tests
 * will rely on. Signatures are checked here independently of the sender, and payloads against the spec.
 */
import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

import { testSandbox, useSandbox, type WebhookDelivery } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pythonJson } = require('../sandbox/webhooks');

const AMSTERDAM_KEY = 'whsk_amsterdam_0123456789';
const sandbox = useSandbox({ webhookSigningKeys: { 101: AMSTERDAM_KEY } });
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;

const hmac = (body: string | Buffer, key: string) =>
	createHmac('sha256', key).update(body).digest('hex');

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A receiver that verifies signatures as the trigger must: over the raw bytes, with the integration's key. */
const KEYS: Record<string, string> = { '/hooks/101': AMSTERDAM_KEY, '/hooks/103': 'sk_sandbox' };
const received: Received[] = [];
let receiverUrl = '';
const receiver: Server = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (c: Buffer) => chunks.push(c));
	req.on('end', () => {
		const body = Buffer.concat(chunks);
		received.push({ path: req.url ?? '', headers: req.headers, body });
		const key = KEYS[req.url ?? ''];
		if (req.url === '/broken') res.writeHead(500).end('boom');
		else if (req.url === '/slow') setTimeout(() => res.end('late'), 1000);
		else
			res
				.writeHead(key && req.headers['sendcloud-signature'] === hmac(body, key) ? 200 : 401)
				.end();
	});
});

beforeAll(async () => {
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
	received.length = 0;
});

/** Points an integration's webhook at the receiver through the v2 API, as the trigger node will. */
async function subscribe(integrationId: number, path = `/hooks/${integrationId}`) {
	const response = await fetch(`${sandbox.sendcloudBaseUrl}/integrations/${integrationId}`, {
		method: 'PATCH',
		headers: { Authorization: API_KEY, 'Content-Type': 'application/json' },
		body: JSON.stringify({ webhook_url: `${receiverUrl}${path}`, webhook_active: true }),
	});
	expect(response.status).toBe(200);
}

const spec = parse(
	readFileSync(join(__dirname, '../sandbox/spec/sendcloud-v2-webhooks.openapi.yml'), 'utf8'),
);
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'webhooks', components: spec.components });
const SCHEMAS: Record<string, string> = {
	parcel_status_changed: 'ParcelStatusChangedWebhook',
	return_created: 'ReturnCreatedWebhook',
	integration_connected: 'IntegrationConnectedWebhook',
	integration_updated: 'IntegrationUpdatedWebhook',
	integration_deleted: 'IntegrationDeletedWebhook',
};
function specErrors(body: Buffer) {
	const payload = JSON.parse(body.toString('utf8'));
	const validate = ajv.getSchema(`webhooks#/components/schemas/${SCHEMAS[payload.action]}`)!;
	return validate(payload) ? [] : validate.errors;
}

describe('signatures', () => {
	it("match the spec's own example", () => {
		expect(hmac(pythonJson({ key: 'value' }), 'secretkey')).toBe(
			'1eed4b3d41f4653ac64fd56f1bf1cbfd349e4482cbc11dff7134bd93e5da4b0a',
		);
	});

	it('sign the raw bytes with the secret key by default', async () => {
		await subscribe(103);
		const delivery = await sandbox.webhooks.moveParcel(103, 7);
		const [call] = received;
		expect(call.headers['content-type']).toBe('application/json');
		expect(call.headers['sendcloud-signature']).toBe(hmac(call.body, 'sk_sandbox'));
		expect(call.body.toString('utf8')).toBe(delivery.body);
		expect(delivery).toMatchObject({
			sent: true,
			status: 200,
			error: null,
			signed: 'valid',
			tamper: 'none',
			url: `${receiverUrl}/hooks/103`,
		});
	});

	it("sign with the integration's own Webhook Signature Key when it has one", async () => {
		await subscribe(101);
		await sandbox.webhooks.integrationEvent(101, 'integration_updated');
		const [call] = received;
		expect(call.headers['sendcloud-signature']).toBe(hmac(call.body, AMSTERDAM_KEY));
		expect(call.headers['sendcloud-signature']).not.toBe(hmac(call.body, 'sk_sandbox'));
	});
});

describe('bodies', () => {
	it("are Python's json.dumps: separators with spaces, non-ASCII escaped, so re-serialising changes the digest", async () => {
		await subscribe(101);
		// Parcel 1 ships order ORD-100001 to Anna Müller in the Friedrichstraße.
		const delivery = await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 1000,
			parcel: { id: 1 },
		});
		const body = received[0].body.toString('utf8');
		expect(body).toMatch(/^\{"action": "parcel_status_changed", "timestamp": \d+, /);
		expect(body).toContain('"name": "Anna M\\u00fcller"');
		expect(body).not.toMatch(/[^\x20-\x7e]/);
		const parsed = JSON.parse(body);
		expect(parsed.parcel.name).toBe('Anna Müller');
		expect(hmac(JSON.stringify(parsed), AMSTERDAM_KEY)).not.toBe(
			delivery.headers['Sendcloud-Signature'],
		);
	});

	it('carry a realistic parcel, the same for a parcel id after every reset', async () => {
		await subscribe(101);
		const first = JSON.parse((await sandbox.webhooks.moveParcel(101, 7)).body);
		expect(first.parcel).toMatchObject({
			id: 7,
			tracking_number: expect.stringMatching(/^3SSCSB\d{9}$/),
			tracking_url: expect.stringContaining(
				'https://tracking.sendcloud.sc/forward?carrier=postnl&code=3SSCSB',
			),
			order_number: 'ORD-100007',
			external_order_id: '100007',
			shipment_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			status: { id: 1000, message: 'Ready to send' },
			carrier: { code: 'postnl' },
		});
		expect(first.carrier_status_change_timestamp).toBeLessThan(first.timestamp);
		sandbox.reset();
		await subscribe(101);
		const again = JSON.parse((await sandbox.webhooks.moveParcel(101, 7)).body);
		expect(again.parcel).toEqual(first.parcel);
	});

	it('validate against the spec for every event', async () => {
		await subscribe(101);
		await sandbox.webhooks.moveParcel(101, 3);
		await sandbox.webhooks.parcelStatusChanged(101, { statusId: 8 });
		await sandbox.webhooks.returnCreated(101, { parcelId: 3 });
		for (const action of [
			'integration_connected',
			'integration_updated',
			'integration_deleted',
		] as const) {
			await sandbox.webhooks.integrationEvent(101, action);
		}
		// Integration 103 has no shop URL: the spec allows no null there.
		await sandbox.webhooks.integrationEvent(103, 'integration_connected', {
			url: `${receiverUrl}/hooks/103`,
		});
		expect(received).toHaveLength(7);
		for (const call of received) expect(specErrors(call.body)).toEqual([]);
	});

	it('that break the spec are reported as violations, unless sent off-spec on purpose', async () => {
		await subscribe(101);
		await sandbox.webhooks.send(101, { action: 'parcel_status_changed', timestamp: 'yesterday' });
		expect(sandbox.violations).toEqual([
			{
				method: 'POST',
				path: 'webhook parcel_status_changed',
				violations: ['payload/timestamp must be number'],
			},
		]);
		sandbox.violations.length = 0;
		await sandbox.webhooks.send(
			101,
			{ action: 'parcel_exploded', timestamp: 1 },
			{ allowOffSpec: true },
		);
		expect(sandbox.violations).toEqual([]);
		expect(received).toHaveLength(2);
	});
});

describe('delivery', () => {
	it('sends nothing while the webhook is inactive, nor to a host off this machine', async () => {
		const inactive = await sandbox.webhooks.moveParcel(101, 1);
		expect(inactive).toMatchObject({
			sent: false,
			url: null,
			status: null,
			error: 'WEBHOOK_INACTIVE',
		});
		// Integration 102's webhook is active, at https://berlin.example.com/hooks/sendcloud.
		const foreign = await sandbox.webhooks.integrationEvent(102, 'integration_updated');
		expect(foreign).toMatchObject({
			sent: false,
			url: 'https://berlin.example.com/hooks/sendcloud',
			error: 'FOREIGN_HOST',
		});
		expect(received).toEqual([]);
		expect(sandbox.webhooks.deliveries).toEqual([inactive, foreign]);
	});

	it("records the receiver's status, or the network error", async () => {
		await subscribe(101, '/broken');
		expect(await sandbox.webhooks.moveParcel(101, 1)).toMatchObject({
			sent: true,
			status: 500,
			error: null,
			response: 'boom',
		});
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		expect(
			await sandbox.webhooks.moveParcel(101, 1, { url: `http://127.0.0.1:${port}/` }),
		).toMatchObject({ sent: true, status: null, error: 'ECONNREFUSED' });
	});

	it('gives up on a receiver slower than the timeout', async () => {
		const impatient = testSandbox({ webhookTimeoutMs: 100 });
		const delivery = await impatient.webhooks.moveParcel(103, 1, { url: `${receiverUrl}/slow` });
		expect(delivery).toMatchObject({ sent: true, status: null, error: 'ETIMEDOUT' });
	});
});

describe('forgeries and alterations', () => {
	const payload = {
		action: 'integration_updated',
		timestamp: 1795000000123,
		integration: { id: 101, shop_name: 'Amsterdam Webshop' },
	};
	const original = pythonJson(payload);

	async function forge(options: Record<string, string>): Promise<[WebhookDelivery, Received]> {
		await subscribe(101);
		const delivery = await sandbox.webhooks.send(101, payload, options);
		expect(received).toHaveLength(1);
		return [delivery, received[0]];
	}

	it("'wrong-key' signs the true body with another key", async () => {
		const [delivery, call] = await forge({ signature: 'wrong-key' });
		expect(call.body.toString()).toBe(original);
		expect(call.headers['sendcloud-signature']).toMatch(/^[0-9a-f]{64}$/);
		expect(call.headers['sendcloud-signature']).not.toBe(hmac(original, AMSTERDAM_KEY));
		expect(delivery).toMatchObject({ signed: 'wrong-key', status: 401 });
	});

	it("'missing' sends no signature header", async () => {
		const [delivery, call] = await forge({ signature: 'missing' });
		expect(call.headers).not.toHaveProperty('sendcloud-signature');
		expect(delivery).toMatchObject({ signed: 'missing', status: 401 });
	});

	it("'garbage' sends a signature that is not even a hex digest", async () => {
		const [delivery, call] = await forge({ signature: 'garbage' });
		expect(call.headers['sendcloud-signature']).not.toMatch(/^[0-9a-f]{64}$/);
		expect(delivery.status).toBe(401);
	});

	it("'flip-byte' changes one byte after signing and keeps the JSON valid", async () => {
		const [delivery, call] = await forge({ tamper: 'flip-byte' });
		const body = call.body.toString();
		expect(body).toHaveLength(original.length);
		expect([...body].filter((c, i) => c !== original[i])).toHaveLength(1);
		expect(() => JSON.parse(body)).not.toThrow();
		expect(call.headers['sendcloud-signature']).toBe(hmac(original, AMSTERDAM_KEY));
		expect(delivery).toMatchObject({ tamper: 'flip-byte', signed: 'valid', status: 401, body });
	});

	it("'truncate' sends the first half of the signed body", async () => {
		const [delivery, call] = await forge({ tamper: 'truncate' });
		expect(call.body.toString()).toBe(original.slice(0, original.length >> 1));
		expect(call.headers['sendcloud-signature']).toBe(hmac(original, AMSTERDAM_KEY));
		expect(delivery.status).toBe(401);
	});

	it("'empty-body' sends no body under the true body's signature", async () => {
		const [delivery, call] = await forge({ tamper: 'empty-body' });
		expect(call.body).toHaveLength(0);
		expect(call.headers['content-length']).toBe('0');
		expect(call.headers['sendcloud-signature']).toBe(hmac(original, AMSTERDAM_KEY));
		expect(delivery).toMatchObject({ body: '', status: 401 });
	});

	it('the `url` option posts to any URL, whatever the integration says', async () => {
		const delivery = await sandbox.webhooks.send(101, payload, { url: `${receiverUrl}/hooks/101` });
		expect(delivery).toMatchObject({ sent: true, status: 200 });
	});

	it('replay sends the same bytes and headers again', async () => {
		const [first, call] = await forge({});
		const again = await sandbox.webhooks.replay(first);
		expect(received).toHaveLength(2);
		expect(received[1].body.equals(call.body)).toBe(true);
		expect(received[1].headers['sendcloud-signature']).toBe(call.headers['sendcloud-signature']);
		expect(again).toMatchObject({
			id: first.id + 1,
			replayOf: first.id,
			body: first.body,
			headers: first.headers,
			status: 200,
		});
	});
});

describe('order of events', () => {
	it('moveParcel walks the usual sequence with increasing timestamps, even on a stopped clock', async () => {
		await subscribe(101);
		sandbox.setClock(() => Date.parse('2026-11-23T10:00:00Z'));
		try {
			const deliveries = [];
			for (let step = 0; step < 6; step++)
				deliveries.push(await sandbox.webhooks.moveParcel(101, 2));
			const events = deliveries.map((d) => JSON.parse(d.body));
			expect(events.map((e) => e.parcel.status.id)).toEqual([1000, 22, 3, 5, 92, 11]);
			expect(events.map((e) => e.parcel.status.message)).toEqual([
				'Ready to send',
				'Shipment picked up by driver',
				'En route to sorting center',
				'Sorted',
				'Driver en route',
				'Delivered',
			]);
			const timestamps = events.map((e) => e.timestamp);
			expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
			expect(new Set(timestamps).size).toBe(6);
			await expect(sandbox.webhooks.moveParcel(101, 2)).rejects.toThrow('no next status');
		} finally {
			sandbox.setClock();
		}
	});

	it('an older timestamp arrives late and leaves the parcel at its newest status', async () => {
		await subscribe(101);
		const ready = await sandbox.webhooks.moveParcel(101, 4);
		await sandbox.webhooks.moveParcel(101, 4);
		const late = await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 1000,
			parcel: { id: 4 },
			timestamp: ready.timestamp - 1,
		});
		expect(late.timestamp).toBe(ready.timestamp - 1);
		expect(sandbox.webhooks.parcels(101)).toEqual([
			expect.objectContaining({
				id: 4,
				status: { id: 22, message: 'Shipment picked up by driver' },
			}),
		]);
		expect(JSON.parse((await sandbox.webhooks.moveParcel(101, 4)).body).parcel.status.id).toBe(3);
	});
});
