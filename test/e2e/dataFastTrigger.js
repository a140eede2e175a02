'use strict';
// The DataFast Trigger activated under `n8n start` (run by run.js): three triggers of one workflow poll the
// sandbox's DataFast website every minute; a provider disconnecting, reconnecting and a Paddle key nearing
// expiry each start exactly one run, and the editor's "Fetch Test Event" returns the current state as a sample.
const path = require('path');

const runtime = require('../../scripts/n8n-runtime');
const { runManually } = require('../../scripts/demo-check');
const { DATAFAST, triggerNode, triggerToSink } = require('./workflowKit');

const WEBSITE = '66f1c0ffee0123456789abcd';
const DAY_MS = 24 * 3600_000;

/** A DataFast Trigger on the sandbox's website, polling every minute; its ID is its name without spaces. */
function dataFastTriggerNode(name, parameters, y) {
	return triggerNode(
		name.replace(/\W/g, ''),
		name,
		'dataFastTrigger',
		{ websiteId: WEBSITE, ...parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
		{ credentials: DATAFAST, position: [0, y] },
	);
}

function workflowFor(sandbox) {
	return triggerToSink(
		'dataFastTrigger',
		'e2e DataFast trigger',
		[
			dataFastTriggerNode('Disconnected', { event: 'providerDisconnected' }, 0),
			dataFastTriggerNode('Reconnected', { event: 'providerReconnected' }, 200),
			dataFastTriggerNode('Paddle Key', { event: 'paddleKeyExpiring', withinDays: 7 }, 400),
		],
		{
			sandbox,
			jsonBody:
				'={{ JSON.stringify({ datafast: $json.event, provider: $json.provider ?? null, keyExpiresAt: $json.keyExpiresAt ?? null, execution: $execution.id }) }}',
			reportPosition: [300, 200],
		},
	);
}

async function activatedDataFastTrigger({ line, env, sandbox, workDir, activate, report, expect }) {
	const name =
		'DataFast Trigger: activated, a disconnect, a reconnect and an expiring Paddle key each start exactly one run; Fetch Test Event gives a sample';
	const workflow = workflowFor(sandbox);
	const file = runtime.writeJson(path.join(workDir, 'datafast-trigger.json'), workflow);
	await runtime.n8n(line, env, ['import:workflow', `--input=${file}`]);
	await activate(line, env, workflow.id);
	sandbox.reset();
	const port = await runtime.freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = await runtime.startN8n(line, env, port);
	const waitFor = (what, condition, ms) => runtime.waitUntil(what, condition, ms, server);
	const polls = () =>
		sandbox.requests.filter((r) => r.path.endsWith(`/websites/${WEBSITE}/integrations`)).length;
	const pollRound = async (what) => {
		const before = polls();
		await waitFor(what, () => polls() >= before + 3, 90_000);
	};
	let session;
	try {
		await waitFor('the activation polls', () => polls() >= 3, 60_000);
		session = await runtime.signIn(url, await runtime.ensureOwner(url));

		// Fetch Test Event, as the editor runs it: the current state, and nothing fired for real. The run
		// endpoint takes `triggerToStartFrom` alone in n8n 2.x (1.x wants the workflow in the body too).
		let manualRun;
		if (line.line === 2) {
			manualRun = await runManually(session, line, workflow, 'Disconnected');
			expect(manualRun.status, 'success');
			const sample = manualRun.runData.Disconnected[0].data.main[0].map((item) => item.json);
			expect(
				sample.map((s) => [s.event, s.provider, s.connected, s.connectedProviders]),
				[['disconnected', 'lemonSqueezy', false, ['stripe', 'paddle']]],
			);
		}
		const fired = () =>
			sandbox.sink
				.filter(
					(s) => s.datafast !== undefined && String(s.execution) !== String(manualRun?.executionId),
				)
				.map((s) => [s.datafast, s.provider ?? s.keyExpiresAt]);

		const expiry = new Date(Date.now() + 3 * DAY_MS).toISOString();
		sandbox.dataFast.setConnected(WEBSITE, 'stripe', false);
		sandbox.dataFast.setPaddleKeyExpiry(WEBSITE, expiry);
		await pollRound('every trigger to poll after the disconnect');
		await waitFor('the disconnect and the key to be reported', () => fired().length >= 2, 30_000);
		sandbox.dataFast.setConnected(WEBSITE, 'stripe', true);
		await pollRound('every trigger to poll after the reconnect');
		await waitFor('the reconnect to be reported', () => fired().length >= 3, 30_000);
		// That round was also the second look at the disconnect and the key: anything more is a duplicate.
		await new Promise((r) => setTimeout(r, 3000));
		expect(fired().sort(), [
			['disconnected', 'stripe'],
			['paddleKeyExpiring', expiry],
			['reconnected', 'stripe'],
		]);
		if (server.output().includes('dft_sandbox_full'))
			throw new Error("the DataFast token appears in n8n's output");
		report(name);
	} catch (error) {
		report(name, error);
	} finally {
		// Leave nothing polling for the runs after this one.
		await session?.post(`/rest/workflows/${workflow.id}/deactivate`, {}).catch(() => {});
		server.child.kill('SIGTERM');
		await new Promise((r) => server.child.once('exit', r));
	}
}

module.exports = { activatedDataFastTrigger };
