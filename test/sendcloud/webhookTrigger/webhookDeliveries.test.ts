import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { SendcloudApi } from '../../../credentials/SendcloudApi.credentials';
import { SendcloudOAuth2Api } from '../../../credentials/SendcloudOAuth2Api.credentials';
import { SendcloudWebhookTrigger } from '../../../nodes/Sendcloud/SendcloudWebhookTrigger.node';
import { signatureOf } from '../../../nodes/Sendcloud/webhook/signature';
import { credentialsHelper, makeNode, WebhookTriggerRunner } from '../../helpers/engine';
import { API_KEY, OAUTH_CLIENT, useSandbox } from '../../helpers/sandbox';

// What the trigger does with a call once it is signed: repeats, age, bodies that are not events; and where its
// signature key lives. Integration 103 signs with a key of its own.
const INTEGRATION_KEY = 'whsk_integration_103';
const sandbox = useSandbox({ webhookSigningKeys: { 103: INTEGRATION_KEY } });

const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
let runner: WebhookTriggerRunner | undefined;
let nodes = 0;

async function listen(
	parameters: Record<string, unknown> = {},
	integration = 101,
): Promise<WebhookTriggerRunner> {
	const node = makeNode(
		'sendcloudWebhookTrigger',
		{
			integrationId: rl(integration),
			events: ['parcel_status_changed', 'integration_updated'],
			options: {},
			...parameters,
		} as never,
		{
			id: `deliveries-${++nodes}`,
		},
	);
	runner = new WebhookTriggerRunner(node);
	await runner.listen();
	await runner.activate();
	return runner;
}

beforeEach(() =>
	credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl }),
);
afterEach(async () => {
	await runner?.close();
	runner = undefined;
	jest.restoreAllMocks();
});

// A fixed moment: no test here depends on the day it runs.
const AT = Date.parse('2026-11-23T10:00:00Z');

describe('repeats of one signed delivery start one execution', () => {
	test('an integration event delivered once and replayed three times', async () => {
		const trigger = await listen();
		const first = await sandbox.webhooks.integrationEvent(101, 'integration_updated', {
			timestamp: AT,
		});
		for (let replay = 0; replay < 3; replay++) await sandbox.webhooks.replay(first);
		expect(sandbox.webhooks.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
		expect(trigger.executions).toHaveLength(1);
		// Another event with its own body is news.
		await sandbox.webhooks.integrationEvent(101, 'integration_updated', { timestamp: AT + 1 });
		expect(trigger.executions).toHaveLength(2);
	});

	test('a parcel status change replayed, with Ignore Older Updates off', async () => {
		const trigger = await listen({ options: { ignoreOlderUpdates: false } });
		const first = await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 11,
			statusMessage: 'Delivered',
			parcel: { id: 77 },
			timestamp: AT,
		});
		await sandbox.webhooks.replay(first);
		// An older status arriving late is still wanted with the option off.
		await sandbox.webhooks.parcelStatusChanged(101, {
			statusId: 3,
			statusMessage: 'En route to sorting center',
			parcel: { id: 77 },
			timestamp: AT - 60_000,
		});
		expect(trigger.executions).toHaveLength(2);
	});
});

describe('Ignore Deliveries Older Than (Minutes)', () => {
	test('a delivery older than the limit is answered and starts nothing; a recent one starts an execution', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(AT + 10 * 60_000);
		const trigger = await listen({ options: { maxDeliveryAgeMinutes: 5 } });
		const old = await sandbox.webhooks.integrationEvent(101, 'integration_updated', {
			timestamp: AT,
		});
		const recent = await sandbox.webhooks.integrationEvent(101, 'integration_updated', {
			timestamp: AT + 6 * 60_000,
		});
		expect([old.status, recent.status]).toEqual([200, 200]);
		expect(trigger.executions.map(([event]) => event.timestamp)).toEqual([AT + 6 * 60_000]);
	});

	test('off by default: an old delivery still starts an execution', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(AT + 24 * 3_600_000);
		const trigger = await listen();
		await sandbox.webhooks.integrationEvent(101, 'integration_updated', { timestamp: AT });
		expect(trigger.executions).toHaveLength(1);
	});
});

describe('signed bodies that are not a JSON object', () => {
	test.each([
		'null',
		'[]',
		'[{"action": "integration_updated"}]',
		'"integration_updated"',
		'42',
		'true',
	])('%s: 400, nothing started, nothing echoed', async (body) => {
		const trigger = await listen();
		const response = await fetch(trigger.url('trigger'), {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'Sendcloud-Signature': signatureOf(Buffer.from(body), API_KEY.secretKey),
			},
			body,
		});
		const text = await response.text();
		expect(response.status).toBe(400);
		expect(JSON.parse(text)).toEqual({ message: 'The body is not a JSON object' });
		expect(trigger.calls).toEqual([{ mode: 'trigger', status: 400, started: false }]);
	});
});

describe('the Webhook Signature Key lives in the credential', () => {
	test.each([
		['SendcloudApi', new SendcloudApi().properties],
		['SendcloudOAuth2Api', new SendcloudOAuth2Api().properties],
	])(
		'%s has an optional, password-typed Webhook Signature Key',
		(_name, properties: INodeProperties[]) => {
			const field = properties.find((p) => p.name === 'webhookSignatureKey');
			expect(field).toMatchObject({
				displayName: 'Webhook Signature Key',
				type: 'string',
				typeOptions: { password: true },
				default: '',
			});
			expect(field?.required).toBeFalsy();
		},
	);

	test('with an API key: the credential’s key verifies an integration that signs with its own', async () => {
		credentialsHelper.set('sendcloudApi', {
			...API_KEY,
			baseUrl: sandbox.sendcloudBaseUrl,
			webhookSignatureKey: INTEGRATION_KEY,
		});
		const trigger = await listen({}, 103);
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
				})
			).status,
		).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	test('with OAuth2: the credential’s key lets the trigger activate and verify', async () => {
		credentialsHelper.set('sendcloudOAuth2Api', {
			...OAUTH_CLIENT,
			accessTokenUrl: sandbox.tokenUrl,
			baseUrl: sandbox.sendcloudBaseUrl,
			webhookSignatureKey: INTEGRATION_KEY,
		});
		const trigger = await listen({ authentication: 'oAuth2' }, 103);
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
				})
			).status,
		).toBe(200);
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
					signature: 'wrong-key',
				})
			).status,
		).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});

	test('a key set on the node by an older version still works, and the credential’s wins when both are set', async () => {
		const legacy = await listen({ options: { webhookSignatureKey: INTEGRATION_KEY } }, 103);
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
				})
			).status,
		).toBe(200);
		expect(legacy.executions).toHaveLength(1);
		await legacy.deactivate();
		await legacy.close();

		credentialsHelper.set('sendcloudApi', {
			...API_KEY,
			baseUrl: sandbox.sendcloudBaseUrl,
			webhookSignatureKey: INTEGRATION_KEY,
		});
		const both = await listen({ options: { webhookSignatureKey: 'whsk_stale_key' } }, 103);
		expect(
			(
				await sandbox.webhooks.parcelStatusChanged(103, {
					statusId: 11,
					statusMessage: 'Delivered',
				})
			).status,
		).toBe(200);
		expect(both.executions).toHaveLength(1);
	});

	test('new nodes no longer offer the key on the node; nodes of version 1 still show it', () => {
		const { description } = new SendcloudWebhookTrigger();
		const options = description.properties.find((p) => p.name === 'options')!
			.options as INodeProperties[];
		const legacy = options.find((o) => o.name === 'webhookSignatureKey')!;
		const newest = Math.max(...[description.version].flat());
		expect(newest).toBeGreaterThan(1);
		expect(NodeHelpers.displayParameter({}, legacy, { typeVersion: newest }, description)).toBe(
			false,
		);
		expect(NodeHelpers.displayParameter({}, legacy, { typeVersion: 1 }, description)).toBe(true);
	});
});
