import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './nodeError';

/**
 * The output item of an input item that failed, under Continue On Fail: n8n shows it as failed and
 * routes it to the error output when asked. The error names its own item.
 */
export function errorItem(
	error: unknown,
	ctx: IExecuteFunctions,
	itemIndex: number,
): INodeExecutionData {
	const nodeError = asNodeError(ctx.getNode(), error, itemIndex);
	nodeError.context = { ...nodeError.context, itemIndex };
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } };
}

/** What one item's work gave: a record, several (a list), or finished output items. */
type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

const isExecutionData = (value: unknown): value is INodeExecutionData =>
	typeof value === 'object' && value !== null && 'json' in value;

/**
 * Runs `work` for each input item in turn: its records come out paired with it. A failure stops
 * the node with the item's index, or, with Continue On Fail, becomes that item's error item.
 */
export async function eachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await work(i);
			const records = Array.isArray(result) ? result : [result];
			for (const record of records) {
				output.push(
					isExecutionData(record)
						? { ...record, pairedItem: { item: i } }
						: { json: record, pairedItem: { item: i } },
				);
			}
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			output.push(errorItem(error, ctx, i));
		}
	}
	return output;
}
