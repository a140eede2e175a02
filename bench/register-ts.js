'use strict';
// Lets plain node require the project's TypeScript (nodes, test harness) by transpiling on load
// with the project's own TypeScript compiler: no extra tool to install.
const fs = require('fs');
const ts = require('typescript');

const extensions = require.extensions;
const { '.json': json, '.node': native } = extensions;
// Node tries extensions in insertion order, and `Sendcloud.node` + `.json` is the codex file:
// TypeScript must come before JSON.
delete extensions['.json'];
delete extensions['.node'];
extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2021,
			esModuleInterop: true,
		},
	});
	module._compile(outputText, filename);
};
extensions['.json'] = json;
extensions['.node'] = native;
