import type { IDataObject } from 'n8n-workflow';

export interface IntegrationWatchState {
	version: 1;
	scope: string;
	failingSince: string | null;
}

/** Fires when `failing_since` goes from empty to a timestamp (or to a new one), and optionally back. */
export function checkIntegration(
	previous: IntegrationWatchState | undefined,
	scope: string,
	integration: IDataObject,
	notifyRecovery: boolean,
): { state: IntegrationWatchState; fire: IDataObject[] } {
	const failingSince = (integration.failing_since as string | null | undefined) ?? null;
	const state: IntegrationWatchState = { version: 1, scope, failingSince };
	if (!previous || previous.version !== 1 || previous.scope !== scope) return { state, fire: [] };
	if (failingSince && failingSince !== previous.failingSince)
		return { state, fire: [{ event: 'failing', ...integration }] };
	if (!failingSince && previous.failingSince && notifyRecovery) {
		return {
			state,
			fire: [{ event: 'recovered', failing_since_before: previous.failingSince, ...integration }],
		};
	}
	return { state, fire: [] };
}
