/** Node builders and credentials for the DataFast engine tests (test/dataFast/). */
import { credentialsHelper, makeNode } from './engine';
import type { Sandbox } from './sandbox';

export const SITE_A = '66f1c0ffee0123456789abcd';
export const SITE_B = '66f1c0ffee0123456789abce';
/** A website API key bound to SITE_A (test/sandbox/datafast/index.js). */
export const WEBSITE_KEY = 'df_sandbox_shop';
/** The seeded visitors of SITE_A: a0000000-…-000000000000 to …047 (test/sandbox/datafast/seed.js). */
export const visitorA = (i: number) => `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The DataFast node with `parameters`, on SITE_A picked from the list unless `website` is given. */
export function dataFastNode(
	resource: string,
	operation: string,
	parameters: Record<string, unknown> = {},
	settings: Record<string, unknown> = {},
) {
	return makeNode(
		'dataFast',
		{
			resource,
			operation,
			website: { __rl: true, mode: 'list', value: SITE_A },
			...parameters,
		} as never,
		settings,
	);
}

/** Points the DataFast credential at a token of the sandbox (a dft_ token by default in useSandbox). */
export function useToken(sandbox: Sandbox, apiToken: string, kind?: string) {
	credentialsHelper.set('dataFastApi', {
		apiToken,
		baseUrl: sandbox.dataFastBaseUrl,
		...(kind ? { kind } : {}),
	});
}

/** The DataFast requests the sandbox received, as "METHOD /path?query" below /datafast/api/v1. */
export function dataFastCalls(sandbox: Sandbox): string[] {
	return sandbox.requests
		.filter((r) => r.path.startsWith('/datafast/api/v1'))
		.map(
			(r) => `${r.method} ${r.path.slice('/datafast/api/v1'.length)}${decodeURIComponent(r.query)}`,
		);
}

/** The sandbox's DataFast store (test/sandbox/datafast/index.js helpers). */
export function dataFastStore(sandbox: Sandbox) {
	return (sandbox as unknown as { dataFast: DataFastStore }).dataFast;
}

export interface DataFastStore {
	payments(websiteId?: string): Array<Record<string, unknown>>;
	goals(websiteId?: string): Array<Record<string, unknown>>;
	profiles(): Array<Record<string, unknown>>;
	suspend(websiteId: string, suspended?: boolean): void;
}
