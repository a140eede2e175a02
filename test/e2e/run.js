#!/usr/bin/env node
'use strict';
// End-to-end tests: the packed package installed as a community package into a real n8n (2.x on
// Node 24 and 1.x on Node 20), credentials and workflows imported with n8n's CLI, every workflow
// executed with `n8n execute`, and the Sendcloud Trigger run activated under `n8n start` while
// orders arrive. The sandbox runs in this process, validating every request against the spec.
// Usage: node test/e2e/run.js [--lines 2,1] [--skip-trigger]; E2E_ONLY='<text>|<text>' runs only the cases whose name has one of them.
// A case with `runs: 2` executes its workflow twice on the same sandbox (a re-run) and checks the last.
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');

const runtime = require('../../scripts/n8n-runtime');
const { createSandbox } = require('../sandbox/server');
// E2E_ONLY=<regular expression>: only the cases whose name matches it (while developing).
const cases = require('./cases').filter(
	(c) => !process.env.E2E_ONLY || new RegExp(process.env.E2E_ONLY).test(c.name),
);
const { activatedDataFastTrigger } = require('./dataFastTrigger');
const { activatedEventTrigger } = require('./eventTrigger');
const { activate, rl, triggerNode, triggerToSink, webhookServed } = require('./workflowKit');

const args = process.argv.slice(2);
const lines = (
	args[args.indexOf('--lines') + 1] && args.includes('--lines')
		? args[args.indexOf('--lines') + 1]
		: '2,1'
)
	.split(',')
	.map(Number);
const skipTrigger = args.includes('--skip-trigger');

let passed = 0;
let failed = 0;
const failures = [];

function report(name, error) {
	if (error) {
		failed++;
		failures.push(`${name}: ${error.message}`);
		console.log(`  ✗ ${name}\n      ${String(error.message).split('\n').join('\n      ')}`);
	} else {
		passed++;
		console.log(`  ✓ ${name}`);
	}
}

function expect(actual, expected) {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new Error(
			`expected ${JSON.stringify(expected)}\n      got      ${JSON.stringify(actual)?.slice(0, 600)}`,
		);
	}
}

/** The JSON `n8n execute --rawOutput` prints (after any log lines). */
function parseRun(stdout) {
	const start = stdout.indexOf('{');
	if (start === -1) throw new Error(`no JSON in n8n's output:\n${stdout.slice(-2000)}`);
	return JSON.parse(stdout.slice(start));
}

function nodeResult(run, nodeName) {
	const data = run.data?.resultData ?? run.resultData ?? run;
	const task = data.runData?.[nodeName]?.[0];
	const outputItems = task?.data?.main?.[0] ?? [];
	return {
		items: outputItems.map((item) => item.json),
		binaries: outputItems.map((item) => item.binary),
		error: task?.error?.message ?? data.error?.message,
	};
}

async function executeCases(line, env, sandbox, workDir) {
	const folder = path.join(workDir, 'workflows');
	fs.mkdirSync(folder, { recursive: true });
	for (const testCase of cases)
		runtime.writeJson(path.join(folder, `${testCase.workflow.id}.json`), testCase.workflow);
	await runtime.n8n(line, env, ['import:workflow', '--separate', `--input=${folder}`]);
	for (const testCase of cases) {
		sandbox.reset();
		testCase.setup?.(sandbox);
		let stdout;
		// `runs: 2`: the same workflow executed again (a re-run); `check` gets the last run, `earlier` the others.
		const earlier = [];
		try {
			for (let run = 1; run <= (testCase.runs ?? 1); run++) {
				if (stdout !== undefined) earlier.push(nodeResult(parseRun(stdout), 'Under Test'));
				stdout = await runtime.n8n(line, env, [
					'execute',
					`--id=${testCase.workflow.id}`,
					'--rawOutput',
				]);
			}
		} catch (error) {
			stdout = `${error.stdout ?? ''}${error.stderr ?? ''}`;
			if (!testCase.expectError) {
				report(
					testCase.name,
					new Error(
						`${error.message}:\n${(error.stderr || '').slice(-1500)}\n${stdout.slice(-1500)}`,
					),
				);
				continue;
			}
		}
		try {
			if (testCase.expectError) {
				const text = stdout;
				if (!text.includes(testCase.expectError))
					throw new Error(`expected the error "${testCase.expectError}" in:\n${text.slice(-1500)}`);
			} else {
				const { items, binaries, error } = nodeResult(parseRun(stdout), 'Under Test');
				if (error) throw new Error(`the node failed: ${error}`);
				testCase.check({ items, binaries, sandbox, expect, earlier });
			}
			expect(sandbox.violations, []);
			for (const secret of [
				'sk_sandbox',
				'sandbox-secret',
				'dft_sandbox_full',
				'df_sandbox_shop',
			]) {
				if (stdout.includes(secret))
					throw new Error(`a secret (${secret}) appears in n8n's output`);
			}
			report(testCase.name);
		} catch (error) {
			report(testCase.name, error);
		}
	}
}

/** The trigger activated under `n8n start`: every order that arrives starts exactly one workflow run. */
async function activatedTrigger(line, env, sandbox, workDir) {
	const { makeOrder, prng } = require('../sandbox/seed');
	const random = prng(3);
	const workflow = triggerToSink(
		'triggerActive',
		'e2e activated trigger',
		triggerNode('trigger', 'Sendcloud Trigger', 'sendcloudTrigger', {
			event: 'newShipment',
			integrationId: rl(101),
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		}),
		{
			sandbox,
			jsonBody: '={{ JSON.stringify({ uuid: $json.shipment_uuid, execution: $execution.id }) }}',
		},
	);
	const file = runtime.writeJson(path.join(workDir, 'trigger.json'), workflow);
	await runtime.n8n(line, env, ['import:workflow', `--input=${file}`]);
	await activate(line, env, workflow.id);
	sandbox.reset();
	const port = await runtime.freePort();
	const server = await runtime.startN8n(line, env, port);
	const name = 'Sendcloud Trigger: activated, every arriving order starts exactly one run';
	try {
		const polls = () => sandbox.requests.filter((r) => r.path.endsWith('/shipments')).length;
		const waitFor = (what, condition, ms) => runtime.waitUntil(what, condition, ms, server);
		await waitFor('the activation poll', () => polls() >= 1, 60_000);
		const arrived = [];
		const add = (createdAt) =>
			arrived.push(
				sandbox.addShipment(
					101,
					makeOrder(random, { integrationId: 101, index: 800000 + arrived.length, createdAt }),
				).shipment_uuid,
			);
		const now = Date.now();
		for (let i = 0; i < 5; i++) add(now - (now % 1000)); // five on the same second
		await waitFor('the first orders to be reported', () => sandbox.sink.length >= 5, 90_000);
		add(Date.now() - 4 * 60_000); // visible late, with an older timestamp
		add(Date.now());
		await waitFor('the later orders to be reported', () => sandbox.sink.length >= 7, 90_000);
		const pollsSoFar = polls();
		await waitFor('one more poll', () => polls() > pollsSoFar, 90_000);
		await new Promise((r) => setTimeout(r, 3000));
		const reported = sandbox.sink.map((s) => s.uuid).sort();
		expect(reported, [...arrived].sort());
		expect(sandbox.violations, []);
		report(name);
	} catch (error) {
		report(name, error);
	}
	// Left active, it would poll at every later n8n start (the Parcel Event Trigger's check sees no v2 request).
	const owner = await runtime.ensureOwner(`http://127.0.0.1:${port}`).catch(() => undefined);
	if (owner) {
		const session = await runtime.signIn(`http://127.0.0.1:${port}`, owner).catch(() => undefined);
		await session?.post(`/rest/workflows/${workflow.id}/deactivate`, {}).catch(() => {});
	}
	server.child.kill('SIGTERM');
	await new Promise((r) => server.child.once('exit', r));
}

/**
 * The webhook trigger activated under `n8n start`: it registers itself on the integration, every
 * signed event starts exactly one run, every forged or altered call gets 401 and starts none, and
 * deactivating the workflow (as the editor does) puts the integration's settings back.
 */
async function activatedWebhookTrigger(line, env, sandbox, workDir) {
	const name =
		'Sendcloud Webhook Trigger: registers itself, one run per signed event, 401 and none for forged calls, the URL it found put back on deactivation';
	const workflow = triggerToSink(
		'webhookTrigger',
		'e2e webhook trigger',
		triggerNode(
			'hook',
			'Sendcloud Webhook Trigger',
			'sendcloudWebhookTrigger',
			{ integrationId: rl(101), events: ['parcel_status_changed'], options: {} },
			{ webhookId: '5e4dc10d-0000-4000-8000-00000000e2e0' },
		),
		{
			sandbox,
			jsonBody:
				'={{ JSON.stringify({ parcel: $json.parcel.id, status: $json.parcel.status.id, timestamp: $json.timestamp }) }}',
		},
	);
	const file = runtime.writeJson(path.join(workDir, 'webhook-trigger.json'), workflow);
	await runtime.n8n(line, env, ['import:workflow', `--input=${file}`]);
	await activate(line, env, workflow.id);
	sandbox.reset();
	const integration = () => sandbox.state.integrations.find((i) => i.id === 101);
	// A shop's own receiver, switched off: the trigger takes it over and must put it back on deactivation.
	// Only what it saved in the workflow's static data at activation knows that URL: n8n saves static data
	// only for workflow IDs it accepts (at most 16 characters in 1.x), and without it the URL would be lost.
	const shopReceiver = 'https://amsterdam.example.com/sendcloud-webhooks';
	Object.assign(integration(), { webhook_url: shopReceiver, webhook_active: false });
	const port = await runtime.freePort();
	const server = await runtime.startN8n(line, env, port);
	const waitFor = (what, condition, ms) => runtime.waitUntil(what, condition, ms, server);
	try {
		const hookUrl = `http://127.0.0.1:${port}/webhook/${workflow.nodes[0].webhookId}/webhook`;
		await waitFor(
			'the trigger to register its URL on the integration',
			() => integration().webhook_url === hookUrl && integration().webhook_active === true,
			60_000,
		);
		await waitFor('n8n to serve the webhook', webhookServed(hookUrl), 60_000);
		const signed = [];
		for (const parcel of [7001, 7002])
			for (let step = 0; step < 3; step++)
				signed.push(await sandbox.webhooks.moveParcel(101, parcel));
		const forged = [];
		for (const options of [
			{ signature: 'wrong-key' },
			{ tamper: 'flip-byte' },
			{ signature: 'missing' },
			{ tamper: 'empty-body' },
		]) {
			forged.push(await sandbox.webhooks.send(101, JSON.parse(signed[0].body), options));
		}
		forged.push(await sandbox.webhooks.replay(signed[5]));
		expect(
			signed.map((d) => d.status),
			[200, 200, 200, 200, 200, 200],
		);
		expect(
			forged.map((d) => d.status),
			[401, 401, 401, 401, 200],
		);
		const runs = () => sandbox.sink.filter((s) => s.parcel !== undefined);
		await waitFor('a run per signed event', () => runs().length >= signed.length, 90_000);
		await new Promise((r) => setTimeout(r, 3000)); // anything more would be a duplicate
		const ran = runs()
			.map((s) => `${s.parcel}:${s.status}:${s.timestamp}`)
			.sort();
		expect(
			ran,
			signed
				.map((d) => JSON.parse(d.body))
				.map((e) => `${e.parcel.id}:${e.parcel.status.id}:${e.timestamp}`)
				.sort(),
		);

		const session = await runtime.signIn(
			`http://127.0.0.1:${port}`,
			await runtime.ensureOwner(`http://127.0.0.1:${port}`),
		);
		await session.post(`/rest/workflows/${workflow.id}/deactivate`, {});
		await waitFor(
			'the integration to be put back',
			() => integration().webhook_active === false,
			30_000,
		);
		expect(
			{ webhook_url: integration().webhook_url, webhook_active: integration().webhook_active },
			{ webhook_url: shopReceiver, webhook_active: false },
		);
		expect(sandbox.violations, []);
		if (server.output().includes('sk_sandbox'))
			throw new Error("the API secret appears in n8n's output");
		report(name);
	} catch (error) {
		report(name, error);
	} finally {
		server.child.kill('SIGTERM');
		await new Promise((r) => server.child.once('exit', r));
	}
}

(async () => {
	runtime.ensureBuilt();
	const workRoot = runtime.scratchFolder('n8n-e2e-');
	const tarball = runtime.packPackage(workRoot);
	const sandbox = createSandbox();
	await sandbox.listen();
	try {
		for (const lineNumber of lines) {
			const line = runtime.installN8n(lineNumber);
			const workDir = runtime.scratchFolder(`n8n-e2e-${line.version}-`);
			console.log(
				`\nn8n ${line.version} (Node ${lineNumber === 2 ? '24' : process.versions.node.split('.')[0]}), package installed as a community package`,
			);
			runtime.installAsCommunityPackage(workDir, tarball);
			// Files inline in the run data, so that `n8n execute --rawOutput` shows the labels it made.
			const env = await runtime.environment(line, workDir, {
				N8N_DEFAULT_BINARY_DATA_MODE: 'default',
			});
			const credentials = runtime.writeJson(
				path.join(workDir, 'credentials.json'),
				runtime.sandboxCredentials(sandbox),
			);
			await runtime.n8n(line, env, ['import:credentials', `--input=${credentials}`]);
			await executeCases(line, env, sandbox, workDir);
			if (!skipTrigger) {
				await activatedTrigger(line, env, sandbox, workDir);
				await activatedWebhookTrigger(line, env, sandbox, workDir);
				await activatedDataFastTrigger({ line, env, sandbox, workDir, activate, report, expect });
				await activatedEventTrigger(line, env, sandbox, workDir, { report, activate });
			}
		}
	} finally {
		await sandbox.close();
	}
	if (failures.length) console.log(`\nFailures:\n- ${failures.join('\n- ')}`);
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
})().catch((error) => {
	console.error(error);
	console.log(`\n${passed} passed, ${failed + 1} failed`);
	process.exit(1);
});
