/**
 * The fault matrix: every operation of every node, run through the real engine against the sandbox once
 * without a fault and once per fault the sandbox injects, each cell judged against the run without it:
 * - recovered: the same output;
 * - recovered*: the same work done, but the retry found it done by the attempt whose answer was lost, so
 *   the output says `existing` / `unchanged` where it would say `created` / `updated`;
 * - clear error: the item fails with a NodeApiError that names what happened, one error item per input
 *   item (Continue On Fail is on);
 * - never allowed: LOST (an item missing, a success claimed for what did not happen, a page saved as a
 *   label), DUPLICATED (an order, log, shipment or label made twice), an unclear error, or an output
 *   that differs without saying why.
 * Each fault column has a sandbox of its own, so that a row's cells run side by side: retries sleep for
 * real (Retry-After, backoff), and one after the other a suite would take minutes.
 * Each `*.test.ts` next to this file holds the rows of one area and calls `faultMatrix(area, rows)`; its
 * matrix is printed and written to test-output/fault-matrix/<area>.md.
 */
import * as fs from 'fs';
import * as path from 'path';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
} from 'n8n-workflow';

import { credentialsHelper, makeNode, stopEngineTimers } from '../../helpers/engine';
import { API_KEY, DATAFAST_TOKEN, type Sandbox, testSandbox } from '../../helpers/sandbox';

import { judge } from './judge';

export type Verdict =
	| 'recovered'
	| 'recovered*'
	| 'clear error'
	| 'unclear error'
	| 'different output'
	| 'LOST'
	| 'DUPLICATED';

export interface Fault {
	name: string;
	/** What sandbox.injectFaults takes; the row adds which request it hits. */
	fault: IDataObject;
	/** What an error caused by this fault must say (its message or description). */
	says: RegExp;
	/** The verdict of every row that does not say otherwise; `recovered` by default. */
	expected?: Verdict;
}

/**
 * Well under the transport's own timeout (60 s a JSON call, 120 s a file): this column shows that an
 * answer slower than usual is waited for. test/timeouts.test.ts covers answers that never come.
 */
export const SLOW_MS = 1000;

export const FAULTS: Fault[] = [
	{ name: '429 + Retry-After', fault: { kind: '429', retryAfter: 1 }, says: /rate limit|HTTP 429/ },
	{ name: '429', fault: { kind: '429' }, says: /rate limit|HTTP 429/ },
	...[500, 502, 503, 504].map((status) => ({
		name: String(status),
		fault: { kind: String(status) },
		says: new RegExp(`HTTP ${status}`),
	})),
	{
		name: 'reset before',
		fault: { kind: 'reset' },
		says: /answer was lost: the connection dropped/,
	},
	// Not repeatable: the answer was lost; repeatable: the repeat may find the work done.
	{
		name: 'reset after applied',
		fault: { kind: 'applied-then-reset' },
		says: /answer was lost: the connection dropped|An earlier attempt .* may have carried it out/,
	},
	{
		name: `slow (${SLOW_MS / 1000} s)`,
		fault: { kind: 'slow', delayMs: SLOW_MS },
		says: /answer was lost: it did not come in time/,
	},
	{ name: 'malformed JSON', fault: { kind: 'malformed' }, says: /not JSON|instead of/ },
	{ name: '200 HTML', fault: { kind: 'html' }, says: /not JSON|text\/html/ },
	// Port 9 (discard) on loopback: nothing is ever sent there, so nothing needs to listen.
	{
		name: 'redirect elsewhere',
		fault: { kind: 'redirect', location: 'http://127.0.0.1:9/elsewhere' },
		says: /redirect to another host \(http:\/\/127\.0\.0\.1:9\)/,
		expected: 'clear error',
	},
];
export const BASELINE = 'no fault';
export const COLUMNS = [BASELINE, ...FAULTS.map((f) => f.name)];

/** What one input item came to: its output (as compared), or its error. */
export type Unit = { view: unknown } | { error: unknown; nodeLevel?: boolean };

export interface Outcome {
	/** One per input item; a list operation's single input item holds the whole list. */
	units: Unit[];
	/** What the output alone cannot show: an order stored twice, a success claimed for nothing. */
	broken?: { verdict: 'LOST' | 'DUPLICATED'; why: string };
}

export interface Cell {
	sandbox: Sandbox;
	/** A node with this cell's credentials (its sandbox) and Continue On Fail on. */
	node(
		type:
			'sendcloud' | 'dataFast' | 'sendcloudTrigger' | 'sendcloudWebhookTrigger' | 'dataFastTrigger',
		parameters: IDataObject,
	): INode;
	/** Queues the cell's fault (none without one) for the row's request; rows call it once set up. */
	arm(): void;
}

export interface Row {
	name: string;
	/** The request the fault hits: method, path and query as sandbox.injectFaults matches them. */
	target: IDataObject;
	run(cell: Cell): Promise<Outcome>;
	/** Cells not expected to be `recovered`. */
	expected?: Record<string, Verdict>;
	/** Reduces an output to the work it reports done, so that `existing` reads as `created` (recovered*). */
	work?(view: unknown): unknown;
}

// ---- The sandboxes, one per column, each with credentials of its own; the rows as tests

const OUTPUT_DIR = path.join(__dirname, '..', '..', '..', 'test-output', 'fault-matrix');
type MatrixRow = { row: string; cells: Array<{ verdict: Verdict; detail?: string }> };

/**
 * Registers an area's rows as one test each, with the hooks around them: called once, at the top of a
 * test file. The credential IDs count rows within `rows`: each test file is a module registry of its own.
 */
export function faultMatrix(area: string, rows: Row[]): void {
	const sandboxes: Sandbox[] = COLUMNS.map(() => testSandbox());
	const credentialsById = new Map<string, ICredentialDataDecryptedObject>();
	/** Each cell has credentials of its own, so that it starts with a pacer of its own, as a new n8n process would. */
	const credentialId = (row: number, column: number, type: string) =>
		`fault-matrix-${row}-${column}-${type}`;

	jest
		.spyOn(credentialsHelper, 'getDecrypted')
		.mockImplementation(async (_additionalData, details, type) => {
			const credentials = credentialsById.get(String(details.id));
			if (!credentials) throw new Error(`No ${type} credentials with ID ${String(details.id)}`);
			return credentials;
		});

	beforeAll(async () => {
		await Promise.all(sandboxes.map((sandbox) => sandbox.listen()));
		rows.forEach((_row, row) =>
			sandboxes.forEach((sandbox, column) => {
				credentialsById.set(credentialId(row, column, 'sendcloudApi'), {
					...API_KEY,
					partnerId: '',
					baseUrl: sandbox.sendcloudBaseUrl,
				});
				credentialsById.set(credentialId(row, column, 'dataFastApi'), {
					apiToken: DATAFAST_TOKEN,
					baseUrl: sandbox.dataFastBaseUrl,
				});
			}),
		);
	});

	afterEach(() => {
		// Whatever a fault does, no request the nodes send may break the official spec.
		expect(sandboxes.flatMap((sandbox) => sandbox.violations)).toEqual([]);
	});

	const matrix: MatrixRow[] = [];

	afterAll(async () => {
		await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
		stopEngineTimers();
		const markdown = renderMatrix(area, matrix);
		console.log(markdown);
		const file = path.join(OUTPUT_DIR, `${area}.md`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, markdown);
	});

	function cellFor(row: Row, column: number): Cell {
		const sandbox = sandboxes[column];
		const fault = FAULTS[column - 1];
		return {
			sandbox,
			node: (type, parameters) => {
				const credentialType = type.startsWith('dataFast') ? 'dataFastApi' : 'sendcloudApi';
				const credentials = {
					[credentialType]: {
						id: credentialId(rows.indexOf(row), column, credentialType),
						name: credentialType,
					},
				};
				return makeNode(type, parameters as INodeParameters, { credentials, continueOnFail: true });
			},
			arm: () => {
				if (fault) sandbox.injectFaults({ ...row.target, ...fault.fault });
			},
		};
	}

	test.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
		sandboxes.forEach((sandbox) => sandbox.reset());
		const [baseline, ...outcomes] = await Promise.all(
			COLUMNS.map(async (_column, column) => await row.run(cellFor(row, column))),
		);
		expect(baseline.broken).toBeUndefined();
		expect(baseline.units.filter((unit) => 'error' in unit)).toEqual([]);

		const cells = outcomes.map((outcome, i) => judge(row, FAULTS[i], outcome, baseline));
		matrix.push({ row: row.name, cells });
		// Every fault met its request: a cell whose fault hit nothing would judge nothing.
		expect(sandboxes.flatMap((sandbox) => sandbox.pendingFaults())).toEqual([]);

		const verdicts = Object.fromEntries(FAULTS.map((fault, i) => [fault.name, cells[i].verdict]));
		expect(
			Object.entries(verdicts).filter(
				([, verdict]) => verdict === 'LOST' || verdict === 'DUPLICATED',
			),
		).toEqual([]);
		const expected = Object.fromEntries(
			FAULTS.map((fault) => [
				fault.name,
				row.expected?.[fault.name] ?? fault.expected ?? 'recovered',
			]),
		);
		// The details (what the errors said) show in the diff when a verdict is not the one expected.
		expect({ verdicts, details: cells.map((c) => c.detail).filter(Boolean) }).toEqual({
			verdicts: expected,
			details: expect.anything(),
		});
	});
}

function renderMatrix(area: string, matrix: MatrixRow[]): string {
	const header = `| Operation | ${FAULTS.map((f) => f.name).join(' | ')} |`;
	const rule = `| --- | ${FAULTS.map(() => '---').join(' | ')} |`;
	const lines = matrix.map(
		({ row, cells }) => `| ${row} | ${cells.map((c) => c.verdict).join(' | ')} |`,
	);
	const errors = matrix.flatMap(({ row, cells }) => {
		const byText = new Map<string, string[]>();
		cells.forEach((cell, i) => {
			if (cell.verdict === 'recovered' || cell.verdict === 'recovered*' || !cell.detail) return;
			byText.set(cell.detail, [...(byText.get(cell.detail) ?? []), FAULTS[i].name]);
		});
		return [...byText].map(([text, faults]) => `- ${row} — ${faults.join(', ')}: ${text}`);
	});
	return [
		`## Fault matrix: ${area}`,
		'',
		header,
		rule,
		...lines,
		'',
		'`recovered`: the same output as without the fault. `recovered*`: the same work done, found done by the attempt whose answer was lost, so reported `existing` (labels) or `unchanged` (orders, without their `shipment_uuid`). `clear error`: the item fails with a NodeApiError saying what happened, one error item per input item with Continue On Fail. Never allowed: `LOST`, `DUPLICATED`, `unclear error`, `different output`.',
		'',
		`Each fault hits the operation's request once (a later page for lists, the announce or the label file for label purchases); \`reset before\` drops the connection before the server acts, \`reset after applied\` after it has. \`slow\` answers after ${SLOW_MS / 1000} s, well within the transport's timeout (60 s a JSON call, 120 s a file), and is waited for. \`redirect elsewhere\` answers 302 to another host, which is never followed (test/redirects.test.ts checks that nothing reaches it).`,
		...(errors.length ? ['', 'What the errors said:', '', ...errors] : []),
		'',
	].join('\n');
}
