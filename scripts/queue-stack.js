'use strict';
// n8n in queue mode on this machine, as shops run it when one process is not enough: Debian's Redis
// (the queue) and PostgreSQL (the database), each on a free loopback port with a throw-away data
// folder, one `n8n start` (editor, triggers, webhooks) and `n8n worker` processes (executions), all
// sharing one n8n user folder with this package installed. Used by the queue-mode tests (test/e2e/queue.js).
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const runtime = require('./n8n-runtime');

const isRoot = process.getuid?.() === 0;

function ensureTool(command, debianPackage) {
	return execFileSync('bash', [path.join(__dirname, 'ensure-tool.sh'), command, debianPackage], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop();
}

/** A long-running child whose output is kept, to be read when something goes wrong. */
function startProcess(command, args, options = {}) {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	return { child, output: () => output };
}

async function stopProcess({ child }, signal = 'SIGTERM', graceMs = 20_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Polls `url` until it answers 200, while `started` is alive; bounded by `ms`. */
async function waitForHttp(url, started, what, ms = 180_000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (started.child.exitCode !== null)
			throw new Error(
				`${what} exited (${started.child.exitCode}):\n${started.output().slice(-3000)}`,
			);
		const status = await fetch(url).then(
			(r) => r.status,
			() => 0,
		);
		if (status === 200) return;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`${what} was not ready within ${ms / 1000} s:\n${started.output().slice(-3000)}`);
}

async function startRedis(folder) {
	const server = ensureTool('redis-server', 'redis-server');
	const port = await runtime.freePort();
	const redis = startProcess(server, [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		folder,
	]);
	const deadline = Date.now() + 20_000;
	while (!/Ready to accept connections/.test(redis.output())) {
		if (redis.child.exitCode !== null || Date.now() > deadline)
			throw new Error(`Redis did not start:\n${redis.output().slice(-2000)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return { port, stop: async () => await stopProcess(redis) };
}

async function startPostgres(folder) {
	const binDir = path.dirname(fs.realpathSync(ensureTool('initdb', 'postgresql')));
	// PostgreSQL refuses to run as root: its data folder and socket belong to the `postgres` user.
	const asOwner = (program, args) =>
		isRoot
			? ['runuser', ['-u', 'postgres', '--', path.join(binDir, program), ...args]]
			: [path.join(binDir, program), args];
	// runuser lives in /usr/sbin, which a minimal PATH (a CI job, `env -i`) leaves out.
	const env = { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` };
	const run = (program, args) =>
		execFileSync(...asOwner(program, args), { stdio: ['ignore', 'pipe', 'pipe'], env });
	const dataDir = path.join(folder, 'data');
	if (isRoot) execFileSync('chown', ['postgres:postgres', folder]);
	run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	const port = await runtime.freePort();
	run('pg_ctl', [
		'-D',
		dataDir,
		'-l',
		path.join(folder, 'postgres.log'),
		'-w',
		'-o',
		`-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`,
		'start',
	]);
	run('psql', [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-c',
		'CREATE DATABASE n8n',
	]);
	return { port, stop: async () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']) };
}

/**
 * Redis, PostgreSQL and the environment every n8n process of the stack shares (same database,
 * queue, encryption key and user folder). `stop()` ends everything the stack started.
 */
async function startQueueStack(n8n, userFolder) {
	const folder = runtime.scratchFolder('n8n-queue-services-');
	fs.chmodSync(folder, 0o755); // PostgreSQL's own user works in a folder inside
	const started = [];
	const stop = async () => {
		for (const part of started.reverse())
			await part.stop().catch((error) => console.error(`stopping: ${error.message}`));
		fs.rmSync(folder, { recursive: true, force: true });
	};
	try {
		fs.mkdirSync(path.join(folder, 'redis'));
		fs.mkdirSync(path.join(folder, 'postgres'));
		const redis = await startRedis(path.join(folder, 'redis'));
		started.push(redis);
		const postgres = await startPostgres(path.join(folder, 'postgres'));
		started.push(postgres);
		const env = await runtime.environment(n8n, userFolder, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'postgres',
			// Runs started from the editor go to the workers too, as production runs do.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Offline, n8n's MCP registry module only logs that api.n8n.io cannot be reached.
			N8N_DISABLED_MODULES: 'mcp-registry',
		});
		/** `n8n start`: resolves once its database is migrated and it serves requests. */
		const startMain = async (port) => {
			const main = startProcess(n8n.node, [n8n.bin, 'start'], {
				env: {
					...env,
					N8N_PORT: String(port),
					N8N_RUNNERS_BROKER_PORT: String(await runtime.freePort()),
				},
			});
			const part = { name: 'main', ...main, stop: async () => await stopProcess(main) };
			started.push(part);
			await waitForHttp(`http://127.0.0.1:${port}/healthz/readiness`, main, 'n8n main');
			return part;
		};
		/**
		 * `n8n worker` under its own host name (n8n names a worker after its host, and every process
		 * here shares one), each with its own task-runner and health-check ports.
		 */
		const startWorker = async (name, concurrency) => {
			const healthPort = await runtime.freePort();
			const args = [n8n.bin, 'worker', `--concurrency=${concurrency}`];
			const workerEnv = {
				...env,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_RUNNERS_BROKER_PORT: String(await runtime.freePort()),
			};
			const worker = isRoot
				? startProcess(
						'unshare',
						['--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', name, n8n.node, ...args],
						{ env: workerEnv },
					)
				: startProcess(n8n.node, args, { env: workerEnv });
			const part = { name, ...worker, stop: async () => await stopProcess(worker) };
			started.push(part);
			await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, worker, `n8n worker ${name}`);
			return part;
		};
		/** The n8n processes started, whose output tells what went wrong. */
		const processes = () => started.filter((part) => part.output);
		return { env, startMain, startWorker, processes, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueStack };
