/**
 * n8n saves a workflow's static data (a trigger's cursor, a webhook's registration, what it already fired)
 * only when `isWorkflowIdValid(id)`: at most 16 characters in n8n 1.x (`dist/utils.js`), 21 in 2.x. The
 * examples are imported with their IDs (`n8n import:workflow`, `npm run demo`), so an example with a longer
 * ID would run, but its trigger would forget everything between polls: the same orders fired on every poll.
 * n8n's own IDs are nanoids of letters and digits; keep to those so no import or URL has to escape them.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const N8N_1X_MAX_ID = 16;
const examples = readdirSync(join(ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map((file): [string, { id: string }] => [
		file,
		JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as { id: string },
	]);

test.each(examples)(
	`%s: workflow ID of at most ${N8N_1X_MAX_ID} letters and digits, or n8n 1.x never saves its static data`,
	(_file, workflow) => {
		expect(workflow.id).toMatch(new RegExp(`^[A-Za-z0-9]{1,${N8N_1X_MAX_ID}}$`));
	},
);

test('every example has its own workflow ID (an import overwrites a workflow with the same ID)', () => {
	const ids = examples.map(([, workflow]) => workflow.id);
	expect(new Set(ids).size).toBe(ids.length);
});

test('there are examples to check', () => {
	expect(examples.length).toBeGreaterThan(0);
});
