#!/usr/bin/env node
'use strict';
// Benchmark: one Sendcloud account's quota shared by independent processes, as n8n workers in queue
// mode share it. Each child process imports its own orders with the Sendcloud node's Create or Update
// (n8n-core engine, same credential), against one sandbox in this process that enforces Sendcloud's
// write limits (100/min, 15 in any second) for the account. The processes do not talk to each other:
// each learns of the others only through 429s. Prints figures and ratios; asserts nothing.
// Usage: node bench/shared-quota.js [--processes 2] [--orders 5000]   (orders per process)
const { fork } = require('child_process');

const args = process.argv.slice(2);
const option = (name, fallback) => Number(args[args.indexOf(`--${name}`) + 1]) || fallback;

if (process.env.SHARED_QUOTA_CHILD) {
	require('./register-ts');
	const engine = require('../test/helpers/engine.ts');
	const { orders } = require('../test/helpers/orders.ts');
	process.once('message', async ({ baseUrl, count, from }) => {
		engine.credentialsHelper.set('sendcloudApi', {
			publicKey: 'pk_sandbox',
			secretKey: 'sk_sandbox',
			baseUrl,
		});
		const node = engine.makeNode(
			'sendcloud',
			{
				resource: 'shipment',
				operation: 'upsert',
				integrationId: { __rl: true, mode: 'id', value: '101' },
				dataMode: 'autoMapInputData',
			},
			{ onError: 'continueRegularOutput' },
		);
		const started = Date.now();
		const { json, error } = await engine.runNode(node, orders(count, from));
		const statuses = {};
		for (const outcome of json) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
		process.send({
			seconds: (Date.now() - started) / 1000,
			items: json.length,
			statuses,
			error: error?.message,
		});
		engine.stopEngineTimers();
		process.disconnect();
	});
	return;
}

const { createSandbox } = require('../test/sandbox/server');
const { BURST, PER_MINUTE, floorSeconds } = require('./limits');

const processes = option('processes', 2);
const perProcess = option('orders', 5000);

function runChild(baseUrl, from) {
	const child = fork(__filename, [], { env: { ...process.env, SHARED_QUOTA_CHILD: '1' } });
	return new Promise((resolve, reject) => {
		child.once('message', resolve);
		child.once('exit', (code) => code && reject(new Error(`import process exited with ${code}`)));
		child.send({ baseUrl, count: perProcess, from });
	});
}

(async () => {
	const sandbox = createSandbox({ rateLimits: true });
	await sandbox.listen();
	try {
		const results = await Promise.all(
			Array.from({ length: processes }, (_, p) =>
				runChild(sandbox.sendcloudBaseUrl, p * perProcess),
			),
		);
		const posts = sandbox.requests.filter((r) => r.method === 'POST');
		const accepted = posts.filter((r) => r.status === 200);
		const stored = sandbox.state.shipments.get(101).filter((s) => s.external_order_id >= 900000);
		const distinct = new Set(stored.map((s) => s.external_order_id));
		const seconds =
			(Math.max(...posts.map((r) => r.at)) - Math.min(...posts.map((r) => r.at))) / 1000;
		const floor = floorSeconds(accepted.length);
		const row = (label, value) => console.log(`${label.padEnd(52)} ${value}`);
		console.log(
			`\n${processes} processes, one account, ${perProcess} orders each (writes: ${PER_MINUTE}/min, ${BURST}/s enforced)\n`,
		);
		results.forEach((r, p) =>
			row(
				`  process ${p + 1}: items out / time`,
				`${r.items} / ${r.seconds.toFixed(2)} s ${JSON.stringify(r.statuses)}${r.error ? ` error: ${r.error}` : ''}`,
			),
		);
		row(
			'  write requests (accepted + 429)',
			`${posts.length} (${accepted.length} + ${posts.length - accepted.length})`,
		);
		row(
			'  HTTP 429 provoked, share of requests',
			`${posts.length - accepted.length} (${((100 * (posts.length - accepted.length)) / posts.length).toFixed(1)} %)`,
		);
		row(
			'  orders stored / distinct / expected',
			`${stored.length} / ${distinct.size} / ${processes * perProcess}`,
		);
		row('  first to last request at the server', `${seconds.toFixed(2)} s`);
		row('  rate-limit floor for the accepted requests', `${floor.toFixed(2)} s`);
		row('  time / floor', `${(seconds / Math.max(floor, 1e-9)).toFixed(3)}x`);
	} finally {
		await sandbox.close();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
