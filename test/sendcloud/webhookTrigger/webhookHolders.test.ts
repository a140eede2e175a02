import { credentialsHelper, makeNode, WebhookTriggerRunner } from '../../helpers/engine';
import { API_KEY, useSandbox } from '../../helpers/sandbox';

// Two workflows (or a workflow's test and production URLs) that want one integration's webhooks: in every order of
// activations and deactivations, the integration must end with what it had before any of them.
// Integration 102 sends to https://berlin.example.com/hooks/sendcloud; 101 has no webhook.
const sandbox = useSandbox();

const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
const BERLIN = { webhook_url: 'https://berlin.example.com/hooks/sendcloud', webhook_active: true };
const open: WebhookTriggerRunner[] = [];

/** One workflow's trigger on `integration`, with Replace Existing Webhook on: the strongest claim a user can make. */
async function workflow(name: 'a' | 'b', integration = 102): Promise<WebhookTriggerRunner> {
	const webhookId = `${name === 'a' ? 'aaaaaaaa' : 'bbbbbbbb'}-0000-4000-8000-000000000001`;
	const node = makeNode(
		'sendcloudWebhookTrigger',
		{
			integrationId: rl(integration),
			events: ['integration_updated'],
			options: { replaceExistingWebhook: true },
		} as never,
		{
			id: `holder-${name}`,
			webhookId,
		},
	);
	const runner = new WebhookTriggerRunner(node);
	await runner.listen();
	open.push(runner);
	return runner;
}

const settingsOf = (id: number) => {
	const { webhook_url, webhook_active } = sandbox.state.integrations.find((i) => i.id === id)!;
	return { webhook_url, webhook_active };
};

beforeEach(() =>
	credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl }),
);
afterEach(async () => {
	for (const runner of open.splice(0)) await runner.close();
});

describe('two workflows on one integration', () => {
	test('the second is refused, naming the workflow’s trigger that holds the integration, even with Replace Existing Webhook', async () => {
		const a = await workflow('a');
		const b = await workflow('b');
		await a.activate();
		await expect(b.activate()).rejects.toThrow(
			'Another n8n workflow receives this integration’s webhooks: the Sendcloud Webhook Trigger with webhook ID aaaaaaaa-0000-4000-8000-000000000001',
		);
		expect(settingsOf(102)).toEqual({ webhook_url: a.url('trigger'), webhook_active: true });
	});

	test.each([
		['A on, B on, A off, B off', ['a+', 'b+', 'a-', 'b-']],
		['A on, B on, B off, A off', ['a+', 'b+', 'b-', 'a-']],
		['A on, A off, B on, B off', ['a+', 'a-', 'b+', 'b-']],
		['A on, B on, A off, B on, B off', ['a+', 'b+', 'a-', 'b+', 'b-']],
	])('%s: the original URL comes back', async (_name, steps) => {
		const runners = { a: await workflow('a'), b: await workflow('b') };
		for (const step of steps) {
			const runner = runners[step[0] as 'a' | 'b'];
			if (step[1] === '-') await runner.deactivate();
			else await runner.activate().catch(() => undefined); // a refusal leaves that workflow inactive, as n8n does
		}
		expect(settingsOf(102)).toEqual(BERLIN);
	});

	test('a deactivation whose restore fails keeps what to put back: the integration is not handed on, and the next deactivation restores it', async () => {
		const a = await workflow('a');
		const b = await workflow('b');
		await a.activate();
		sandbox.injectFaults({
			method: 'PATCH',
			path: '^/integrations/102$',
			kind: '403',
			message: 'You do not have permission to perform this action.',
		});
		await expect(a.deactivate()).rejects.toThrow();
		// n8n marks the workflow inactive even so; the integration still sends to A.
		await expect(b.activate()).rejects.toThrow('webhook ID aaaaaaaa-0000-4000-8000-000000000001');
		await a.activate(); // finds itself registered: nothing to change, nothing forgotten
		await a.deactivate();
		expect(settingsOf(102)).toEqual(BERLIN);
	});

	test('a switched-off n8n URL (left by a deactivated trigger on an integration that had none) is taken over without asking, and put back', async () => {
		const a = await workflow('a', 101);
		const b = await workflow('b', 101);
		await a.activate();
		await a.deactivate();
		expect(settingsOf(101)).toEqual({ webhook_url: a.url('trigger'), webhook_active: false });
		await b.activate();
		expect(settingsOf(101)).toEqual({ webhook_url: b.url('trigger'), webhook_active: true });
		await b.deactivate();
		expect(settingsOf(101)).toEqual({ webhook_url: a.url('trigger'), webhook_active: false });
	});
});

describe('one workflow’s test and production URLs', () => {
	test.each([
		[
			'production on, test on, production off, test off',
			['trigger+', 'manual+', 'trigger-', 'manual-'],
		],
		[
			'production on, test on, test off, production off',
			['trigger+', 'manual+', 'manual-', 'trigger-'],
		],
		[
			'test on, production on, test off, production off',
			['manual+', 'trigger+', 'manual-', 'trigger-'],
		],
		[
			'test on, production on, production off, test off',
			['manual+', 'trigger+', 'trigger-', 'manual-'],
		],
	])('%s: the original URL comes back', async (_name, steps) => {
		const a = await workflow('a');
		for (const step of steps) {
			const mode = step.slice(0, -1) as 'manual' | 'trigger';
			if (step.endsWith('-')) await a.deactivate(mode);
			else await a.activate(mode);
		}
		expect(settingsOf(102)).toEqual(BERLIN);
	});
});
