#!/usr/bin/env node
'use strict';
// The Sendcloud Parcel Event Trigger activated under `n8n start` (`n8n execute` never runs triggers): it registers a
// connection and a subscription in Sendcloud's Event Subscriptions, every authenticated parcel event starts exactly
// one run, forged calls get 401 and start none, a repeat starts none, the shop integration's webhook settings stay
// untouched, and deactivating the workflow (as the editor does) deletes the connection and the subscription.
// run.js calls it after the other triggers; alone: node test/e2e/eventTrigger.js [--lines 2,1]. Workflow IDs of at most
// 16 characters: n8n saves static data (the token) only for IDs it considers valid (1.x: ≤ 16, 2.x: ≤ 21).
const path = require('path');
const { isDeepStrictEqual } = require('util');

const runtime = require('../../scripts/n8n-runtime');
const { triggerNode, triggerToSink, v3Shipment, webhookServed } = require('./workflowKit');

const WEBHOOK_ID = '5e4dc10d-0000-4000-8000-0000e7e2e0e7';
const NAME =
	'Sendcloud Parcel Event Trigger: registers a connection and subscription, one run per authenticated event, 401 and none for forged calls, integration webhook untouched, removed on deactivation';

function expectEqual(actual, expected, what) {
	if (!isDeepStrictEqual(actual, expected))
		throw new Error(
			`${what}: expected ${JSON.stringify(expected)}\n      got      ${JSON.stringify(actual)?.slice(0, 600)}`,
		);
}

function workflowFor(sandbox) {
	return triggerToSink(
		'parcelEvents',
		'e2e parcel event trigger',
		triggerNode(
			'events',
			'Sendcloud Parcel Event Trigger',
			'sendcloudParcelEventTrigger',
			{ phases: ['in_transit', 'delivered'], options: {} },
			{ webhookId: WEBHOOK_ID },
		),
		{
			sandbox,
			jsonBody:
				'={{ JSON.stringify({ parcelEvent: $json.data.parcel.parcel_id, phase: $json.data.event.phase, execution: $execution.id }) }}',
		},
	);
}

/** The check; `report(name, error?)` records it, `activate(line, env, id)` publishes a workflow (workflowKit's). */
async function activatedEventTrigger(line, env, sandbox, workDir, { report, activate }) {
	const workflow = workflowFor(sandbox);
	const file = runtime.writeJson(path.join(workDir, 'parcel-event-trigger.json'), workflow);
	await runtime.n8n(line, env, ['import:workflow', `--input=${file}`]);
	await activate(line, env, workflow.id);
	sandbox.reset();
	const events = sandbox.v3.events;
	const integrations = () =>
		sandbox.state.integrations.map(({ id, webhook_url, webhook_active }) => ({
			id,
			webhook_url,
			webhook_active,
		}));
	const before = integrations();
	const port = await runtime.freePort();
	const server = await runtime.startN8n(line, env, port);
	const waitFor = (what, condition, ms) => runtime.waitUntil(what, condition, ms, server);
	try {
		const hookUrl = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/parcel-events`;
		await waitFor(
			'the trigger to register its connection and subscription',
			() =>
				events.connections().some((c) => c.configuration.url === hookUrl) &&
				events.subscriptions().length === 1,
			60_000,
		);
		const [connection] = events.connections();
		expectEqual(connection.configuration.auth_type, 'bearer', 'auth type');
		expectEqual(
			connection.configuration.extra_headers['X-N8n-Trigger'],
			`n8n:${WEBHOOK_ID}`,
			'tag',
		);
		await waitFor('n8n to serve the webhook', webhookServed(hookUrl), 60_000);
		// A parcel that moves: ready to send (filtered out), in transit, delivered.
		const [shipment] = sandbox.v3.seedShipments([
			v3Shipment('e2e-parcel-events', { weight: '0.500' }),
		]);
		await events.settled();
		for (let step = 0; step < 2; step++) {
			sandbox.v3.advanceParcels({ shipmentId: shipment.id });
			await events.settled();
		}
		const real = events.deliveries.filter((d) => d.kind === 'event');
		expectEqual(
			real.map((d) => d.status),
			[200, 200, 200],
			'authenticated deliveries',
		);
		const payload = JSON.parse(real[2].body);
		const forged = [
			await events.send(connection.id, payload, { auth: 'wrong-token' }),
			await events.send(connection.id, payload, { auth: 'missing' }),
			await events.send(connection.id, payload, { auth: 'basic' }),
		];
		const repeat = await events.replay(real[2]);
		expectEqual(
			[...forged.map((d) => d.status), repeat.status],
			[401, 401, 401, 200],
			'forged calls, then a repeat',
		);
		const runs = () => sandbox.sink.filter((s) => s.parcelEvent !== undefined);
		await waitFor('a run per wanted event', () => runs().length >= 2, 90_000);
		await new Promise((r) => setTimeout(r, 3000)); // anything more would be a forged call or a repeat
		const parcelId = shipment.parcels[0].id;
		expectEqual(
			runs().map((s) => `${s.parcelEvent}:${s.phase}`),
			[`${parcelId}:in_transit`, `${parcelId}:delivered`],
			'runs',
		);
		expectEqual(integrations(), before, "the integrations' webhook settings");
		expectEqual(
			sandbox.requests.filter((r) => r.path.startsWith('/api/v2')).map((r) => r.path),
			[],
			'v2 requests',
		);

		const session = await runtime.signIn(
			`http://127.0.0.1:${port}`,
			await runtime.ensureOwner(`http://127.0.0.1:${port}`),
		);
		// Listen for Test Event, as the editor starts it: the test URL gets a connection of its own and Sendcloud's
		// broadcast test event arrives and runs the workflow (the filters do not apply to it).
		// n8n 1.x wants the workflow in the request, as the editor sends it; 2.x takes it too.
		const stored = (await session.get(`/rest/workflows/${workflow.id}`)).data;
		const listening = await session.post(`/rest/workflows/${workflow.id}/run`, {
			workflowData: stored,
			triggerToStartFrom: { name: 'Sendcloud Parcel Event Trigger' },
		});
		if (!listening.data?.waitingForWebhook)
			throw new Error(`the test listen did not start: ${JSON.stringify(listening).slice(0, 300)}`);
		const testUrl = hookUrl.replace('/webhook/', '/webhook-test/');
		await waitFor(
			"the test event's run",
			() => runs().some((s) => s.parcelEvent === 12345678),
			60_000,
		);
		const test = events.deliveries.find((d) => d.kind === 'test');
		expectEqual([test.url, test.status], [testUrl, 200], 'the test event');
		await waitFor(
			'the test connection to be removed once the test run started',
			() => events.connections().every((c) => c.configuration.url !== testUrl),
			30_000,
		);
		expectEqual(events.connections().length, 1, 'connections after the test listen');
		await session.post(`/rest/workflows/${workflow.id}/deactivate`, {});
		await waitFor(
			'the connection and subscription to be deleted',
			() => events.connections().length === 0 && events.subscriptions().length === 0,
			30_000,
		);
		expectEqual(sandbox.violations, [], 'spec violations');
		const token = connection.configuration.auth_config.token;
		if (server.output().includes(token) || JSON.stringify(sandbox.sink).includes(token))
			throw new Error("the bearer token appears in n8n's output");
		if (server.output().includes('sk_sandbox'))
			throw new Error("the API secret appears in n8n's output");
		report(NAME);
	} catch (error) {
		report(NAME, error);
	} finally {
		server.child.kill('SIGTERM');
		await new Promise((r) => server.child.once('exit', r));
	}
}

module.exports = { activatedEventTrigger };

if (require.main === module) {
	const { createSandbox } = require('../sandbox/server');
	const { activate } = require('./workflowKit');
	const args = process.argv.slice(2);
	const lines = (args.includes('--lines') ? args[args.indexOf('--lines') + 1] : '2')
		.split(',')
		.map(Number);
	const failures = [];
	const report = (name, error) => {
		if (error) failures.push(name);
		console.log(error ? `  ✗ ${name}\n      ${error.message}` : `  ✓ ${name}`);
	};
	(async () => {
		runtime.ensureBuilt();
		const workRoot = runtime.scratchFolder('n8n-e2e-events-');
		const tarball = runtime.packPackage(workRoot);
		const sandbox = createSandbox();
		await sandbox.listen();
		try {
			for (const lineNumber of lines) {
				const line = runtime.installN8n(lineNumber);
				const workDir = runtime.scratchFolder(`n8n-e2e-events-${line.version}-`);
				console.log(`\nn8n ${line.version}, package installed as a community package`);
				runtime.installAsCommunityPackage(workDir, tarball);
				const env = await runtime.environment(line, workDir);
				const credentials = runtime.writeJson(
					path.join(workDir, 'credentials.json'),
					runtime.sandboxCredentials(sandbox),
				);
				await runtime.n8n(line, env, ['import:credentials', `--input=${credentials}`]);
				await activatedEventTrigger(line, env, sandbox, workDir, { report, activate });
			}
		} finally {
			await sandbox.close();
		}
		process.exit(failures.length ? 1 : 0);
	})().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
