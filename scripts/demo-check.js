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

/** A Stripe `checkout.session.completed` event as Stripe delivers it (API version 2024-06-20), trimmed. */
function stripeCheckoutEvent({
	visitor,
	suffix = '1',
	payment_status = 'paid',
	currency = 'eur',
	amount_total = 12900,
}) {
	const created = 1764921600; // 2025-12-05T08:00:00Z
	return {
		id: `evt_1QdemoCheckoutEvent000${suffix}`,
		object: 'event',
		api_version: '2024-06-20',
		created,
		type: 'checkout.session.completed',
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		data: {
			object: {
				id: `cs_test_a1DemoCheckoutSession000${suffix}`,
				object: 'checkout.session',
				amount_subtotal: amount_total,
				amount_total,
				created,
				currency,
				customer: `cus_QdemoCustomer0${suffix}`,
				customer_details: {
					address: {
						city: 'Amsterdam',
						country: 'NL',
						line1: 'Keizersgracht 126',
						postal_code: '1015 CS',
					},
					email: `jan.de.vries${suffix}@example.com`,
					name: 'Jan de Vries',
					phone: null,
					tax_exempt: 'none',
					tax_ids: [],
				},
				livemode: false,
				metadata: { datafast_visitor_id: visitor, order: `SHOP-${suffix}` },
				mode: 'payment',
				payment_intent: `pi_3QdemoPaymentIntent0${suffix}`,
				payment_method_types: ['card', 'ideal', 'sepa_debit'],
				payment_status,
				status: 'complete',
				success_url: 'https://amsterdam.example.com/thanks',
			},
		},
	};
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
	const stripeExample = EXAMPLES.find((workflow) => workflow.id === 'dfStripePayment');
	await step(
		`the "${stripeExample.name}" example records a paid Stripe checkout once, though Stripe delivers it twice`,
		async () => {
			const hook = stripeExample.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
			const hookUrl = `${url}/webhook/${hook.parameters.path}`;
			const visitor = 'a0000000-0000-4000-8000-000000000002'; // a seeded visitor of the key's website
			const paid = stripeCheckoutEvent({ visitor });
			// Paid later (SEPA debit): Stripe sends this event as well; the payment comes with a later event.
			const unpaid = stripeCheckoutEvent({ visitor, suffix: '2', payment_status: 'unpaid' });
			// Yen has no minor unit: Stripe's amount_total 4500 is ¥4,500, not ¥45.
			const yen = stripeCheckoutEvent({
				visitor,
				suffix: '3',
				currency: 'jpy',
				amount_total: 4500,
			});
			const payments = () => sandbox.dataFast.payments();
			const before = payments().length;
			const paymentCalls = () =>
				sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/payments')).length;
			const callsBefore = paymentCalls();
			const executions = async () =>
				(
					await session.get(
						`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: stripeExample.id }))}`,
					)
				).data.results;
			const { versionId } = (await session.get(`/rest/workflows/${stripeExample.id}`)).data;
			await session.post(`/rest/workflows/${stripeExample.id}/activate`, { versionId });
			try {
				const deliver = async (event) => {
					const response = await fetch(hookUrl, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json', 'User-Agent': 'Stripe/1.0' },
						body: JSON.stringify(event),
					});
					return response.status;
				};
				// n8n serves a production webhook a moment after activating it; until then it answers 404 and runs nothing.
				const deadline = Date.now() + 60_000;
				let status;
				while ((status = await deliver(paid)) === 404 && Date.now() < deadline)
					await new Promise((resolve) => setTimeout(resolve, 500));
				const statuses = [status, await deliver(paid), await deliver(unpaid), await deliver(yen)];
				if (!isDeepStrictEqual(statuses, [200, 200, 200, 200]))
					throw new Error(`the webhook answered ${statuses}, expected 200 four times`);
				const waitUntil = Date.now() + 120_000;
				for (;;) {
					const runs = await executions();
					const done = runs.filter((r) => !['running', 'new', 'waiting'].includes(r.status));
					if (done.length >= 4 && paymentCalls() - callsBefore >= 3) {
						const failed = done.filter((r) => r.status !== 'success');
						if (failed.length || done.length !== 4)
							throw new Error(
								`expected 4 successful runs, got ${JSON.stringify(done.map((r) => r.status))}`,
							);
						break;
					}
					if (Date.now() > waitUntil)
						throw new Error(
							`the deliveries did not finish: ${runs.length} runs, ${paymentCalls() - callsBefore} payment calls`,
						);
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
				await new Promise((resolve) => setTimeout(resolve, 1000)); // anything more would be a duplicate
				if (paymentCalls() - callsBefore !== 3)
					throw new Error(
						`expected 3 payment calls (one per paid delivery), DataFast saw ${paymentCalls() - callsBefore}`,
					);
				// Deliveries run concurrently: compare in transaction ID order, not arrival order.
				const recorded = payments()
					.slice(before)
					.sort((x, y) => x.transaction_id.localeCompare(y.transaction_id))
					.map(({ transaction_id, amount, currency, visitorId, email, name, customer_id }) => ({
						transaction_id,
						amount,
						currency,
						visitorId,
						email,
						name,
						customer_id,
					}));
				const expected = [
					[paid, 129, 'EUR'],
					[yen, 4500, 'JPY'],
				].map(([event, amount, currency]) => ({
					transaction_id: event.data.object.payment_intent,
					amount,
					currency,
					visitorId: visitor,
					email: event.data.object.customer_details.email,
					name: event.data.object.customer_details.name,
					customer_id: event.data.object.customer,
				}));
				if (!isDeepStrictEqual(recorded, expected))
					throw new Error(
						`DataFast recorded ${JSON.stringify(recorded)}, expected ${JSON.stringify(expected)}`,
					);
				const [payment, yenPayment] = recorded;
				return `${payment.amount} ${payment.currency} as ${payment.transaction_id} for visitor ${payment.visitorId}, once for 2 deliveries; ${yenPayment.amount} ${yenPayment.currency} (zero-decimal); the unpaid checkout not recorded`;
			} finally {
				// Leave the demo as imported: the person activates it once Stripe points at it.
				await session.post(`/rest/workflows/${stripeExample.id}/deactivate`, {});
			}
		},
	);
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
