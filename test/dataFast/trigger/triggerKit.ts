/** What the DataFast Trigger's tests share: the node, the sandbox's website helpers, a clock. */
import type { IDataObject, INode } from 'n8n-workflow';

import { PACKAGE, TriggerRunner } from '../../helpers/engine';
import { CLOCK_START, type Sandbox } from '../../helpers/sandbox';

/** Seeded: Stripe and Paddle connected, the Paddle key expiring 2027-03-01 (test/sandbox/seed.js). */
export const WEBSITE = '66f1c0ffee0123456789abcd';
/** Seeded: nothing connected, no Paddle key. */
export const EMPTY_WEBSITE = '66f1c0ffee0123456789abce';
export const DAY_MS = 24 * 3600_000;
export const NODE_NAME = 'DataFast Trigger';

export const triggerNode = (parameters: IDataObject): INode => ({
	id: 'node-dataFastTrigger',
	name: NODE_NAME,
	type: `${PACKAGE}.dataFastTrigger`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { websiteId: WEBSITE, ...parameters } as never,
	credentials: { dataFastApi: { id: 'cred-dataFastApi', name: 'dataFastApi' } },
});

export const watcher = (parameters: IDataObject) => new TriggerRunner(triggerNode(parameters));

/** The trigger's static data, as n8n would save it. */
export const stateOf = (runner: TriggerRunner) =>
	runner.staticData[`node:${NODE_NAME}`] as IDataObject | undefined;

/** The sandbox's DataFast helpers (test/sandbox/dataFastStates.js). */
export interface DataFastStates {
	website(websiteId: string): IDataObject;
	setConnected(websiteId: string, provider: string, connected: boolean): void;
	setPaddleKeyExpiry(websiteId: string, expiresAt: number | string | null): void;
}
export const dataFastOf = (sandbox: Sandbox) =>
	(sandbox as unknown as { dataFast: DataFastStates }).dataFast;

/**
 * The node asks Date.now() for "now" (the Paddle key's days left); tests set it, starting at
 * CLOCK_START, so that no test depends on the day it runs.
 */
export function useClock() {
	let now = CLOCK_START;
	beforeEach(() => {
		now = CLOCK_START;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
	});
	afterEach(() => jest.restoreAllMocks());
	return {
		set: (ms: number) => (now = ms),
		get now() {
			return now;
		},
	};
}

export const DATAFAST_CALLS = (sandbox: Sandbox) =>
	sandbox.requests
		.filter((r) => r.path.startsWith('/datafast/'))
		.map((r) => `${r.method} ${r.path}`);
