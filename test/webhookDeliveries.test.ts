import { signatureOf } from '../nodes/Sendcloud/webhook/signature';
import { credentialsHelper, makeNode, WebhookTriggerRunner } from './helpers/engine';
import { API_KEY, useSandbox } from './helpers/sandbox';

// What the trigger does with a call once it is signed: repeats, age, bodies that are not events; and where its
// signature key lives. Integration 103 signs with a key of its own.
const INTEGRATION_KEY = 'whsk_integration_103';
const sandbox = useSandbox({ webhookSigningKeys: { 103: INTEGRATION_KEY } });

const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
let runner: WebhookTriggerRunner | undefined;
let nodes = 0;

async function listen(parameters: Record<string, unknown> = {}, integration = 101): Promise<WebhookTriggerRunner> {
	const node = makeNode('sendcloudWebhookTrigger', { integrationId: rl(integration), events: ['parcel_status_changed', 'integration_updated'], options: {}, ...parameters } as never, {
		id: `deliveries-${++nodes}`,
	});
	runner = new WebhookTriggerRunner(node);
	await runner.listen();
	await runner.activate();
	return runner;
}

beforeEach(() => credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl }));
afterEach(async () => {
	await runner?.close();
	runner = undefined;
});

describe('signed bodies that are not a JSON object', () => {
	test.each(['null', '[]', '[{"action": "integration_updated"}]', '"integration_updated"', '42', 'true'])('%s: 400, nothing started, nothing echoed', async (body) => {
		const trigger = await listen();
		const response = await fetch(trigger.url('trigger'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Sendcloud-Signature': signatureOf(Buffer.from(body), API_KEY.secretKey) },
			body,
		});
		const text = await response.text();
		expect(response.status).toBe(400);
		expect(JSON.parse(text)).toEqual({ message: 'The body is not a JSON object' });
		expect(trigger.calls).toEqual([{ mode: 'trigger', status: 400, started: false }]);
	});
});
