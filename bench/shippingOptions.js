#!/usr/bin/env node
'use strict';
// Benchmark: the best shipping option for 1,000 orders to 5 destinations in 3 weight classes, with Sendcloud's
// published limits enforced in the sandbox. Shipping Option → Get Best Option (cheapest) run by n8n-core's engine
// asks each distinct question once per run, so at most 5 × 3 = 15 POST /shipping-options; one request per order
// (1,000 writes at Sendcloud's 100 a minute) would take ten minutes. Exits non-zero when more than 15 requests
// were sent or an order got no option. Usage: node bench/shippingOptions.js [--orders 1000]
require('./register-ts');
// Its own n8n user folder and settings, as the other benchmarks.
require('./limits');

const { createSandbox } = require('../test/sandbox/server');
const engine = require('../test/helpers/engine.ts');

const args = process.argv.slice(2);
const option = (name, fallback) =>
	args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
const count = option('--orders', 1000);
const DESTINATIONS = ['NL', 'BE', 'DE', 'FR', 'US'];
const WEIGHT_CLASSES = [0.5, 3, 20];
const QUESTIONS = DESTINATIONS.length * WEIGHT_CLASSES.length;

const orders = () =>
	Array.from({ length: count }, (_, i) => ({
		order_id: `BENCH-${i}`,
		country: DESTINATIONS[i % DESTINATIONS.length],
		weight_kg: WEIGHT_CLASSES[Math.floor(i / DESTINATIONS.length) % WEIGHT_CLASSES.length],
	}));

(async () => {
	const sandbox = createSandbox({ rateLimits: true });
	await sandbox.listen();
	try {
		engine.credentialsHelper.set('sendcloudApi', {
			publicKey: 'pk_sandbox',
			secretKey: 'sk_sandbox',
			baseUrl: sandbox.sendcloudBaseUrl,
		});
		const node = engine.makeNode(
			'sendcloud',
			{
				resource: 'shippingOption',
				operation: 'getBest',
				criterion: 'cheapest',
				fromCountryCode: 'NL',
				toCountryCode: '={{ $json.country }}',
				parcels: { parcel: [{ weight: '={{ $json.weight_kg }}' }] },
			},
			{ onError: 'continueRegularOutput' },
		);
		const input = orders();
		const started = process.hrtime.bigint();
		const { json, error } = await engine.runNode(node, input);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		if (error) throw error;
		const requests = sandbox.requests.filter((r) => r.path === '/api/v3/shipping-options');
		const failed = json.filter((j) => j.error).length;
		const picks = {};
		for (const j of json) {
			if (j.shipping_option)
				picks[j.shipping_option.code] = (picks[j.shipping_option.code] ?? 0) + 1;
		}
		const row = (label, value) => console.log(`${label.padEnd(44)} ${value}`);
		console.log(
			`\nBest shipping option (cheapest) for ${count} orders: ${DESTINATIONS.length} destinations × ${WEIGHT_CLASSES.length} weight classes, Sendcloud limits enforced\n`,
		);
		row('POST /shipping-options sent', `${requests.length} (at most ${QUESTIONS})`);
		row('HTTP 429', requests.filter((r) => r.status === 429).length);
		row('Wall time', `${seconds.toFixed(2)} s`);
		row('Orders per second', (count / seconds).toFixed(0));
		row('Output items (one per order)', `${json.length}, ${failed} without an option`);
		row(
			'Picked',
			Object.entries(picks)
				.map(([code, n]) => `${code} ×${n}`)
				.join(', '),
		);
		if (requests.length > QUESTIONS || failed || json.length !== count) process.exitCode = 1;
	} finally {
		await sandbox.close();
		engine.stopEngineTimers();
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
