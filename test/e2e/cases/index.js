'use strict';
// Every end-to-end case: one file per area in this folder, each exporting a list of cases.
const fs = require('fs');

module.exports = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.js') && file !== 'index.js')
	.sort()
	.flatMap((file) => require(`./${file}`));
