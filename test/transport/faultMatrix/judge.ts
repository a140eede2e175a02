/** How one cell of the fault matrix is judged against the row's run without a fault (kit.ts says what each verdict means). */

import { isDeepStrictEqual } from 'util';

import { NodeApiError } from 'n8n-workflow';

import type { Fault, Outcome, Row, Unit, Verdict } from './kit';

function errorText(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string };
	return [message, description].filter(Boolean).join(' — ');
}

export function judge(
	row: Row,
	fault: Fault,
	outcome: Outcome,
	baseline: Outcome,
): { verdict: Verdict; detail?: string } {
	if (outcome.broken) return { verdict: outcome.broken.verdict, detail: outcome.broken.why };
	const same = (a: Unit[], b: Unit[]) => isDeepStrictEqual(a, b);
	if (same(outcome.units, baseline.units)) return { verdict: 'recovered' };
	const asWork = (units: Unit[]) =>
		units.map((unit) => ('view' in unit && row.work ? { view: row.work(unit.view) } : unit));
	const errors = outcome.units.filter(
		(unit): unit is { error: unknown; nodeLevel?: boolean } => 'error' in unit,
	);
	if (!errors.length) {
		if (row.work && same(asWork(outcome.units), asWork(baseline.units)))
			return { verdict: 'recovered*' };
		return { verdict: 'different output', detail: JSON.stringify(outcome.units).slice(0, 300) };
	}
	if (outcome.units.length !== baseline.units.length) {
		return {
			verdict: 'LOST',
			detail: `${outcome.units.length} output items for ${baseline.units.length} input items`,
		};
	}
	const changed = outcome.units.find(
		(unit, i) => 'view' in unit && !isDeepStrictEqual(asWork([unit]), asWork([baseline.units[i]])),
	);
	if (changed)
		return { verdict: 'different output', detail: JSON.stringify(changed).slice(0, 300) };
	const unclear = errors.find(
		(unit) =>
			unit.nodeLevel ||
			!(unit.error instanceof NodeApiError) ||
			!fault.says.test(errorText(unit.error)),
	);
	if (unclear)
		return {
			verdict: 'unclear error',
			detail: `${unclear.nodeLevel ? '(the node failed, no error item) ' : ''}${errorText(unclear.error)}`,
		};
	return { verdict: 'clear error', detail: errorText(errors[0].error) };
}
