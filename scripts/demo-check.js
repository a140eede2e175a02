'use strict';
// `npm run demo -- --check`: what a person gets from `npm run demo`, verified without a person.
// Runs against the n8n the demo started: n8n's REST API lists the package's nodes, credential
// types and the example workflows; the "list integrations" example runs to success through the
// same endpoint the editor's "Execute workflow" button calls; then the editor walk-through drives
// Chromium through it (test/e2e/browser.js).
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');

const runtime = require('./n8n-runtime');

const EXAMPLES = fs
	.readdirSync(path.join(runtime.ROOT, 'examples'))
	.map((file) => require(path.join(runtime.ROOT, 'examples', file)));
const NODE_TYPES = [
	'sendcloud',
	'sendcloudTrigger',
	'sendcloudWebhookTrigger',
	'sendcloudParcelEventTrigger',
	'dataFast',
	'dataFastTrigger',
].map((name) => `${runtime.PACKAGE}.${name}`);
const CREDENTIAL_TYPES = ['sendcloudApi', 'sendcloudOAuth2Api', 'dataFastApi'];

function expectIncludes(list, wanted, what) {
	const missing = wanted.filter((name) => !list.includes(name));
	if (missing.length) throw new Error(`${what} missing: ${missing.join(', ')}`);
}

/** Runs a workflow as the editor's "Execute workflow" button does, and waits for its execution. */
async function runManually(
	session,
	n8n,
	workflow,
	triggerName = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger').name,
) {
	const started = await session.post(`/rest/workflows/${workflow.id}/run`, {
		triggerToStartFrom: { name: triggerName },
	});
	const executionId = started.data?.executionId;
	if (!executionId)
		throw new Error(`the run did not start an execution: ${JSON.stringify(started).slice(0, 300)}`);
	const deadline = Date.now() + 120_000;
	for (;;) {
		const execution = (await session.get(`/rest/executions/${executionId}`)).data;
		if (
			execution &&
			execution.finished !== undefined &&
			execution.status !== 'running' &&
			execution.status !== 'new'
		) {
			// n8n stores run data in its `flatted` form; read it with n8n's own copy.
			const flatted = require(
				require.resolve('flatted', { paths: [path.join(n8n.dir, 'node_modules/n8n')] }),
			);
			return {
				executionId,
				status: execution.status,
				runData: flatted.parse(execution.data).resultData.runData,
			};
		}
		if (Date.now() > deadline)
			throw new Error(`execution ${executionId} did not finish within 2 minutes`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The checks, in order; each prints a line. Resolves with { passed, failed }.
 * `editor` (optional) runs the Chromium walk-through.
 */
async function checkDemo({ url, owner, n8n, sandbox, editor }) {
	const { check: step, counts } = runtime.checklist();
	console.log(`\nChecking the demo (n8n ${n8n.version} at ${url})`);
	const session = await runtime.signIn(url, owner);
	await step(`the owner signs in and n8n lists the ${NODE_TYPES.length} nodes`, async () => {
		const nodes = await session.get('/types/nodes.json');
		const names = nodes.map((node) => node.name);
		expectIncludes(names, NODE_TYPES, 'node types');
		return NODE_TYPES.join(', ');
	});
	await step('n8n lists the three credential types', async () => {
		const credentials = await session.get('/types/credentials.json');
		expectIncludes(
			credentials.map((type) => type.name),
			CREDENTIAL_TYPES,
			'credential types',
		);
		return CREDENTIAL_TYPES.join(', ');
	});
	await step(`the ${EXAMPLES.length} example workflows are in n8n`, async () => {
		const workflows = (await session.get('/rest/workflows')).data;
		const found = EXAMPLES.map(
			(example) => workflows.find((workflow) => workflow.id === example.id)?.name,
		);
		if (
			!isDeepStrictEqual(
				found,
				EXAMPLES.map((example) => example.name),
			)
		) {
			throw new Error(
				`expected ${JSON.stringify(EXAMPLES.map((e) => e.name))}, n8n has ${JSON.stringify(workflows.map((w) => w.name))}`,
			);
		}
		return found.map((name) => `"${name}"`).join(', ');
	});
	const mcpExample = EXAMPLES.find((w) => w.nodes.some((n) => n.type.endsWith('.mcpTrigger')));
	await step(`the "${mcpExample.name}" example activates and serves its tools`, async () => {
		const trigger = mcpExample.nodes.find((n) => n.type.endsWith('.mcpTrigger'));
		const tools = mcpExample.nodes.filter((n) => n.type.endsWith('Tool')).map((n) => n.name);
		const { versionId } = (await session.get(`/rest/workflows/${mcpExample.id}`)).data;
		await session.post(`/rest/workflows/${mcpExample.id}/activate`, { versionId });
		const { mcpClientWhenServed, toolName } = require('../test/e2e/mcpClient');
		const endpoint = `${url}/mcp/${trigger.parameters.path}`;
		let client;
		try {
			client = await mcpClientWhenServed(endpoint);
			const listed = (await client.listTools(undefined, { timeout: 30_000 })).tools.map(
				(t) => t.name,
			);
			const wanted = tools.map(toolName);
			if (!isDeepStrictEqual([...listed].sort(), [...wanted].sort()))
				throw new Error(`expected the tools ${wanted}, the MCP client got ${listed}`);
			return `${listed.length} tools at ${endpoint}: ${listed.join(', ')}`;
		} finally {
			await client?.close().catch(() => {});
			// Leave the demo as imported: the person activates it when they want the server.
			await session.post(`/rest/workflows/${mcpExample.id}/deactivate`, {});
		}
	});
	await step('the "list integrations" example runs to success', async () => {
		const example = EXAMPLES.find((workflow) => workflow.id === 'scIntegrations');
		const before = sandbox.requests.length;
		const { status, runData } = await runManually(session, n8n, example);
		if (status !== 'success') throw new Error(`execution status ${status}`);
		const items = runData.Sendcloud?.[0]?.data?.main?.[0] ?? [];
		const seeded = sandbox.state.integrations.map((integration) => integration.id).sort();
		const listed = items.map((item) => item.json.id).sort();
		if (!isDeepStrictEqual(listed, seeded))
			throw new Error(`expected integrations ${seeded}, the node returned ${listed}`);
		const calls = sandbox.requests
			.slice(before)
			.map((request) => `${request.method} ${request.path}`);
		if (!calls.includes('GET /api/v2/integrations'))
			throw new Error(`the sandbox saw no GET /api/v2/integrations: ${calls}`);
		return `${items.length} integrations`;
	});
	await step(
		'the "label for each new paid order" example makes a label PDF for the newest order',
		async () => {
			const example = EXAMPLES.find((workflow) => workflow.id === 'scLabelNewOrders');
			const { status, runData } = await runManually(session, n8n, example, 'Sendcloud Trigger');
			if (status !== 'success') throw new Error(`execution status ${status}`);
			const [order] = (runData['Sendcloud Trigger']?.[0]?.data?.main?.[0] ?? []).map(
				(item) => item.json,
			);
			const [labelled] = runData['Create label']?.[0]?.data?.main?.[0] ?? [];
			const label = labelled?.binary?.label;
			if (!order || !labelled) throw new Error('the trigger or the label node produced no item');
			if (
				labelled.json.status !== 'created' ||
				labelled.json.external_reference_id !== order.shipment_uuid
			) {
				throw new Error(
					`expected a new shipment for order ${order.shipment_uuid}, got ${JSON.stringify(labelled.json).slice(0, 300)}`,
				);
			}
			if (
				label?.mimeType !== 'application/pdf' ||
				label.fileName !== `label-${order.shipment_uuid}.pdf`
			)
				throw new Error(`unexpected label file: ${JSON.stringify(label)}`);
			return `order ${order.order_number} → ${label.fileName} (${label.fileSize ?? 'size unknown'})`;
		},
	);
	await step(
		'the "return label" example validates a return, buys its label once and writes the customer message',
		async () => {
			const example = EXAMPLES.find((workflow) => workflow.id === 'scReturnLabel');
			const { status, runData } = await runManually(session, n8n, example);
			if (status !== 'success') throw new Error(`execution status ${status}`);
			const output = (name) => runData[name]?.[0]?.data?.main?.[0] ?? [];
			const [valid] = output('Validate return');
			const [created] = output('Create return label');
			const [message] = output('Message to the customer');
			const label = created?.binary?.returnLabel;
			if (valid?.json.valid !== true || !created || !message)
				throw new Error(`a node produced no item: ${JSON.stringify(valid?.json).slice(0, 300)}`);
			if (!['created', 'existing'].includes(created.json.status))
				throw new Error(`unexpected return: ${JSON.stringify(created.json).slice(0, 300)}`);
			if (label?.mimeType !== 'application/pdf' || label.fileName !== 'return-label-RMA-1001.pdf')
				throw new Error(`unexpected label file: ${JSON.stringify(label)}`);
			if (!String(message.json.text).includes(String(created.json.tracking_number)))
				throw new Error(`the message lacks the tracking number: ${message.json.text}`);
			return `${created.json.status} return ${created.json.return_id} → ${label.fileName}, message to ${message.json.to}`;
		},
	);
	await step(
		'the "provider alert" example composes a message from the DataFast Trigger\'s test event',
		async () => {
			const example = EXAMPLES.find((workflow) => workflow.id === 'dfProviderAlert');
			const { status, runData } = await runManually(session, n8n, example, 'DataFast Trigger');
			if (status !== 'success') throw new Error(`execution status ${status}`);
			const [alert] = (runData['Compose the alert']?.[0]?.data?.main?.[0] ?? []).map(
				(item) => item.json,
			);
			// The seeded website has Stripe and Paddle connected: the sample is a provider that is not.
			if (
				!/^Lemon Squeezy was disconnected from DataFast website 66f1c0ffee0123456789abcd\. .*Still connected: stripe, paddle\.$/.test(
					alert?.text ?? '',
				)
			)
				throw new Error(`unexpected message: ${JSON.stringify(alert).slice(0, 400)}`);
			return alert.subject;
		},
	);
	await step('the DataFast "daily summary" example writes yesterday\'s message', async () => {
		const example = EXAMPLES.find((workflow) => workflow.id === 'dfDailySummary');
		const { status, runData } = await runManually(session, n8n, example, 'Every morning at 8');
		if (status !== 'success') throw new Error(`execution status ${status}`);
		const [message] = runData['Write the message']?.[0]?.data?.main?.[0] ?? [];
		const text = String(message?.json?.text ?? '');
		if (!/^DataFast, \d{4}-\d{2}-\d{2}: \d+ visitors, .+ revenue\.\nTop pages:\n1\. /.test(text))
			throw new Error(`unexpected message: ${JSON.stringify(message?.json).slice(0, 300)}`);
		return text.split('\n')[0];
	});
	if (editor) {
		const screenshotsDir = path.join(runtime.ROOT, 'test-output', 'editor');
		fs.rmSync(screenshotsDir, { recursive: true, force: true });
		await step("a person's path through the editor (Chromium)", async () => {
			const steps = await editor({
				url,
				owner,
				sendcloudBaseUrl: sandbox.sendcloudBaseUrl,
				screenshotsDir,
				log: (line) => console.log(`      ${line}`),
			});
			return `${steps.length} steps, screenshots in ${path.relative(runtime.ROOT, screenshotsDir)}/`;
		});
	}
	await step('no request broke the Sendcloud spec', async () => {
		if (sandbox.violations.length)
			throw new Error(JSON.stringify(sandbox.violations).slice(0, 1000));
	});
	return counts;
}

module.exports = { checkDemo, runManually };
