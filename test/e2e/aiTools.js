#!/usr/bin/env node
'use strict';
// AI-tool end-to-end tests (issue 18): every operation of the Sendcloud and DataFast nodes works as an
// AI tool in every host, in a real n8n 2.x under `n8n start` with the packed package installed as a
// community package. Hosts: the MCP Server Trigger, driven by a real MCP client
// (@modelcontextprotocol/sdk) over streamable HTTP and SSE; AI Agent 3.1 and 2.2, driven through a
// webhook, their chat model a scripted OpenAI-compatible server on loopback (scriptedModel.js). For
// each call: the requests the sandbox received (no stray `GET /api/v2`), and the result the client
// or model got. Workflows and calls: aiWorkflows.js. Also checks examples/sendcloud-mcp-server.json.
// Usage: node test/e2e/aiTools.js   (prints one line per check, then "N passed, N failed")
const fs = require('fs');
const path = require('path');

const runtime = require('../../scripts/n8n-runtime');
const { createSandbox } = require('../sandbox/server');
const { createScriptedModel } = require('./scriptedModel');
const { mcpClient, callTool, toolName } = require('./mcpClient');
const ai = require('./aiWorkflows');

const MCP_PATH = 'e2e-sendcloud-tools';
const AGENTS = [3.1, 2.2].map((version) => {
	const tag = String(version).replace('.', '');
	return {
		version,
		id: `aiAgent${tag}`,
		path: `e2e-agent-${tag}`,
		webhookId: `a1a1a1a1-0000-4000-8000-0000000000${tag}`,
	};
});
// Through the agents: a declarative operation and each of the four custom operations.
const AGENT_CALLS = ai.CALLS.filter(
	(c, i, all) => (c.tool === 'get_integration' || c.custom) && !c.error && all.indexOf(c) === i,
);
const AGENT_TOOLS = AGENT_CALLS.map((c) => c.tool);
const EXAMPLE = require('../../examples/sendcloud-mcp-server.json');
const EXAMPLE_PATH = EXAMPLE.nodes.find((n) => n.type.endsWith('.mcpTrigger')).parameters.path;
const SECRETS = ['sk_sandbox', 'sandbox-secret', 'dft_sandbox_full', 'sk-scripted-not-a-secret'];
const RUN_LIMIT_MS = 30 * 60_000;

const { check, counts } = runtime.checklist();
const valueOf = (value, shipment) => (typeof value === 'function' ? value(shipment) : value);
const label = (call) => {
	const args = JSON.stringify(valueOf(call.args, { id: '<id>', parcels: [{ id: '<parcel>' }] }));
	return `${call.tool}(${args.length > 90 ? `${args.slice(0, 87)}…}` : args})`;
};

/** The sandbox's requests from index `from` on, as "METHOD path" (token requests left out). */
const requestsSince = (sandbox, from) =>
	sandbox.requests
		.slice(from)
		.filter((r) => !r.path.startsWith('/oauth2/'))
		.map((r) => `${r.method} ${r.path}`);

function expectRequests(actual, expected) {
	const matches =
		actual.length === expected.length &&
		expected.every((e, i) => (e instanceof RegExp ? e.test(actual[i]) : e === actual[i]));
	if (!matches)
		throw new Error(
			`the sandbox received ${JSON.stringify(actual)}\n      expected ${JSON.stringify(expected.map(String))}`,
		);
}

function expectText(text, wanted, what) {
	const missing = wanted.filter((w) => (w instanceof RegExp ? !w.test(text) : !text.includes(w)));
	if (missing.length)
		throw new Error(
			`${what} lacks ${JSON.stringify(missing.map(String))}: ${text.slice(0, 700) || '(empty)'}`,
		);
}

/** One MCP tool call checked: the requests it caused and what the client got. */
async function mcpCall(client, sandbox, shipment, call, via) {
	const name = `MCP (${via}): ${label(call)}${call.custom ? ' [custom operation]' : ''}${call.error ? ' fails with the API error' : ''}`;
	await check(name, async () => {
		const from = sandbox.requests.length;
		const { text, isError } = await callTool(client, call.tool, valueOf(call.args, shipment));
		const received = requestsSince(sandbox, from);
		expectRequests(received, valueOf(call.requests, shipment));
		if (call.error) {
			if (!isError) throw new Error(`the call succeeded: ${text.slice(0, 500)}`);
			expectText(text.toLowerCase(), [call.error], 'the error');
		} else {
			if (isError) throw new Error(`the tool failed: ${text.slice(0, 700)}`);
			expectText(text, valueOf(call.text, shipment), 'the result');
		}
		const problem = call.sandbox?.(sandbox);
		if (problem) throw new Error(problem);
		return received.join(', ');
	});
}

/** Resets the sandbox and seeds the shipment the parcel calls use ("order 1042"). */
function freshSandbox(sandbox) {
	sandbox.reset();
	return sandbox.v3.seedShipments([ai.SEEDED_SHIPMENT])[0];
}

async function mcpChecks(url, sandbox) {
	const endpoint = `${url}/mcp/${MCP_PATH}`;
	const client = await mcpClient(endpoint, 'http');
	try {
		await check(
			`MCP (streamable HTTP): listTools lists the ${ai.TOOLS.length} tools with their $fromAI arguments`,
			async () => {
				const { tools } = await client.listTools(undefined, { timeout: 30_000 });
				const listed = Object.fromEntries(tools.map((t) => [t.name, t]));
				const missing = ai.TOOLS.map((t) => t.name).filter((name) => !listed[name]);
				if (missing.length) throw new Error(`missing ${missing}; listed ${Object.keys(listed)}`);
				const props = Object.keys(listed.buy_label.inputSchema?.properties ?? {}).sort();
				expectText(
					props.join(','),
					['city', 'postal_code', 'reference', 'shipping_option_code', 'weight_kg'],
					"buy_label's input schema",
				);
				return `${tools.length} tools`;
			},
		);
		const shipment = freshSandbox(sandbox);
		for (const call of ai.CALLS) await mcpCall(client, sandbox, shipment, call, 'streamable HTTP');
	} finally {
		await client.close().catch(() => {});
	}
	// SSE, the older transport the trigger also serves: a declarative and a custom operation.
	let sse;
	await check('MCP (SSE): connects and lists the tools', async () => {
		sse = await mcpClient(endpoint, 'sse');
		const { tools } = await sse.listTools(undefined, { timeout: 30_000 });
		if (tools.length !== ai.TOOLS.length) throw new Error(`${tools.length} tools listed`);
	});
	if (sse) {
		const shipment = freshSandbox(sandbox);
		for (const call of AGENT_CALLS.slice(0, 2)) await mcpCall(sse, sandbox, shipment, call, 'SSE');
		await sse.close().catch(() => {});
	}
}

/** One tool call through an agent: POST the prompt to its webhook, check sandbox, model and answer. */
async function agentCall(url, agent, sandbox, model, shipment, call) {
	await check(
		`AI Agent ${agent.version}: ${label(call)}${call.custom ? ' [custom operation]' : ''}`,
		async () => {
			const from = sandbox.requests.length;
			const modelFrom = model.requests.length;
			const args = valueOf(call.args, shipment);
			const response = await fetch(`${url}/webhook/${agent.path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ prompt: `CALL ${call.tool} ${JSON.stringify(args)}` }),
				signal: AbortSignal.timeout(120_000),
			});
			const answer = await response.text();
			const received = requestsSince(sandbox, from);
			const chats = model.requests
				.slice(modelFrom)
				.filter((r) => r.path.endsWith('/chat/completions'));
			expectRequests(received, valueOf(call.requests, shipment));
			if (chats.length < 2)
				throw new Error(
					`the model was asked ${chats.length} time(s); the webhook answered ${response.status}: ${answer.slice(0, 500)}`,
				);
			const toolMessages = chats[1].body.messages.filter((m) => m.role === 'tool');
			if (!toolMessages.length)
				throw new Error('the second request to the model holds no tool message');
			const toolText = toolMessages
				.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
				.join('\n');
			expectText(toolText, valueOf(call.text, shipment), 'the tool message the model got');
			if (!response.ok || !answer.includes('DONE'))
				throw new Error(`the webhook answered ${response.status}: ${answer.slice(0, 500)}`);
			return received.join(', ');
		},
	);
}

async function exampleChecks(url, sandbox) {
	const client = await mcpClient(`${url}/mcp/${EXAMPLE_PATH}`);
	try {
		await check(`example "${EXAMPLE.name}": activated, lists its tools`, async () => {
			const listed = (await client.listTools(undefined, { timeout: 30_000 })).tools.map(
				(t) => t.name,
			);
			const wanted = EXAMPLE.nodes
				.filter((n) => n.type.endsWith('Tool'))
				.map((n) => toolName(n.name));
			if (listed.sort().join() !== wanted.sort().join())
				throw new Error(`listed ${listed}, the example has ${wanted}`);
			return listed.join(', ');
		});
		const shipment = freshSandbox(sandbox);
		for (const call of ai.EXAMPLE_CALLS) await mcpCall(client, sandbox, shipment, call, 'example');
	} finally {
		await client.close().catch(() => {});
	}
}

/** "node:resource:operation" of every operation of the built nodes that no tool of aiWorkflows.js runs. */
function operationsWithoutTool() {
	const covered = new Set(
		ai.TOOLS.map(
			(t) => `${t.node ?? 'sendcloud'}:${t.parameters.resource}:${t.parameters.operation}`,
		),
	);
	const missing = [];
	for (const [node, file, name] of [
		['sendcloud', 'Sendcloud/Sendcloud', 'Sendcloud'],
		['dataFast', 'DataFast/DataFast', 'DataFast'],
	]) {
		const NodeType = require(`../../dist/nodes/${file}.node.js`)[name];
		for (const property of new NodeType().description.properties) {
			if (property.name !== 'operation') continue;
			for (const resource of property.displayOptions.show.resource)
				for (const { value } of property.options)
					if (!covered.has(`${node}:${resource}:${value}`))
						missing.push(`${node}:${resource}:${value}`);
		}
	}
	return missing;
}

async function main(stopAll) {
	runtime.ensureBuilt();
	await check('every operation of both nodes has a tool in the suite', async () => {
		const missing = operationsWithoutTool();
		if (missing.length)
			throw new Error(`no tool runs ${missing.join(', ')} (aiWorkflows.js TOOLS)`);
		return `${ai.TOOLS.length} tools`;
	});
	const n8n = runtime.installN8n(2);
	const userFolder = runtime.scratchFolder('n8n-ai-tools-');
	stopAll.push(() => fs.rmSync(userFolder, { recursive: true, force: true }));
	runtime.installAsCommunityPackage(userFolder, runtime.packPackage(userFolder));
	// The tests' clock (test/helpers/sandbox.ts CLOCK_START): pickup windows and return dates are fixed.
	const sandbox = await createSandbox({ startAt: Date.parse('2026-12-01T00:00:00Z') }).listen();
	stopAll.push(() => sandbox.close());
	const model = await createScriptedModel().listen();
	stopAll.push(() => model.close());
	const env = await runtime.environment(n8n, userFolder, { N8N_LOG_LEVEL: 'warn' });
	const credentials = [...runtime.sandboxCredentials(sandbox), ai.modelCredential(model.baseUrl)];
	await runtime.n8n(n8n, env, [
		'import:credentials',
		`--input=${runtime.writeJson(path.join(userFolder, 'credentials.json'), credentials)}`,
	]);
	const workflows = [
		ai.mcpWorkflow(MCP_PATH, 'a1a1a1a1-0000-4000-8000-0000000000a1'),
		...AGENTS.map((agent) => ai.agentWorkflow({ ...agent, toolNames: AGENT_TOOLS })),
		{ ...EXAMPLE, active: true },
	];
	const folder = path.join(userFolder, 'workflows');
	fs.mkdirSync(folder);
	for (const workflow of workflows)
		runtime.writeJson(path.join(folder, `${workflow.id}.json`), workflow);
	await runtime.n8n(n8n, env, ['import:workflow', '--separate', `--input=${folder}`]);
	for (const workflow of workflows)
		await runtime.n8n(n8n, env, ['publish:workflow', `--id=${workflow.id}`]);

	const port = await runtime.freePort();
	const url = `http://127.0.0.1:${port}`;
	console.log(
		`\nn8n ${n8n.version} at ${url}: AI tools in the MCP Server Trigger and AI Agents ${AGENTS.map((a) => a.version).join(' and ')}`,
	);
	const server = await runtime.startN8n(n8n, env, port);
	stopAll.push(async () => {
		const exited = new Promise((r) =>
			server.child.exitCode !== null ? r() : server.child.once('exit', r),
		);
		server.child.kill('SIGTERM');
		const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	});
	await runtime.waitUntil(
		'n8n to be ready',
		async () => (await fetch(`${url}/healthz/readiness`).catch(() => ({}))).status === 200,
		120_000,
		server,
	);
	const session = await runtime.signIn(url, await runtime.ensureOwner(url));
	// Activation is asynchronous after start: wait until every workflow's endpoint is served.
	const served = (route, method) =>
		fetch(`${url}${route}`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://example.com', 'Access-Control-Request-Method': method },
		}).then(
			(r) => r.status !== 404,
			() => false,
		);
	for (const route of [
		`/mcp/${MCP_PATH}`,
		`/mcp/${EXAMPLE_PATH}`,
		...AGENTS.map((a) => `/webhook/${a.path}`),
	])
		await runtime.waitUntil(`n8n to serve ${route}`, () => served(route, 'POST'), 90_000, server);

	await check("n8n lists the tool variants of the package's nodes", async () => {
		const names = (await session.get('/types/nodes.json')).map((n) => n.name);
		const wanted = ['sendcloudTool', 'dataFastTool'].map((n) => `${runtime.PACKAGE}.${n}`);
		const missing = wanted.filter((n) => !names.includes(n));
		if (missing.length) throw new Error(`missing ${missing}`);
		return wanted.join(', ');
	});
	await mcpChecks(`${url}`, sandbox);
	for (const agent of AGENTS) {
		const shipment = freshSandbox(sandbox);
		for (const call of AGENT_CALLS) await agentCall(url, agent, sandbox, model, shipment, call);
	}
	await exampleChecks(url, sandbox);
	await check("no request broke the Sendcloud spec, and no secret reached n8n's log", async () => {
		if (sandbox.violations.length)
			throw new Error(JSON.stringify(sandbox.violations).slice(0, 1000));
		const leaked = SECRETS.filter((secret) => server.output().includes(secret));
		if (leaked.length) throw new Error(`n8n's log holds ${leaked}`);
	});
}

const stopAll = [];
const stop = async () => {
	for (const fn of stopAll.reverse())
		await Promise.resolve()
			.then(fn)
			.catch(() => {});
	stopAll.length = 0;
};
const finish = async (extraFailure) => {
	clearTimeout(watchdog);
	await stop();
	console.log(`\n${counts.passed} passed, ${counts.failed + (extraFailure ? 1 : 0)} failed`);
	process.exit(counts.failed || extraFailure ? 1 : 0);
};
const watchdog = setTimeout(() => {
	console.log(`  ✗ the suite did not finish within ${RUN_LIMIT_MS / 60_000} minutes`);
	finish(true);
}, RUN_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(true));
main(stopAll).then(
	() => finish(false),
	(error) => {
		console.error(error);
		finish(true);
	},
);
