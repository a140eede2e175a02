#!/usr/bin/env node
// n8n's verification scan, offline: `@n8n/scan-community-package` lints the attested source
// (SOURCE_FILE_PATTERNS) and the published tarball (`**/*.js` and package.json) with its own
// rule set. Its CLI downloads both from the public registry and GitHub, so this runs the same
// two legs on the working tree and on `npm pack`'s tarball. Its own verdict counts errors only;
// this one also fails on warnings, which n8n's reviewers read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

async function lint(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) throw new Error(`no files to scan in ${dir}`);
	const results = await eslint.lintFiles(files);
	const count = (key) => results.reduce((sum, result) => sum + result[key], 0);
	const report = await (await eslint.loadFormatter('stylish')).format(results);
	return {
		files: files.length,
		errors: count('errorCount'),
		warnings: count('warningCount'),
		report,
	};
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--pack-destination', scratch, '--silent'], {
		cwd: root,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	const unpacked = path.join(scratch, 'package');
	execFileSync('tar', ['-xzf', path.join(scratch, tarball), '-C', scratch]);

	let failed = false;
	for (const [leg, dir, patterns] of [
		['source', root, SOURCE_FILE_PATTERNS],
		[`tarball ${tarball}`, unpacked, ['**/*.js', 'package.json']],
	]) {
		const { files, errors, warnings, report } = await lint(dir, patterns);
		console.log(`n8n scanner, ${leg}: ${files} files, ${errors} errors, ${warnings} warnings`);
		if (errors + warnings > 0) {
			failed = true;
			console.log(report);
		}
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(scratch, { recursive: true, force: true });
}
