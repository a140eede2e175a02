import type { IDataObject } from 'n8n-workflow';

import { credentialsHelper, makeNode, WebhookTriggerRunner } from '../../helpers/engine';
import { API_KEY, OAUTH_CLIENT, useSandbox } from '../../helpers/sandbox';

// Integration 101 has no webhook, 102 sends to a foreign URL, 103 signs with its own key.
const sandbox = useSandbox({ webhookSigningKeys: { 103: 'whsk_integration_103' } });

const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
let runner: WebhookTriggerRunner;
let nodes = 0;

async function listen(parameters: Record<string, unknown> = {}): Promise<WebhookTriggerRunner> {
	// A node of its own per test: the trigger remembers fired statuses per workflow and node.
	const settings = { id: `webhook-trigger-${++nodes}` };
	runner = new WebhookTriggerRunner(
		makeNode(
			'sendcloudWebhookTrigger',
			{
				integrationId: rl(101),
				events: ['parcel_status_changed'],
				options: {},
				...parameters,
			} as never,
			settings,
		),
	);
	await runner.listen();
	return runner;
}

afterEach(async () => {
	await runner?.close();
});

const settingsOf = (id: number) => {
	const { webhook_url, webhook_active } = sandbox.state.integrations.find((i) => i.id === id)!;
	return { webhook_url, webhook_active };
};
const apiCalls = () =>
	sandbox.requests.filter((r) => r.path.startsWith('/api/v2')).map((r) => `${r.method} ${r.path}`);

describe('registration', () => {
	test('activation points the integration at n8n; deactivation puts back what was there', async () => {
		const trigger = await listen();
		await trigger.activate();
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('trigger'), webhook_active: true });
		expect(apiCalls()).toEqual([
			'GET /api/v2/integrations/101',
			'GET /api/v2/integrations/101',
			'PATCH /api/v2/integrations/101',
		]);
		expect(sandbox.requests[2].body).toEqual({
			webhook_url: trigger.url('trigger'),
			webhook_active: true,
		});

		await trigger.activate(); // n8n checks on every start: registered already, nothing to change
		expect(apiCalls().filter((c) => c.startsWith('PATCH'))).toHaveLength(1);

		await trigger.deactivate();
		// The API takes no empty URL: an integration that had none keeps n8n's, switched off.
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('trigger'), webhook_active: false });
		expect(sandbox.requests.at(-1)?.body).toEqual({ webhook_active: false });
	});

	test('another receiver’s URL is never taken over silently; with Replace Existing Webhook it is, and comes back', async () => {
		const before = settingsOf(102);
		expect(before).toEqual({
			webhook_url: 'https://berlin.example.com/hooks/sendcloud',
			webhook_active: true,
		});
		const refused = await listen({ integrationId: rl(102) });
		await expect(refused.activate()).rejects.toThrow(
			'The integration already sends its webhooks to https://berlin.example.com/hooks/sendcloud',
		);
		expect(settingsOf(102)).toEqual(before);
		await refused.close();

		const replacing = await listen({
			integrationId: rl(102),
			options: { replaceExistingWebhook: true },
		});
		await replacing.activate();
		expect(settingsOf(102)).toEqual({
			webhook_url: replacing.url('trigger'),
			webhook_active: true,
		});
		await replacing.deactivate();
		expect(settingsOf(102)).toEqual(before);
	});

	test('a switched-off URL receives nothing, so it is taken over without asking, and put back', async () => {
		const integration = sandbox.state.integrations.find((i) => i.id === 101)!;
		Object.assign(integration, {
			webhook_url: 'https://old.example.com/hook',
			webhook_active: false,
		});
		const trigger = await listen();
		await trigger.activate();
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('trigger'), webhook_active: true });
		await trigger.deactivate();
		expect(settingsOf(101)).toEqual({
			webhook_url: 'https://old.example.com/hook',
			webhook_active: false,
		});
	});

	test('listening for a test event while the workflow is active, then stopping, restores the production URL', async () => {
		const trigger = await listen();
		await trigger.activate('trigger');
		await trigger.activate('manual');
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('manual'), webhook_active: true });
		await trigger.deactivate('manual');
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('trigger'), webhook_active: true });
		await trigger.deactivate('trigger');
		expect(settingsOf(101)).toEqual({ webhook_url: trigger.url('trigger'), webhook_active: false });
	});

	test('a URL someone set since activation is left alone on deactivation', async () => {
		const trigger = await listen();
		await trigger.activate();
		sandbox.state.integrations.find((i) => i.id === 101)!.webhook_url =
			'https://elsewhere.example.com/hook';
		await trigger.deactivate();
		expect(settingsOf(101)).toEqual({
			webhook_url: 'https://elsewhere.example.com/hook',
			webhook_active: true,
		});
	});

	test('OAuth2 without a Webhook Signature Key cannot verify calls, so activation fails and says which key to enter', async () => {
		credentialsHelper.set('sendcloudOAuth2Api', {
			...OAUTH_CLIENT,
			accessTokenUrl: sandbox.tokenUrl,
			baseUrl: sandbox.sendcloudBaseUrl,
		});
		const trigger = await listen({ authentication: 'oAuth2' });
		await expect(trigger.activate()).rejects.toThrow(
			'No key to verify Sendcloud’s webhook signatures with',
		);
		expect(settingsOf(101)).toEqual({ webhook_url: null, webhook_active: false });
	});
});

describe('verification: the signature first, 401 and no execution otherwise', () => {
	const parcelEvent = () => ({
		action: 'parcel_status_changed',
		timestamp: Date.now(),
		parcel: { id: 9001, status: { id: 11, message: 'Delivered' }, tracking_number: '3SYZXG9001' },
	});

	test('a signed status change starts one execution with the event as Sendcloud sent it, plus event and time', async () => {
		const trigger = await listen();
		await trigger.activate();
		const delivery = await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 11,
			statusMessage: 'Delivered',
		});
		expect(delivery.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		const [[event]] = trigger.executions;
		expect(event).toEqual({
			...JSON.parse(delivery.body),
			event: 'parcel_status_changed',
			event_time: new Date(JSON.parse(delivery.body).timestamp).toISOString(),
		});
		expect((event.parcel as IDataObject).status).toEqual({ id: 11, message: 'Delivered' });
	});

	test.each([
		['signed with another key', { signature: 'wrong-key' }],
		['the body changed by one byte after signing', { tamper: 'flip-byte' }],
		['the body cut short after signing', { tamper: 'truncate' }],
		['no Sendcloud-Signature header', { signature: 'missing' }],
		['a header that is not a signature', { signature: 'garbage' }],
		['an empty body', { tamper: 'empty-body' }],
	] as const)('%s: 401, nothing started, nothing leaked', async (_name, options) => {
		const trigger = await listen();
		await trigger.activate();
		const delivery = await sandbox.webhooks.send(101, parcelEvent(), options);
		expect(delivery.status).toBe(401);
		expect(trigger.executions).toEqual([]);
		expect(trigger.calls).toEqual([{ mode: 'trigger', status: 401, started: false }]);
	});

	test('an integration that signs with its own key: the node’s Webhook Signature Key verifies it, the API secret does not', async () => {
		const withKey = await listen({
			integrationId: rl(103),
			options: { webhookSignatureKey: 'whsk_integration_103' },
		});
		await withKey.activate();
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 3,
					statusMessage: 'En route to sorting center',
				})
			).status,
		).toBe(200);
		expect(withKey.executions).toHaveLength(1);
		await withKey.deactivate();
		await withKey.close();

		const withSecret = await listen({ integrationId: rl(103) });
		await withSecret.activate();
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
				})
			).status,
		).toBe(401);
		expect(withSecret.executions).toEqual([]);
	});
});

describe('repeats, order, filters, Simplify', () => {
	test('a repeated delivery and an older status arriving late start nothing; newer ones do', async () => {
		const trigger = await listen();
		await trigger.activate();
		const now = Date.now();
		const delivered = await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 11,
			statusMessage: 'Delivered',
			parcel: { id: 4242 },
			timestamp: now,
		});
		await sandbox.webhooks.replay(delivered);
		await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 3,
			statusMessage: 'En route to sorting center',
			parcel: { id: 4242 },
			timestamp: now - 60_000,
		});
		await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 80,
			statusMessage: 'Unable to deliver',
			parcel: { id: 4242 },
			timestamp: now + 1,
		});
		expect(sandbox.webhooks.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
		expect(
			trigger.executions.map(([event]) => ((event.parcel as IDataObject).status as IDataObject).id),
		).toEqual([11, 80]);
	});

	test('moving parcels through their statuses starts one execution per move', async () => {
		const trigger = await listen();
		await trigger.activate();
		for (let step = 0; step < 3; step++) await sandbox.webhooks.moveParcel(101, 5001);
		await sandbox.webhooks.moveParcel(101, 5002);
		expect(trigger.executions).toHaveLength(4);
		expect(trigger.executions.map(([event]) => (event.parcel as IDataObject).id)).toEqual([
			5001, 5001, 5001, 5002,
		]);
	});

	test('status filters and events not listened to: answered, nothing started', async () => {
		const trigger = await listen({
			events: ['parcel_status_changed'],
			options: { statusIds: '11', statusMessages: 'returned to sender' },
		});
		await trigger.activate();
		await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 3,
			statusMessage: 'En route to sorting center',
		});
		await sandbox.webhooks.parcelStatusChanged(101, { statusId: 11, statusMessage: 'Delivered' });
		await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 13,
			statusMessage: 'Returned to sender',
		});
		await sandbox.webhooks.integrationEvent(101, 'integration_updated');
		expect(sandbox.webhooks.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
		expect(
			trigger.executions.map(([event]) => ((event.parcel as IDataObject).status as IDataObject).id),
		).toEqual([11, 13]);
	});

	test('integration events and returns when listened to; Simplify keeps the main fields', async () => {
		const trigger = await listen({
			events: ['integration_updated', 'return_created', 'parcel_status_changed'],
			options: { simplify: true },
		});
		await trigger.activate();
		await sandbox.webhooks.integrationEvent(101, 'integration_updated');
		await sandbox.webhooks.returnCreated(101, {});
		await sandbox.webhooks.parcelStatusChanged(101, { statusId: 11, statusMessage: 'Delivered' });
		expect(trigger.executions.map(([event]) => event.event)).toEqual([
			'integration_updated',
			'return_created',
			'parcel_status_changed',
		]);
		expect(Object.keys(trigger.executions[2][0]).sort()).toEqual(
			[
				'carrier',
				'event',
				'event_time',
				'external_order_id',
				'order_number',
				'parcel_id',
				'shipment_uuid',
				'status_id',
				'status_message',
				'tracking_number',
				'tracking_url',
			].sort(),
		);
		expect(trigger.executions[0][0]).toMatchObject({
			event: 'integration_updated',
			integration_id: 101,
		});
	});
});

// The credential the API-key tests use, as useSandbox sets it.
beforeEach(() =>
	credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl }),
);
