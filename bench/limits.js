'use strict';
// What both benchmarks measure against: Sendcloud's published write limits, and the least time they
// allow. Also gives each run a scratch n8n user folder, as the engine harness needs one.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';

const BURST = 15; // writes in any second
const PER_MINUTE = 100;

/** Least time the limits allow for n write requests sent back to back (seconds). */
function floorSeconds(requests) {
	// Request k may go at the earliest at the start of second floor(k/15), and of minute floor(k/100).
	const last = requests - 1;
	return Math.max(Math.floor(last / BURST) * 1, Math.floor(last / PER_MINUTE) * 60);
}

module.exports = { BURST, PER_MINUTE, floorSeconds };
