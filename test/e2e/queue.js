#!/usr/bin/env node
'use strict';
// Queue-mode end-to-end tests: n8n 2.x as shops scale it out (EXECUTIONS_MODE=queue, Redis, PostgreSQL,
// one main and two workers sharing one install of the packed package; scripts/queue-stack.js), against
// the sandbox in this process with Sendcloud's rate limits enforced. Checks that every example runs on a
// worker; that while two 5,000-order imports run at once, one on each worker, the polling trigger
// (on main) starts one run per arriving order and the webhook trigger (on main) one per signed event,
// those runs executing on the workers; and that the imports lose and repeat nothing while sharing the
// account's quota. Prints the figures and writes them to test-output/queue-mode.md.
// Usage: node test/e2e/queue.js
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');

const runtime = require('../../scripts/n8n-runtime');
const { startQueueStack } = require('../../scripts/queue-stack');
const { runManually } = require('../../scripts/demo-check');
const { floorSeconds } = require('../../bench/limits');
const { createSandbox } = require('../sandbox/server');
const { makeOrder, prng } = require('../sandbox/seed');
const {
	KEY,
	OAUTH,
	rl,
	triggerNode,
	reportNode,
	triggerToSink,
	webhookServed,
} = require('./workflowKit');

const ORDERS_PER_IMPORT = 5000;
const IMPORT_INTEGRATION = 101;
const POLLED_INTEGRATION = 102;
const HOOKED_INTEGRATION = 103;
// The imports use the API key's account (KEY); the triggers another one (OAUTH), so that the imports'
// figures count only their own requests against their account's quota.
const SIGNING_KEY = 'whsec-queue-e2e';
const WEBHOOK_ID = '5e4dc10d-0000-4000-8000-0000000e2e11';

const { check, counts } = runtime.checklist();

/** The sandbox credentials, the OAuth2 one holding the hooked integration's Webhook Signature Key (kept out of the workflow). */
function credentialsWithSigningKey(sandbox) {
	return runtime
		.sandboxCredentials(sandbox)
		.map((c) =>
			c.type === 'sendcloudOAuth2Api'
				? { ...c, data: { ...c.data, webhookSignatureKey: SIGNING_KEY } }
				: c,
		);
}
const { waitUntil } = runtime;

function expect(actual, expected, what) {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new Error(
			`${what}: expected ${JSON.stringify(expected)?.slice(0, 400)}\n      got      ${JSON.stringify(actual)?.slice(0, 600)}`,
		);
	}
}

const ORDERS_CODE = `
const from = $input.first().json.body.from;
return Array.from({ length: ${ORDERS_PER_IMPORT} }, (_, i) => {
	const n = from + i;
	return { json: {
		name: 'Customer ' + n, address: 'Keizersgracht', house_number: String(100 + (n % 50)), city: 'Amsterdam',
		postal_code: '1015 CS', country: 'nl', email: 'customer' + n + '@example.com', order_number: 'SHOP-' + n,
		external_order_id: 900000 + n, created_at: '2026-11-21T09:00:00.000Z', currency: 'eur', total_order_value: 19.95,
		weight: 0.5, order_status: 'processing', payment_status: 'paid',
		parcel_items: [{ description: 'T-shirt', quantity: 1, value: 19.95, weight: 0.5, origin_country: 'nl' }],
	} };
});`;

const SUMMARY_CODE = `
const counts = {};
for (const item of $input.all()) counts[item.json.status] = (counts[item.json.status] ?? 0) + 1;
return [{ json: { kind: 'import', from: $('Import webhook').first().json.body.from, items: $input.all().length, counts, execution: $execution.id } }];`;

function workflows(sandbox) {
	const connect = (...names) =>
		Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		);
	const base = { active: true, settings: { executionOrder: 'v1' }, pinData: {} };
	return [
		{
			...base,
			id: 'queueImport',
			name: 'queue: import orders',
			nodes: [
				{
					id: 'hook',
					name: 'Import webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'a6b1f0de-0000-4000-8000-0000000e2e10',
					parameters: { httpMethod: 'POST', path: 'import-orders', options: {} },
				},
				{
					id: 'orders',
					name: 'Orders',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [150, 0],
					parameters: { jsCode: ORDERS_CODE },
				},
				{
					id: 'upsert',
					name: 'Sendcloud',
					type: `${runtime.PACKAGE}.sendcloud`,
					typeVersion: 1,
					position: [300, 0],
					onError: 'continueRegularOutput',
					parameters: {
						resource: 'shipment',
						operation: 'upsert',
						integrationId: rl(IMPORT_INTEGRATION),
						dataMode: 'autoMapInputData',
					},
					credentials: KEY,
				},
				{
					id: 'summary',
					name: 'Summary',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [450, 0],
					parameters: { jsCode: SUMMARY_CODE },
				},
				reportNode(sandbox, '={{ JSON.stringify($json) }}', [600, 0]),
			],
			connections: connect('Import webhook', 'Orders', 'Sendcloud', 'Summary', 'Report'),
		},
		triggerToSink(
			'queuePoll',
			'queue: new orders',
			triggerNode(
				'trigger',
				'Sendcloud Trigger',
				'sendcloudTrigger',
				{
					authentication: 'oAuth2',
					event: 'newShipment',
					integrationId: rl(POLLED_INTEGRATION),
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				},
				{ credentials: OAUTH },
			),
			{
				sandbox,
				jsonBody:
					"={{ JSON.stringify({ kind: 'poll', uuid: $json.shipment_uuid, execution: $execution.id }) }}",
				reportPosition: [600, 0],
			},
		),
		triggerToSink(
			'queueHook',
			'queue: parcel events',
			triggerNode(
				'hook',
				'Sendcloud Webhook Trigger',
				'sendcloudWebhookTrigger',
				{
					authentication: 'oAuth2',
					integrationId: rl(HOOKED_INTEGRATION),
					events: ['parcel_status_changed'],
					options: {},
				},
				{ credentials: OAUTH, webhookId: WEBHOOK_ID },
			),
			{
				sandbox,
				jsonBody:
					"={{ JSON.stringify({ kind: 'hook', event: $json.parcel.id + ':' + $json.parcel.status.id + ':' + $json.timestamp, execution: $execution.id }) }}",
				reportPosition: [600, 0],
			},
		),
	];
}

/** Which worker ran each execution, from the workers' logs. */
function executionsByWorker(workers) {
	const ranOn = new Map();
	for (const worker of workers) {
		for (const [, id] of worker.output().matchAll(/started execution (\d+)/gi))
			ranOn.set(id, worker.name);
	}
	return ranOn;
}

/** The two imports' requests as the server saw them, and the figures the README publishes. */
function importFigures(sandbox, summaries, ranOn) {
	const posts = sandbox.requests.filter(
		(r) => r.method === 'POST' && r.path === `/api/v2/integrations/${IMPORT_INTEGRATION}/shipments`,
	);
	const accepted = posts.filter((r) => r.status === 200);
	const throttled = posts.filter((r) => r.status === 429);
	const seconds =
		(Math.max(...posts.map((r) => r.at)) - Math.min(...posts.map((r) => r.at))) / 1000;
	const floor = floorSeconds(accepted.length);
	return {
		posts: posts.length,
		accepted: accepted.length,
		throttled: throttled.length,
		seconds,
		floor,
		ratio: seconds / floor,
		workers: summaries.map((s) => ranOn.get(String(s.execution))),
	};
}

function writeFigures(figures, n8n) {
	const file = path.join(runtime.ROOT, 'test-output', 'queue-mode.md');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const lines = [
		`Two imports of ${ORDERS_PER_IMPORT.toLocaleString('en')} orders at once, one on each worker (n8n ${n8n.version}, queue mode, main + 2 workers), one Sendcloud account, its limits enforced:`,
		'',
		'| | |',
		'| --- | --- |',
		`| Write requests | ${figures.posts} (${figures.accepted} accepted + ${figures.throttled} answered 429, ${((100 * figures.throttled) / figures.posts).toFixed(1)} %) |`,
		`| First to last request at the server | ${figures.seconds.toFixed(2)} s |`,
		`| Rate-limit floor for ${figures.accepted} writes | ${figures.floor.toFixed(2)} s (${figures.ratio.toFixed(2)}x) |`,
		`| Orders stored / sent twice / items reported | ${figures.stored} / ${figures.duplicates} / ${figures.reported} |`,
		`| Ran on | ${figures.workers.join(', ')} |`,
	];
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

(async () => {
	runtime.ensureBuilt();
	const n8n = runtime.installN8n(2);
	const userFolder = runtime.scratchFolder('n8n-queue-');
	runtime.installAsCommunityPackage(userFolder, runtime.packPackage(userFolder));
	const sandbox = createSandbox({
		rateLimits: true,
		webhookSigningKeys: { [HOOKED_INTEGRATION]: SIGNING_KEY },
	});
	await sandbox.listen();
	console.log(
		`\nn8n ${n8n.version} in queue mode: Redis, PostgreSQL, main + 2 workers sharing one install of the package`,
	);
	const stack = await startQueueStack(n8n, userFolder);
	try {
		const examples = fs
			.readdirSync(path.join(runtime.ROOT, 'examples'))
			.map((file) => require(path.join(runtime.ROOT, 'examples', file)));
		const folder = path.join(userFolder, 'workflows');
		fs.mkdirSync(folder);
		for (const workflow of [
			...examples.map((e) => ({ ...e, active: false })),
			...workflows(sandbox),
		])
			runtime.writeJson(path.join(folder, `${workflow.id}.json`), workflow);
		await runtime.n8n(n8n, stack.env, [
			'import:credentials',
			`--input=${runtime.writeJson(path.join(userFolder, 'credentials.json'), credentialsWithSigningKey(sandbox))}`,
		]);
		await runtime.n8n(n8n, stack.env, ['import:workflow', '--separate', `--input=${folder}`]);
		for (const id of ['queueImport', 'queuePoll', 'queueHook'])
			await runtime.n8n(n8n, stack.env, ['publish:workflow', `--id=${id}`]);

		const port = await runtime.freePort();
		const url = `http://127.0.0.1:${port}`;
		const main = await stack.startMain(port);
		const workers = [
			await stack.startWorker('worker-1', 1),
			await stack.startWorker('worker-2', 1),
		];
		const session = await runtime.signIn(url, await runtime.ensureOwner(url));
		const hookUrl = `${url}/webhook/${WEBHOOK_ID}/webhook`;
		const integration = (id) => sandbox.state.integrations.find((i) => i.id === id);
		const polls = () =>
			sandbox.requests.filter(
				(r) =>
					r.method === 'GET' && r.path === `/api/v2/integrations/${POLLED_INTEGRATION}/shipments`,
			).length;
		await waitUntil(
			'the webhook trigger to register its URL',
			() => integration(HOOKED_INTEGRATION).webhook_url === hookUrl,
			60_000,
		);
		await waitUntil('n8n to serve the webhooks', webhookServed(hookUrl), 60_000);
		await waitUntil("the polling trigger's first poll", () => polls() >= 1, 60_000);

		const importsStarted = Date.now();
		const imports = [0, ORDERS_PER_IMPORT].map(async (from) => {
			const response = await fetch(`${url}/webhook/import-orders`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ from }),
			});
			if (!response.ok)
				throw new Error(`the import webhook answered ${response.status}: ${await response.text()}`);
		});
		// While both workers import: orders arrive for the polling trigger, parcel events for the webhook trigger.
		const random = prng(11);
		const arrived = [];
		const signed = [];
		const forged = [];
		for (let round = 0; round < 3; round++) {
			const now = Date.now();
			for (let i = 0; i < 2; i++) {
				const order = makeOrder(random, {
					integrationId: POLLED_INTEGRATION,
					index: 700000 + arrived.length,
					createdAt: now - (now % 1000),
				});
				arrived.push(sandbox.addShipment(POLLED_INTEGRATION, order).shipment_uuid);
			}
			for (const parcel of [8001, 8002])
				signed.push(await sandbox.webhooks.moveParcel(HOOKED_INTEGRATION, parcel));
			forged.push(
				await sandbox.webhooks.send(
					HOOKED_INTEGRATION,
					JSON.parse(signed[signed.length - 1].body),
					{ signature: 'wrong-key' },
				),
			);
			await new Promise((r) => setTimeout(r, 4000));
		}
		await Promise.all(imports);
		const sunk = (kind) => sandbox.sink.filter((s) => s.kind === kind);
		await waitUntil('both imports to report', () => sunk('import').length >= 2, 600_000);
		const importSeconds = (Date.now() - importsStarted) / 1000;
		await waitUntil(
			'a run per arriving order',
			() => sunk('poll').length >= arrived.length,
			120_000,
		);
		await waitUntil('a run per signed event', () => sunk('hook').length >= signed.length, 120_000);
		// One more poll: a repeated order would show up then.
		const pollsSoFar = polls();
		await waitUntil('one more poll', () => polls() > pollsSoFar, 75_000);
		await new Promise((r) => setTimeout(r, 2000));
		const ranOn = executionsByWorker(workers);

		await check(
			'the polling trigger on main starts one run per arriving order, executed on the workers',
			async () => {
				expect(
					sunk('poll')
						.map((s) => s.uuid)
						.sort(),
					[...arrived].sort(),
					'orders reported',
				);
				const executions = [...new Set(sunk('poll').map((s) => String(s.execution)))];
				const onWorkers = executions.map((id) => ranOn.get(id));
				if (onWorkers.includes(undefined))
					throw new Error(`executions ${executions} ran on ${onWorkers}`);
				return `${arrived.length} orders in ${executions.length} runs, on ${[...new Set(onWorkers)].join(' and ')}`;
			},
		);

		await check(
			'the webhook trigger on main answers 401 to forged calls and starts one run per signed event, executed on the workers',
			async () => {
				expect(
					signed.map((d) => d.status),
					signed.map(() => 200),
					'answers to signed events',
				);
				expect(
					forged.map((d) => d.status),
					forged.map(() => 401),
					'answers to forged events',
				);
				const events = signed
					.map((d) => JSON.parse(d.body))
					.map((e) => `${e.parcel.id}:${e.parcel.status.id}:${e.timestamp}`);
				expect(
					sunk('hook')
						.map((s) => s.event)
						.sort(),
					events.sort(),
					'events that started a run',
				);
				const onWorkers = sunk('hook').map((s) => ranOn.get(String(s.execution)));
				if (onWorkers.includes(undefined)) throw new Error(`the events' runs ran on ${onWorkers}`);
				return `${signed.length} events, ${forged.length} forged calls refused, runs on ${[...new Set(onWorkers)].join(' and ')}`;
			},
		);

		await check(
			`two ${ORDERS_PER_IMPORT}-order imports at once, one per worker: nothing lost, nothing sent twice, every item reported`,
			async () => {
				const summaries = sunk('import').sort((a, b) => a.from - b.from);
				const figures = importFigures(sandbox, summaries, ranOn);
				const stored = sandbox.state.shipments
					.get(IMPORT_INTEGRATION)
					.filter((s) => s.external_order_id >= 900000);
				const ids = stored.map((s) => s.external_order_id);
				Object.assign(figures, {
					stored: stored.length,
					duplicates: ids.length - new Set(ids).size,
					reported: summaries.reduce((n, s) => n + s.items, 0),
				});
				const file = writeFigures(figures, n8n);
				console.log(
					`      ${fs.readFileSync(file, 'utf8').trim().split('\n').join('\n      ')}\n      (end to end, webhook calls to both reports: ${importSeconds.toFixed(1)} s)`,
				);
				expect(
					summaries.map((s) => s.counts),
					[{ created: ORDERS_PER_IMPORT }, { created: ORDERS_PER_IMPORT }],
					'outcomes per import',
				);
				expect(figures.stored, 2 * ORDERS_PER_IMPORT, 'orders stored');
				expect(figures.duplicates, 0, 'orders sent twice');
				expect(
					[...figures.workers].sort(),
					['worker-1', 'worker-2'],
					'workers that ran the imports',
				);
				return `${figures.accepted} batches accepted, ${figures.throttled} 429s, ${figures.ratio.toFixed(2)}x the floor`;
			},
		);

		// Examples started by an outside caller have no manual run here: an MCP Server Trigger's tools run when an
		// MCP client calls them (test/e2e/aiTools.js), a Webhook node's workflow when Stripe calls it (the demo
		// check delivers to it), the Parcel Event Trigger's when Sendcloud delivers an event (test/e2e/run.js).
		const startedOutside = (node) =>
			node.type.endsWith('.mcpTrigger') ||
			node.type.endsWith('.sendcloudParcelEventTrigger') ||
			node.type === 'n8n-nodes-base.webhook';
		const runnable = examples.filter((e) => !e.nodes.some(startedOutside));
		await check(`the ${runnable.length} example workflows run on the workers`, async () => {
			const runs = [];
			for (const example of runnable) {
				const trigger = example.nodes.find((node) => /trigger/i.test(node.type)).name;
				const run = await runManually(session, n8n, example, trigger);
				if (run.status !== 'success')
					throw new Error(`"${example.name}" ended with status ${run.status}`);
				runs.push({ name: example.name, id: run.executionId });
			}
			const ranOn = executionsByWorker(workers);
			const elsewhere = runs.filter((r) => !ranOn.has(String(r.id)));
			if (elsewhere.length)
				throw new Error(
					`not run by a worker: ${elsewhere.map((r) => `"${r.name}" (execution ${r.id})`).join(', ')}`,
				);
			return runs.map((r) => `${r.name} → ${ranOn.get(String(r.id))}`).join('; ');
		});

		await check('no request broke the Sendcloud spec, and no secret reached a log', async () => {
			expect(sandbox.violations, [], 'spec violations');
			for (const part of [main, ...workers]) {
				for (const secret of ['sk_sandbox', 'sandbox-secret', SIGNING_KEY])
					if (part.output().includes(secret))
						throw new Error(`a secret (${secret}) appears in the log of ${part.name}`);
			}
		});
	} catch (error) {
		for (const part of stack.processes())
			console.log(`\n--- ${part.name} said last:\n${part.output().slice(-3000)}`);
		throw error;
	} finally {
		await stack.stop();
		await sandbox.close();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
	process.exit(counts.failed ? 1 : 0);
})().catch((error) => {
	console.error(error);
	console.log(`\n${counts.passed} passed, ${counts.failed + 1} failed`);
	process.exit(1);
});
