#!/usr/bin/env node
'use strict';
// `npm run dev`: a real n8n 2.x with this package, rebuilt on every change.
// - `tsc --watch` compiles into dist/; icons and codex files are copied again (gulpfile.js's
//   build:icons) when one changes.
// - n8n 2.40.7 from the cache the demo uses (scripts/install-n8n.sh), with N8N_CUSTOM_EXTENSIONS at a
//   scratch folder holding only package.json and a link to dist/ (n8n loads every *.node.js below
//   that folder, so it must not see node_modules/). Node types are then named `CUSTOM.<node>`.
// - n8n restarts when dist/ changes (debounced). Its user folder is kept between runs
//   (<cache>/dev), so workflows made while developing stay.
// - `--sandbox` starts the sandbox too and imports credentials pointing at it.
// Flags: --sandbox, --port <n> (default N8N_PORT or 5678; a free one if that is taken).
// Everything listens on 127.0.0.1. Ctrl-C stops everything.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const runtime = require('./n8n-runtime');

const ROOT = runtime.ROOT;
const DIST = path.join(ROOT, 'dist');
const args = process.argv.slice(2);
const withSandbox = args.includes('--sandbox');
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const CACHE =
	process.env.N8N_CACHE_DIR ?? path.join(os.homedir(), '.cache/n8n-nodes-sendcloud-datafast');

const log = (message) => console.log(`[dev] ${message}`);
const children = new Set();
let stopping = false;

function track(child) {
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

/** Prints a child's output line by line with a prefix; calls onLine for each line. */
function prefixLines(stream, prefix, onLine = () => {}) {
	let rest = '';
	stream.on('data', (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop();
		for (const line of lines) {
			if (line.trim()) console.log(`${prefix} ${line}`);
			onLine(line);
		}
	});
}

async function portIsFree(port) {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Runs gulpfile.js's build:icons; resolves when done (a failure is reported, not fatal). */
async function copyIcons() {
	await new Promise((resolve) => {
		const child = track(
			spawn(
				process.execPath,
				[path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build:icons', '--silent'],
				{
					cwd: ROOT,
					stdio: ['ignore', 'inherit', 'inherit'],
				},
			),
		);
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			if (code !== 0) log(`copying icons failed (${code})`);
			resolve();
		});
	});
}

/** Starts `tsc --watch`; resolves after its first compilation. */
async function startTsc() {
	const child = track(
		spawn(
			process.execPath,
			[
				require.resolve('typescript/bin/tsc'),
				'-p',
				'tsconfig.json',
				'--watch',
				'--preserveWatchOutput',
			],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
		),
	);
	await new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error('tsc --watch did not finish its first build within 3 minutes')),
			180_000,
		);
		prefixLines(child.stdout, '[tsc]', (line) => {
			if (/Watching for file changes/.test(line)) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			if (!stopping) reject(new Error(`tsc --watch exited (${code})`));
		});
	});
	return child;
}

/** The folder n8n loads: package.json and a link to dist/, nothing else. */
function extensionFolder() {
	const folder = path.join(CACHE, 'dev', 'extension');
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(folder, 'package.json'));
	fs.symlinkSync(DIST, path.join(folder, 'dist'), 'dir');
	return folder;
}

/** Calls `fn` once `ms` after the last of a burst of calls. */
function debounce(fn, ms) {
	let timer;
	return () => {
		clearTimeout(timer);
		timer = setTimeout(fn, ms);
	};
}

async function stopChild(child, ms = 20_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), ms);
	await exited;
	clearTimeout(timer);
}

(async () => {
	const n8n = runtime.installN8n(2);
	const home = path.join(CACHE, 'dev');
	fs.mkdirSync(home, { recursive: true });

	log('building (tsc --watch)...');
	await startTsc();
	await copyIcons();

	let sandbox;
	if (withSandbox) {
		const { createSandbox } = require('../test/sandbox/server');
		sandbox = createSandbox({ port: Number(process.env.SANDBOX_PORT ?? 8787), rateLimits: true });
		await sandbox.listen();
		log(`sandbox (Sendcloud + DataFast stand-in, rate limits on) at ${sandbox.url}`);
	}

	const env = await runtime.environment(n8n, home, {
		N8N_CUSTOM_EXTENSIONS: extensionFolder(),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
	});
	if (sandbox) {
		const credentials = runtime.writeJson(
			path.join(home, 'credentials.json'),
			runtime.sandboxCredentials(sandbox),
		);
		await runtime.n8n(n8n, env, ['import:credentials', `--input=${credentials}`]);
		log('credentials pointing at the sandbox imported');
	}

	const wanted = portArg ?? Number(process.env.N8N_PORT ?? 5678);
	const port = (await portIsFree(wanted)) ? wanted : await runtime.freePort();
	if (port !== wanted) log(`port ${wanted} is taken; using ${port}`);
	const url = `http://127.0.0.1:${port}`;

	let server;
	let owner;
	const start = async () => {
		log(`starting n8n ${n8n.version}...`);
		const started = Date.now();
		server = await runtime.startN8n(n8n, env, port);
		prefixLines(server.child.stdout, '[n8n]');
		prefixLines(server.child.stderr, '[n8n]');
		track(server.child);
		const child = server.child;
		child.once('exit', (code, signal) => {
			if (!stopping && server?.child === child && !restarting)
				log(`n8n stopped (${signal ?? code}); it starts again on the next change in dist/`);
		});
		owner ??= await runtime.ensureOwner(url);
		log(`n8n is up (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	};

	// One restart at a time; changes during a restart ask for one more.
	let restarting = false;
	let again = false;
	const restart = async () => {
		if (stopping) return;
		if (restarting) {
			again = true;
			return;
		}
		restarting = true;
		try {
			do {
				again = false;
				log('dist/ changed: restarting n8n');
				await stopChild(server?.child);
				try {
					await start();
				} catch (error) {
					log(`n8n did not start: ${error.message}`);
				}
			} while (again && !stopping);
		} finally {
			restarting = false;
		}
	};

	await start();
	console.log(`
n8n is running with this package (node types CUSTOM.sendcloud, CUSTOM.sendcloudTrigger,
CUSTOM.sendcloudWebhookTrigger, CUSTOM.dataFast), rebuilt and restarted on every change:
  Editor:  ${url}
  Log in:  ${owner.email} / ${owner.password}${
		sandbox
			? `
  Sandbox: ${sandbox.sendcloudBaseUrl} and ${sandbox.dataFastBaseUrl} (credentials imported)`
			: ''
	}
Press Ctrl-C to stop.`);

	fs.watch(DIST, { recursive: true }, debounce(restart, 1500));
	const onAsset = debounce(copyIcons, 300);
	for (const folder of ['nodes', 'credentials']) {
		fs.watch(path.join(ROOT, folder), { recursive: true }, (_event, file) => {
			if (file && /\.(png|svg)$|\.node\.json$/.test(file)) onAsset();
		});
	}

	const stop = async () => {
		if (stopping) return;
		stopping = true;
		log('stopping...');
		await Promise.all([...children].map((child) => stopChild(child, 10_000)));
		if (sandbox) await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch(async (error) => {
	console.error(error);
	stopping = true;
	await Promise.all([...children].map((child) => stopChild(child, 10_000)));
	process.exit(1);
});
