#!/usr/bin/env node
'use strict';
// `npm run demo`: builds the package, installs a real n8n 2.x (cached after the first run),
// starts the sandbox and n8n with this package installed as a community package, demo
// credentials pointing at the sandbox and the example workflows imported. Ctrl-C stops both.
// `--check` does the same in a new n8n user folder on free ports, verifies what a person would get
// (scripts/demo-check.js, the editor walk-through included unless `--no-editor`), stops everything
// it started and exits with the result.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runtime = require('./n8n-runtime');
const { createSandbox } = require('../test/sandbox/server');

const check = process.argv.includes('--check');

(async () => {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: runtime.ROOT, stdio: 'inherit' });
	const n8n = runtime.installN8n(2);
	const home = check
		? runtime.scratchFolder('n8n-demo-check-')
		: path.join(
				process.env.N8N_CACHE_DIR ?? path.join(os.homedir(), '.cache/n8n-nodes-sendcloud-datafast'),
				'demo',
			);
	fs.mkdirSync(home, { recursive: true });

	const sandbox = createSandbox({
		port: check ? 0 : Number(process.env.SANDBOX_PORT ?? 8787),
		rateLimits: true,
	});
	await sandbox.listen();
	console.log(
		`Sandbox (Sendcloud + DataFast stand-in, Sendcloud's rate limits on) at ${sandbox.url}`,
	);

	runtime.installAsCommunityPackage(
		home,
		runtime.packPackage(runtime.scratchFolder('n8n-demo-pack-')),
	);
	const env = await runtime.environment(n8n, home, { N8N_LOG_LEVEL: 'warn' });
	const credentials = runtime.writeJson(
		path.join(home, 'credentials.json'),
		runtime.sandboxCredentials(sandbox),
	);
	await runtime.n8n(n8n, env, ['import:credentials', `--input=${credentials}`]);
	await runtime.n8n(n8n, env, [
		'import:workflow',
		'--separate',
		`--input=${path.join(runtime.ROOT, 'examples')}`,
	]);

	const port = check ? await runtime.freePort() : Number(process.env.N8N_PORT ?? 5678);
	console.log(`Starting n8n ${n8n.version}...`);
	const server = await runtime.startN8n(n8n, env, port);
	const url = `http://127.0.0.1:${port}`;
	const owner = await runtime.ensureOwner(url);

	if (check) {
		const { checkDemo } = require('./demo-check');
		const editor = process.argv.includes('--no-editor')
			? undefined
			: require('../test/e2e/browser').walkThroughEditor;
		let result = { passed: 0, failed: 1 };
		try {
			result = await checkDemo({ url, owner, n8n, sandbox, editor });
		} finally {
			server.child.kill('SIGTERM');
			await new Promise((resolve) => server.child.once('exit', resolve));
			await sandbox.close();
			fs.rmSync(home, { recursive: true, force: true });
		}
		console.log(`\n${result.passed} passed, ${result.failed} failed`);
		process.exit(result.failed ? 1 : 0);
	}

	console.log(`
n8n is running with the Sendcloud, Sendcloud Trigger, Sendcloud Webhook Trigger and DataFast nodes:
  Editor:   ${url}
  Log in:   ${owner.email} / ${owner.password}
  Workflows: "Sendcloud: list integrations", "Sendcloud: bulk create or update 250 orders",
             "Sendcloud: on new orders" and "Sendcloud: a label PDF for each new paid order"
             (activate them to poll every minute), "DataFast: payment provider status",
             "DataFast: alert when a payment provider disconnects" (DataFast Trigger),
             "DataFast: a Stripe checkout webhook → a DataFast payment", "DataFast: every morning,
             yesterday's visitors, revenue and top pages → a message",
             "Sendcloud: MCP server for AI assistants" (activate it, then point an MCP client at
             ${url}/mcp/sendcloud)
  Credentials point at the sandbox: ${sandbox.sendcloudBaseUrl} and ${sandbox.dataFastBaseUrl}
Press Ctrl-C to stop n8n and the sandbox.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		server.child.kill('SIGTERM');
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', async (code) => {
		if (!stopping) {
			console.error(`n8n stopped (${code}):\n${server.output().slice(-2000)}`);
			await sandbox.close();
			process.exit(1);
		}
	});
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
