#!/usr/bin/env node
'use strict';
// `npm run sandbox [-- --port 8787 --rate-limits]`: runs the sandbox until Ctrl-C.
const { createSandbox } = require('./server');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? fallback : args[i + 1];
};

(async () => {
	const sandbox = createSandbox({
		port: Number(value('port', process.env.SANDBOX_PORT ?? 8787)),
		rateLimits: flag('rate-limits'),
		timeScale: Number(value('time-scale', 1)),
	});
	await sandbox.listen();
	console.log(`Sandbox listening on ${sandbox.url}
  Sendcloud API base URL: ${sandbox.sendcloudBaseUrl}   (public key pk_sandbox, secret key sk_sandbox)
  Sendcloud v3 base URL:  ${sandbox.sendcloudV3BaseUrl}   (shipments, parcel documents; same credentials)
  Sendcloud token URL:    ${sandbox.tokenUrl}   (client sandbox-client, secret sandbox-secret)
  DataFast API base URL:  ${sandbox.dataFastBaseUrl}   (account token dft_sandbox_full, website 66f1c0ffee0123456789abcd; website key df_sandbox_shop)`);
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();
