#!/usr/bin/env node
'use strict';
// Benchmark: importing N orders into the sandbox with Sendcloud's published limits enforced
// (GET 1000/min; writes 100/min with at most 15 in any second), done two ways in the same process:
//   1. the Sendcloud node's Create or Update, run by n8n-core's engine;
//   2. the way users do it without this package: one HTTP request per order, as n8n's HTTP Request
//      node sends them (all items at once, no retry), counting what was accepted and refused.
// Prints figures and ratios; asserts nothing. Usage: npm run bench [-- --orders 10000]
require('./register-ts');

const { BURST, PER_MINUTE, floorSeconds } = require('./limits');

const { createSandbox } = require('../test/sandbox/server');
const engine = require('../test/helpers/engine.ts');
const { orders } = require('../test/helpers/orders.ts');

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--orders') + 1] || 10_000) || 10_000;
const SOCKETS = 64;

function heapMb() {
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function runNode(sandbox, input) {
	engine.credentialsHelper.set('sendcloudApi', {
		publicKey: 'pk_sandbox',
		secretKey: 'sk_sandbox',
		baseUrl: sandbox.sendcloudBaseUrl,
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
	const heapBefore = heapMb();
	const started = process.hrtime.bigint();
	const { json, error } = await engine.runNode(node, input);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (error) throw error;
	const posts = sandbox.requests.filter((r) => r.method === 'POST');
	return {
		seconds,
		requests: posts.length,
		rejected429: posts.filter((r) => r.status === 429).length,
		created: json.filter((o) => o.status === 'created').length,
		reportedErrors: json.filter((o) => o.error).length,
		heapDeltaMb: heapMb() - heapBefore,
	};
}

async function runOneRequestPerOrder(sandbox, input) {
	const auth = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;
	const started = process.hrtime.bigint();
	let shownAsSuccess = 0;
	let refusedInside200 = 0;
	const answers = [];
	let next = 0;
	const sendOne = async (order) => {
		const response = await fetch(`${sandbox.sendcloudBaseUrl}/integrations/101/shipments`, {
			method: 'POST',
			headers: { Authorization: auth, 'Content-Type': 'application/json' },
			body: JSON.stringify([order]),
		});
		const body = await response.json().catch(() => null);
		if (response.ok) {
			shownAsSuccess++;
			if (Array.isArray(body) && body[0]?.status === 'error') refusedInside200++;
		}
		return response.status;
	};
	// Many requests in flight at once, bounded like an HTTP agent's socket pool.
	await Promise.all(
		Array.from({ length: SOCKETS }, async () => {
			while (next < input.length) answers.push(await sendOne(input[next++]));
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return {
		seconds,
		requests: answers.length,
		rejected429: answers.filter((s) => s === 429).length,
		shownAsSuccess,
		refusedInside200,
		accepted: shownAsSuccess - refusedInside200,
	};
}

/** Orders as a shop sends them, one in a hundred with an address the API refuses. */
function shopOrders() {
	return orders(count).map((order, i) =>
		i % 100 === 42 ? { ...order, email: 'not-an-email' } : order,
	);
}

/** The same orders in the API's exact shape, as a user would have to build them for the HTTP Request node. */
function apiShaped(input) {
	const { prepareOrder } = require('../nodes/Sendcloud/actions/order/prepare.ts');
	return input.map((order) => prepareOrder(order).order);
}

(async () => {
	const sandbox = createSandbox({ rateLimits: true });
	await sandbox.listen();
	try {
		const input = shopOrders();
		const node = await runNode(sandbox, input);
		const nodeFloor = floorSeconds(Math.ceil(count / 100));

		sandbox.reset();
		// Let the quota of the first run drain, so that both start from a fresh minute.
		await new Promise((r) => setTimeout(r, 61_000));
		const baseline = await runOneRequestPerOrder(sandbox, apiShaped(input));
		const baselineFloor = floorSeconds(count);

		const row = (label, value) => console.log(`${label.padEnd(58)} ${value}`);
		console.log(
			`\nImport of ${count} orders, Sendcloud limits enforced (writes: ${PER_MINUTE}/min, ${BURST}/s)\n`,
		);
		console.log('Sendcloud node, Create or Update (n8n-core engine)');
		row('  requests', node.requests);
		row('  wall time', `${node.seconds.toFixed(2)} s`);
		row('  HTTP 429 provoked', node.rejected429);
		row('  orders created', node.created);
		row('  orders reported as failed, each on its own item', node.reportedErrors);
		row('  rate-limit floor for its requests', `${nodeFloor.toFixed(2)} s`);
		row('  wall time / floor', `${(node.seconds / Math.max(nodeFloor, 1e-9)).toFixed(3)}x`);
		row('  heap growth during the run', `${node.heapDeltaMb.toFixed(1)} MB`);
		console.log(
			`\nOne HTTP request per order (as the HTTP Request node sends them: ${SOCKETS} in flight, no retry)`,
		);
		row('  requests', baseline.requests);
		row('  wall time', `${baseline.seconds.toFixed(2)} s`);
		row('  rejected with HTTP 429', baseline.rejected429);
		row('  shown as success (HTTP 200)', baseline.shownAsSuccess);
		row('  of those, refused inside the 200', baseline.refusedInside200);
		row('  orders actually accepted', baseline.accepted);
		row('  rate-limit floor to get all of them in', `${(baselineFloor / 60).toFixed(1)} min`);
		console.log('\nRatios');
		row('  requests, one-per-order / node', `${(baseline.requests / node.requests).toFixed(1)}x`);
		row(
			'  orders accepted, node / one-per-order',
			`${(node.created / Math.max(1, baseline.accepted)).toFixed(1)}x`,
		);
		row(
			'  least time for all orders, one-per-order floor / node',
			`${(baselineFloor / node.seconds).toFixed(0)}x`,
		);
	} finally {
		await sandbox.close();
		engine.stopEngineTimers();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
