#!/usr/bin/env node
'use strict';
// Benchmark: big lists, read back from the sandbox.
//   1. Orders → Get Many with Return All over one integration holding N orders, run by n8n-core's
//      engine, next to a raw keep-alive HTTP loop that walks exactly the same pages (the sandbox's
//      page size, following `next`) and parses them: wall times, node/raw ratio, the payload, and the
//      memory each run needed. Simplify off (whole orders, as the raw loop has them), then on.
//   2. The Sendcloud Trigger, New Order: a first poll sets the cursor over E existing orders, M orders
//      arrive, and one poll fetches them: its requests, the items it emits and its time.
// The sandbox runs in a child process, so that this process's heap, GC and CPU hold only the client
// measured; the child reports the CPU it spent answering, which is part of both wall times.
// Prints figures and ratios; asserts nothing. Usage: node bench/lists.js [--orders 50000] [--existing 10000] [--new 10]
const { fork } = require('child_process');
const http = require('http');
const v8 = require('v8');
const vm = require('vm');

const SERVE = '--serve-sandbox';
const INTEGRATION = 101;
const SAMPLE_MS = 5;
const SETTLE_TURNS = 5;
const PAIRS = 3;

/** The child: the sandbox seeded with `seedOptions`, answering the parent's questions over IPC. */
function serveSandbox(seedOptions) {
	const { createSandbox } = require('../test/sandbox/server');
	const { makeOrder, prng } = require('../test/sandbox/seed');
	const sandbox = createSandbox({ seed: seedOptions });
	const random = prng(11);
	let from = 0;
	let cpuAtMark = process.cpuUsage();
	const answers = {
		mark() {
			from = sandbox.requests.length;
			cpuAtMark = process.cpuUsage();
			return {};
		},
		report() {
			const cpu = process.cpuUsage(cpuAtMark);
			const requests = sandbox.requests
				.slice(from)
				.map((r) => `${r.method} ${r.path}${r.query} ${r.status}`);
			return {
				sandboxCpuSeconds: (cpu.user + cpu.system) / 1e6,
				requests,
				violations: sandbox.violations.length,
			};
		},
		/** Orders Sendcloud created after every stored one, a minute apart. */
		arrive({ count }) {
			const stored = sandbox.state.shipments.get(INTEGRATION);
			const newest = stored.reduce((max, s) => Math.max(max, Date.parse(s.created_at)), 0);
			for (let i = 1; i <= count; i++) {
				const createdAt = newest + i * 60_000;
				sandbox.addShipment(
					INTEGRATION,
					makeOrder(random, { integrationId: INTEGRATION, index: 900_000 + i, createdAt }),
				);
			}
			return {};
		},
	};
	process.on('message', ({ id, ask, ...args }) => process.send({ id, ...answers[ask](args) }));
	process.on('disconnect', () => void sandbox.close());
	void sandbox.listen().then(() => process.send({ id: 0, baseUrl: sandbox.sendcloudBaseUrl }));
}

/** Starts the sandbox child; resolves once it listens, with `ask(question, args)` to talk to it. */
function startSandbox(seedOptions) {
	const child = fork(__filename, [SERVE, JSON.stringify(seedOptions)], { stdio: 'inherit' });
	const waiting = new Map();
	let lastId = 0;
	child.on('message', ({ id, ...answer }) => {
		waiting.get(id)?.resolve(answer);
		waiting.delete(id);
	});
	child.on('exit', (code) => {
		for (const { reject } of waiting.values())
			reject(new Error(`The sandbox exited (code ${code})`));
		waiting.clear();
	});
	const ask = (question, args = {}) =>
		new Promise((resolve, reject) => {
			waiting.set(++lastId, { resolve, reject });
			child.send({ id: lastId, ask: question, ...args });
		});
	return new Promise((resolve, reject) => {
		// Disconnecting lets the child close the sandbox and end; one that already ended has nothing to stop.
		const stop = () => child.connected && child.disconnect();
		waiting.set(0, { resolve: ({ baseUrl }) => resolve({ baseUrl, ask, stop }), reject });
	});
}

// A collected heap before each run, so that the growth measured is the run's, not earlier garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** V8 heap plus memory outside it held by JS objects (Buffers included: arrayBuffers is part of external). */
function heldBytes() {
	const { heapUsed, external } = process.memoryUsage();
	return heapUsed + external;
}

/**
 * Collects garbage until a finished run's leftovers are gone: what the engine leaves to the event loop
 * (sockets closing) keeps a whole execution reachable for a few turns, and a single gc() right after
 * a run would count it in the next run's baseline.
 */
async function settle() {
	for (let turn = 0; turn < SETTLE_TURNS; turn++) {
		await new Promise((resolve) => setTimeout(resolve, 5));
		gc();
	}
}

/**
 * Runs `work` and measures it. Memory is taken against a collected baseline: `peak` is the highest
 * heap + external seen, sampled every SAMPLE_MS and, through V8's GC profiler, just before every
 * collection (where the heap is at its highest; a sampler alone misses what a long synchronous
 * stretch allocates), so garbage not yet collected counts; `held` is what remains once collected
 * after the run, its result still referenced; `rss` is the growth of the resident set, sampled
 * (allocator slack included, and pages freed by earlier runs and not yet returned make it smaller).
 * `cpuSeconds` is this process's CPU, GC threads included.
 */
async function measured(work) {
	await settle();
	const base = heldBytes();
	const baseRss = process.memoryUsage.rss();
	let peak = base;
	let peakRss = baseRss;
	const sample = () => {
		peak = Math.max(peak, heldBytes());
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	};
	const sampler = setInterval(sample, SAMPLE_MS);
	const profiler = new v8.GCProfiler();
	profiler.start();
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const value = await work();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = process.cpuUsage(cpuBefore);
	sample();
	clearInterval(sampler);
	for (const { beforeGC } of profiler.stop().statistics) {
		peak = Math.max(
			peak,
			beforeGC.heapStatistics.usedHeapSize + beforeGC.heapStatistics.externalMemory,
		);
	}
	await settle();
	const held = heldBytes() - base;
	return {
		value,
		seconds,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		peak: peak - base,
		held,
		rss: peakRss - baseRss,
	};
}

function get(url, agent, headers) {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent, headers }, (response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					if (response.statusCode === 200) resolve(Buffer.concat(chunks));
					else reject(new Error(`HTTP ${response.statusCode} for ${url}`));
				});
			})
			.on('error', reject);
	});
}

/** The raw loop: one keep-alive connection, every page parsed and its orders kept, as a script would. */
async function rawWalk(baseUrl, maxPages) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const headers = {
		Authorization: `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`,
		Accept: 'application/json',
	};
	const orders = [];
	let bytes = 0;
	let url = `${baseUrl}/integrations/${INTEGRATION}/shipments`;
	for (let page = 0; url && page < maxPages; page++) {
		const body = await get(url, agent, headers);
		bytes += body.length;
		const { results, next } = JSON.parse(body.toString('utf8'));
		for (const order of results) orders.push(order);
		url = next;
	}
	agent.destroy();
	return { count: orders.length, bytes, orders };
}

async function main() {
	require('./register-ts');
	require('./limits'); // for its scratch n8n user folder
	const engine = require('../test/helpers/engine.ts');

	const args = process.argv.slice(2);
	const option = (name, fallback) =>
		args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
	const count = option('--orders', 50_000);
	const existing = option('--existing', 10_000);
	const arriving = option('--new', 10);
	const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	const row = (label, value) => console.log(`${label.padEnd(58)} ${value}`);

	const lists = await startSandbox({ orders: count, ordersOf: INTEGRATION });
	engine.credentialsHelper.set('sendcloudApi', {
		publicKey: 'pk_sandbox',
		secretKey: 'sk_sandbox',
		baseUrl: lists.baseUrl,
	});
	let nodeRuns = 0;
	const nodeList = async (simplify) => {
		// The node keeps to the read quota (1,000 a minute per account): a walk of 500 pages fits in it,
		// the walks after it in the same minute would wait. Each run lists as an account of its own.
		const credentials = { sendcloudApi: { id: `bench-lists-${++nodeRuns}`, name: 'Sendcloud' } };
		const parameters = {
			resource: 'shipment',
			operation: 'getAll',
			integrationId: { __rl: true, mode: 'id', value: String(INTEGRATION) },
			returnAll: true,
			simplify,
		};
		const { items, error } = await engine.runNode(
			engine.makeNode('sendcloud', parameters, { credentials }),
		);
		if (error) throw error;
		return { count: items.length, items };
	};
	/** One measured run, with the pages the sandbox served for it and the CPU it spent on them. */
	const run = async (label, work) => {
		await lists.ask('mark');
		const { value, ...figures } = await measured(work);
		return {
			label,
			...figures,
			count: value.count,
			bytes: value.bytes,
			...(await lists.ask('report')),
		};
	};

	try {
		// The first page tells the page size, and so how many pages bound a walk whatever `next` says.
		const pageSize = (await rawWalk(lists.baseUrl, 1)).count;
		const maxPages = Math.ceil(count / pageSize) + 1;
		// A walk of each, not measured: the sandbox's first walk (its list sorted, its code not yet
		// optimised) is slower, and each client's first one compiles its code. What warm-up remains
		// favours whichever runs second, and this machine's other work comes and goes: the two run in
		// pairs, in turn first, and the ratios are taken per pair, of the medians and of the best.
		await rawWalk(lists.baseUrl, maxPages);
		await nodeList(false);
		const walks = { raw: () => rawWalk(lists.baseUrl, maxPages), node: () => nodeList(false) };
		const runs = [];
		for (let pair = 0; pair < PAIRS; pair++) {
			for (const label of pair % 2 ? ['node', 'raw'] : ['raw', 'node'])
				runs.push(await run(label, walks[label]));
		}
		const simplified = await run('node, Simplify on', () => nodeList(true));

		const raws = runs.filter((r) => r.label === 'raw');
		const nodes = runs.filter((r) => r.label === 'node');
		const payload = raws[0].bytes;
		const samePages = runs.every((r) => r.requests.join('\n') === raws[0].requests.join('\n'));
		console.log(
			`\nGet Many, Return All: ${count} orders of one integration, ${pageSize} a page (sandbox in its own process)\n`,
		);
		row(
			'  pages (requests), each run',
			runs.map((r) => r.requests.length).join(', ') +
				(samePages ? ' (the same pages)' : ' (NOT the same pages)'),
		);
		row('  orders returned, each run', runs.map((r) => r.count).join(', '));
		row(
			'  payload (JSON bodies received)',
			`${mb(payload)} (${(payload / count).toFixed(0)} bytes an order)`,
		);
		console.log(
			'\n  run                    wall time   CPU here   sandbox CPU     peak heap+external   held after   peak RSS',
		);
		for (const r of [...runs, simplified]) {
			const cells = [
				`${r.seconds.toFixed(2)} s`.padStart(9),
				`${r.cpuSeconds.toFixed(2)} s`.padStart(10),
				`${r.sandboxCpuSeconds.toFixed(2)} s`.padStart(13),
				`${mb(r.peak)} (${(r.peak / payload).toFixed(2)}x)`.padStart(20),
				mb(r.held).padStart(12),
				mb(r.rss).padStart(10),
			];
			console.log(`  ${r.label.padEnd(20)} ${cells.join(' ')}`);
		}
		console.log(
			'  Memory is over a collected baseline, (x) times the payload. Peak: the highest heap + external',
		);
		console.log(
			`  (Buffers included), sampled every ${SAMPLE_MS} ms and before each GC, garbage not yet collected included.`,
		);
		console.log(
			'  Held: what remains once collected, the output still referenced. Peak RSS: resident set growth, sampled.',
		);
		console.log(
			'  CPU here: this process (the client), GC threads included; sandbox CPU: the sandbox process, answering.',
		);
		const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
		const best = (list, figure) => Math.min(...list.map(figure));
		const median = (list, figure) =>
			list.map(figure).sort((a, b) => a - b)[Math.floor(list.length / 2)];
		const wall = (r) => r.seconds;
		const cpu = (r) => r.cpuSeconds;
		console.log('\nRatios (goals: node / raw <= 1.25x; peak <= 2x the payload)');
		const pairs = nodes.map(
			(node, i) => `${ratio(node.seconds, raws[i].seconds)} (${i % 2 ? 'node' : 'raw'} first)`,
		);
		row('  node / raw wall time, each pair', pairs.join(', '));
		row('  node / raw wall time, medians', ratio(median(nodes, wall), median(raws, wall)));
		row('  node / raw wall time, best of each', ratio(best(nodes, wall), best(raws, wall)));
		row('  node / raw CPU here, medians', ratio(median(nodes, cpu), median(raws, cpu)));
		row(
			'  node with Simplify / raw wall time, median',
			ratio(simplified.seconds, median(raws, wall)),
		);
		row(
			'  node peak / payload, higher of its runs',
			ratio(Math.max(...nodes.map((r) => r.peak)), payload),
		);
		row(
			'  node held / payload, higher of its runs',
			ratio(Math.max(...nodes.map((r) => r.held)), payload),
		);
		row(
			'  raw peak / payload, higher of its runs',
			ratio(Math.max(...raws.map((r) => r.peak)), payload),
		);
		row('  sandbox violations of the spec', simplified.violations);
	} finally {
		lists.stop();
	}

	const watched = await startSandbox({ orders: existing, ordersOf: INTEGRATION });
	engine.credentialsHelper.set('sendcloudApi', {
		publicKey: 'pk_sandbox',
		secretKey: 'sk_sandbox',
		baseUrl: watched.baseUrl,
	});
	try {
		const trigger = new engine.TriggerRunner(
			engine.makeNode(
				'sendcloudTrigger',
				{
					event: 'newShipment',
					integrationId: { __rl: true, mode: 'id', value: String(INTEGRATION) },
				},
				{
					credentials: { sendcloudApi: { id: 'bench-lists-trigger', name: 'Sendcloud' } },
				},
			),
		);
		const poll = async () => {
			await watched.ask('mark');
			const started = process.hrtime.bigint();
			const emitted = await trigger.poll();
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			return { seconds, emitted: emitted?.length ?? 0, ...(await watched.ask('report')) };
		};
		const first = await poll();
		await watched.ask('arrive', { count: arriving });
		const next = await poll();
		console.log(`\nSendcloud Trigger, New Order: ${existing} orders exist, ${arriving} arrive\n`);
		row('  first poll (sets the cursor): requests', first.requests.length);
		row('  first poll: items emitted', first.emitted);
		row('  first poll: time', `${(first.seconds * 1000).toFixed(0)} ms`);
		row(
			`  poll after ${arriving} arrived: requests`,
			`${next.requests.length} (${next.requests.map((r) => r.replace(/^GET \S+?\?/, '?').replace(/ 200$/, '')).join(', ')})`,
		);
		row(`  poll after ${arriving} arrived: items emitted`, next.emitted);
		row(`  poll after ${arriving} arrived: time`, `${(next.seconds * 1000).toFixed(0)} ms`);
		row('  sandbox violations of the spec', next.violations);
	} finally {
		watched.stop();
		engine.stopEngineTimers();
	}
}

if (process.argv[2] === SERVE) serveSandbox(JSON.parse(process.argv[3]));
else
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
