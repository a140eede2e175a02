/** What the fault matrix's rows of more than one area share (kit.ts): run a node, read its output. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeRun } from '../../helpers/engine';
import type { Sandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';
import type { Cell, Outcome, Unit } from './kit';

export const rl = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
export const without = (json: IDataObject, ...keys: string[]) =>
	Object.fromEntries(Object.entries(json).filter(([key]) => !keys.includes(key)));
export const bytesOf = (item: INodeExecutionData, property = 'data') =>
	Buffer.from(item.binary?.[property]?.data ?? '', 'base64');

export function binarySummary(item: INodeExecutionData) {
	return Object.fromEntries(
		Object.entries(item.binary ?? {}).map(([property, file]) => [
			property,
			{
				mimeType: file.mimeType,
				fileName: file.fileName,
				starts: bytesOf(item, property).subarray(0, 5).toString('latin1'),
			},
		]),
	);
}

export const plainView = (item: INodeExecutionData) =>
	item.binary ? { json: item.json, binary: binarySummary(item) } : item.json;

/** A node run's units: one per output item, or, for a list operation, the list as one unit. */
export function unitsOf(
	run: NodeRun,
	{
		view = plainView,
		list = false,
	}: { view?: (item: INodeExecutionData) => unknown; list?: boolean } = {},
): Unit[] {
	// With Continue On Fail, an error of the node itself means an item went without its error item.
	if (run.error) return [{ error: run.error, nodeLevel: true }];
	const unit = (item: INodeExecutionData): Unit =>
		item.error ? { error: item.error } : { view: view(item) };
	if (list && !run.items.some((item) => item.error)) return [{ view: run.items.map(view) }];
	return run.items.map(unit);
}

export async function settled(action: () => Promise<unknown>): Promise<Unit> {
	try {
		return { view: await action() };
	} catch (error) {
		return { error };
	}
}

/** A PDF claimed as a file must be one: a proxy's HTML page saved as a label is a lost label. */
export function fakeFiles(run: NodeRun): Outcome['broken'] {
	const fake = run.items.find(
		(item) =>
			!item.error &&
			item.binary?.data?.mimeType === 'application/pdf' &&
			!bytesOf(item).toString('latin1').startsWith('%PDF-'),
	);
	return fake
		? {
				verdict: 'LOST',
				why: `saved as a PDF: ${bytesOf(fake).subarray(0, 40).toString('latin1')}…`,
			}
		: undefined;
}

export const integration = (sandbox: Sandbox, id = 101) =>
	sandbox.state.integrations.find((i) => i.id === id);

/** Shipments announced straight in the sandbox's store, without requests. */
export const seeded = (cell: Cell, count: number, overrides: IDataObject = {}) =>
	cell.sandbox.v3.seedShipments(
		Array.from({ length: count }, (_, n) => apiShipment(`seeded-${n}`, overrides)),
	);
