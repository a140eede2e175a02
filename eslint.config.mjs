// `npm run lint` enforces exactly the rule set n8n's verification scanner lints community packages
// with (@n8n/scan-community-package's buildScanConfig: @n8n/eslint-plugin-community-nodes'
// recommended rules, no-console, and eslint-plugin-n8n-nodes-base's community, credentials and
// nodes rules with the scanner's own exceptions). Like the scanner, it ignores inline eslint
// comments, so nothing can be switched off in a file that the scanner would still report.
// `npm run scan` then runs the scanner itself on the source and on the packed tarball.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'] },
	{ linterOptions: { noInlineConfig: true } },
	...(await buildScanConfig()),
];
