#!/usr/bin/env node
'use strict';
// Benchmark: buying N shipping labels in the sandbox with Sendcloud's published limits enforced
// (GET 1000/min; writes 100/min with at most 15 in any second) while a few announcements lose their
// answer after Sendcloud bought the label (the connection drops: 'applied-then-reset'). Done two ways
// in the same process:
//   1. the Sendcloud node's Parcel & Label → Create and Announce (Auto-Map, Download Label on,
//      Continue On Fail on), run by n8n-core's engine, each item with its own external_reference_id;
//   2. the way users do it without this package: one POST per label as n8n's HTTP Request node sends
//      them (8 in flight, no pacing, Retry On Fail: 3 tries, 1 s apart, on any error) and without an
//      external reference, since the HTTP Request node has no idempotency.
// Prints figures and ratios; asserts nothing. Usage: node bench/labels.js [--labels 500] [--faults 5]
require('./register-ts');
const v8 = require('v8');
const vm = require('vm');

const { BURST, PER_MINUTE, floorSeconds } = require('./limits');

const { createSandbox } = require('../test/sandbox/server');
const engine = require('../test/helpers/engine.ts');

const args = process.argv.slice(2);
const option = (name, fallback) =>
	args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
const count = option('--labels', 500);
const FAULTS = option('--faults', 5);
const ANNOUNCE = '/api/v3/shipments/announce';
// The HTTP Request node's way: requests in flight, Retry On Fail's tries and wait, and a bound on the run.
const IN_FLIGHT = 8;
const TRIES = 3;
const WAIT_BETWEEN_TRIES_MS = 1000;
const BASELINE_DEADLINE_MS = 10 * 60_000;

// A collected heap before and after, so that the growth is what the run's output holds, not garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function heapMb() {
	gc();
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Shipments in the API's JSON, as a shop would map them for Auto-Map: one reference and order number each. */
function shipments() {
	return Array.from({ length: count }, (_, i) => ({
		to_address: {
			name: `Customer ${i}`,
			address_line_1: 'Stadhuisplein 10',
			postal_code: '5611 EM',
			city: 'Eindhoven',
			country_code: 'NL',
		},
		from_address: { sender_address_id: 192 },
		ship_with: {
			type: 'shipping_option_code',
			properties: { shipping_option_code: 'postnl:standard' },
		},
		parcels: [{ weight: { value: '0.500', unit: 'kg' } }],
		order_number: `BENCH-${i}`,
		external_reference_id: `bench-label-${i}`,
	}));
}

const isAnnounce = (r) => r.method === 'POST' && r.path === ANNOUNCE;

/**
 * Drops the answer of one announcement after Sendcloud applied it, `FAULTS` times, spread over the
 * run: one after every `spacing` announcements the sandbox let through. A fault taken by a request
 * that the rate limit refused (429) did nothing, so it is queued again. Returns stop() → faults applied.
 */
function spreadFaults(sandbox, spacing) {
	let applied = 0;
	let pending; // { from: index in sandbox.requests when queued, takenAt?: ms }
	const inject = () => {
		pending = { from: sandbox.requests.length };
		sandbox.injectFaults({ kind: 'applied-then-reset', method: 'POST', path: `^${ANNOUNCE}$` });
	};
	const timer = setInterval(() => {
		if (pending) {
			// Faults are taken in arrival order: the first announcement after queuing took it.
			const taker = sandbox.requests.slice(pending.from).find(isAnnounce);
			if (!taker) return;
			if (taker.status === 429) return inject();
			pending.takenAt ??= Date.now();
			// Answered requests have a status soon; one dropped after being applied never gets one.
			if (taker.status === undefined && Date.now() - pending.takenAt > 200) {
				applied++;
				pending = undefined;
			} else if (taker.status !== undefined) pending = undefined; // not applied (e.g. a 400): try on the next
			return;
		}
		if (applied >= FAULTS) return;
		const letThrough = sandbox.requests.filter((r) => isAnnounce(r) && r.status !== 429).length;
		if (letThrough >= (applied + 1) * spacing) inject();
	}, 10);
	return () => {
		clearInterval(timer);
		sandbox.clearFaults();
		return applied;
	};
}

/** What the sandbox holds: labels bought per order (of the run's items) and duplicates. */
function purchases(sandbox) {
	const orderOf = new Map(sandbox.v3.shipments().map((s) => [s.id, s.order_number]));
	const perOrder = new Map();
	for (const p of sandbox.v3.state.labelPurchases) {
		const order = orderOf.get(p.shipment_id);
		perOrder.set(order, (perOrder.get(order) ?? 0) + 1);
	}
	const shipmentCount = sandbox.v3.shipments().length;
	return {
		labelsBought: sandbox.v3.labelsBought(),
		ordersWithLabel: perOrder.size,
		maxLabelsPerOrder: Math.max(0, ...perOrder.values()),
		shipments: shipmentCount,
		duplicates: shipmentCount - new Set(sandbox.v3.shipments().map((s) => s.order_number)).size,
	};
}

async function runNode(sandbox, input, spacing) {
	engine.credentialsHelper.set('sendcloudApi', {
		publicKey: 'pk_sandbox',
		secretKey: 'sk_sandbox',
		baseUrl: sandbox.sendcloudBaseUrl,
	});
	const node = engine.makeNode(
		'sendcloud',
		{ resource: 'parcel', operation: 'create', dataMode: 'autoMapInputData', downloadLabel: true },
		{ onError: 'continueRegularOutput' },
	);
	const heapBefore = heapMb();
	const stopFaults = spreadFaults(sandbox, spacing);
	const started = process.hrtime.bigint();
	const { items, error } = await engine.runNode(node, input);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const faultsApplied = stopFaults();
	if (error) throw error;
	const heapDeltaMb = heapMb() - heapBefore;
	const writes = sandbox.requests.filter((r) => r.method !== 'GET');
	const announces = sandbox.requests.filter(isAnnounce);
	const outcome = (status) =>
		items.filter((item) => !item.error && item.json.status === status).length;
	return {
		seconds,
		writes: writes.length,
		announces: announces.length,
		announceStatuses: countBy(announces.map((r) => r.status ?? 'no answer')),
		documentGets: sandbox.requests.filter(
			(r) => r.method === 'GET' && r.path.includes('/documents/'),
		).length,
		otherGets: sandbox.requests.filter((r) => r.method === 'GET' && !r.path.includes('/documents/'))
			.length,
		rejected429: sandbox.requests.filter((r) => r.status === 429).length,
		faultsApplied,
		created: outcome('created'),
		existing: outcome('existing'),
		errors: items.filter((item) => item.error).length,
		labelFiles: items.filter((item) => item.binary?.data).length,
		labelBytes: items.reduce(
			(sum, item) =>
				sum + (item.binary?.data ? Buffer.byteLength(item.binary.data.data, 'base64') : 0),
			0,
		),
		heapDeltaMb,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		...purchases(sandbox),
	};
}

function countBy(values) {
	const counts = {};
	for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
	return counts;
}

async function runOnePostPerLabel(sandbox, input, spacing) {
	const auth = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;
	const stopFaults = spreadFaults(sandbox, spacing);
	const started = Date.now();
	let next = 0;
	let labelBytes = 0;
	const results = []; // per item: 'success' | 'failed' | 'not attempted'
	const postOnce = async (body) => {
		try {
			const response = await fetch(`${sandbox.url}${ANNOUNCE}`, {
				method: 'POST',
				headers: {
					Authorization: auth,
					'Content-Type': 'application/json',
					Accept: 'application/json',
				},
				body: JSON.stringify(body),
			});
			const answer = await response.json().catch(() => null);
			return { ok: response.ok, answer };
		} catch {
			return { ok: false }; // the connection dropped without an answer
		}
	};
	const sendOne = async (shipment) => {
		// The HTTP Request node has no idempotency: no external reference.
		const { external_reference_id: _dropped, ...body } = shipment;
		for (let attempt = 1; attempt <= TRIES; attempt++) {
			const { ok, answer } = await postOnce(body);
			if (ok) {
				const file = answer?.data?.parcels?.[0]?.label_file;
				if (file) labelBytes += Buffer.byteLength(file, 'base64');
				return 'success';
			}
			if (attempt < TRIES) await new Promise((r) => setTimeout(r, WAIT_BETWEEN_TRIES_MS));
		}
		return 'failed';
	};
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < input.length && Date.now() - started < BASELINE_DEADLINE_MS) {
				const i = next++;
				results[i] = await sendOne(input[i]);
			}
		}),
	);
	const seconds = (Date.now() - started) / 1000;
	const faultsApplied = stopFaults();
	const announces = sandbox.requests.filter(isAnnounce);
	return {
		seconds,
		requests: announces.length,
		rejected429: announces.filter((r) => r.status === 429).length,
		faultsApplied,
		succeeded: results.filter((r) => r === 'success').length,
		failed: results.filter((r) => r === 'failed').length,
		notAttempted: input.length - results.filter(Boolean).length,
		labelBytes,
		...purchases(sandbox),
	};
}

(async () => {
	const sandbox = createSandbox({ rateLimits: true });
	await sandbox.listen();
	try {
		const input = shipments();
		// Both runs let at least the first minute's 100 writes through: spread the faults over those.
		const spacing = Math.max(1, Math.floor(Math.min(count, PER_MINUTE) / (FAULTS + 1)));
		const node = await runNode(sandbox, input, spacing);
		const nodeFloor = floorSeconds(node.writes);

		sandbox.reset();
		// Let the quota of the first run drain, so that both start from a fresh minute.
		await new Promise((r) => setTimeout(r, 61_000));
		const baseline = await runOnePostPerLabel(sandbox, input, spacing);

		const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
		const row = (label, value) => console.log(`${label.padEnd(60)} ${value}`);
		console.log(
			`\nLabels for ${count} shipments, Sendcloud limits enforced (writes: ${PER_MINUTE}/min, ${BURST}/s),`,
		);
		console.log(
			`${FAULTS} announcements answered by a dropped connection after the label was bought (one every ${spacing} let through)\n`,
		);
		console.log(
			'Sendcloud node, Parcel & Label → Create and Announce (n8n-core engine, Auto-Map, Download Label, Continue On Fail)',
		);
		row('  items', count);
		row('  wall time', `${node.seconds.toFixed(2)} s`);
		row(
			'  announce POSTs (by answer)',
			`${node.announces} (${Object.entries(node.announceStatuses)
				.map(([s, n]) => `${s}: ${n}`)
				.join(', ')})`,
		);
		row('  label document GETs', node.documentGets);
		if (node.otherGets) row('  other GETs', node.otherGets);
		row('  HTTP 429 provoked', node.rejected429);
		row('  faults applied (answer lost after the label was bought)', node.faultsApplied);
		row(
			'  outcomes: created / existing / error',
			`${node.created} / ${node.existing} / ${node.errors}`,
		);
		row('  labels bought (sandbox)', node.labelsBought);
		row('  most labels bought for one order', node.maxLabelsPerOrder);
		row(
			'  duplicates (shipments - distinct orders)',
			`${node.duplicates} (${node.shipments} shipments)`,
		);
		row('  label files produced / bytes', `${node.labelFiles} / ${mb(node.labelBytes)}`);
		row(`  rate-limit floor for its ${node.writes} write requests`, `${nodeFloor.toFixed(2)} s`);
		row('  wall time / floor', `${(node.seconds / Math.max(nodeFloor, 1e-9)).toFixed(3)}x`);
		row(
			'  heap growth during the run (labels held as binary data)',
			`${node.heapDeltaMb.toFixed(1)} MB`,
		);
		row('  peak RSS of the process so far', `${node.peakRssMb.toFixed(0)} MB`);
		console.log(
			`\nOne POST per label (as the HTTP Request node sends them: ${IN_FLIGHT} in flight, Retry On Fail ${TRIES} tries ${WAIT_BETWEEN_TRIES_MS / 1000} s apart, no reference)`,
		);
		row('  requests', baseline.requests);
		row('  wall time', `${baseline.seconds.toFixed(2)} s`);
		row('  rejected with HTTP 429', baseline.rejected429);
		row('  faults applied (answer lost after the label was bought)', baseline.faultsApplied);
		row(
			'  items shown as success / failed after all tries',
			`${baseline.succeeded} / ${baseline.failed}${baseline.notAttempted ? ` (${baseline.notAttempted} not attempted in time)` : ''}`,
		);
		row('  labels bought (sandbox)', baseline.labelsBought);
		row('  orders with a label', baseline.ordersWithLabel);
		row('  most labels bought for one order', baseline.maxLabelsPerOrder);
		row(
			'  duplicates bought (shipments - distinct orders)',
			`${baseline.duplicates} (${baseline.shipments} shipments)`,
		);
		row('  label bytes received', mb(baseline.labelBytes));
		console.log('\nRatios');
		row(
			'  orders with a label, node / one-per-label',
			`${(node.ordersWithLabel / Math.max(1, baseline.ordersWithLabel)).toFixed(1)}x`,
		);
		row(
			'  HTTP 429, one-per-label / node',
			node.rejected429
				? `${(baseline.rejected429 / node.rejected429).toFixed(1)}x`
				: `${baseline.rejected429} vs 0`,
		);
		row(
			'  duplicates, one-per-label / node',
			node.duplicates
				? `${(baseline.duplicates / node.duplicates).toFixed(1)}x`
				: `${baseline.duplicates} vs 0`,
		);
	} finally {
		await sandbox.close();
		engine.stopEngineTimers();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
