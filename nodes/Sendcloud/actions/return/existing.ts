import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnDifferences } from './returnBody';
import { listDate, returnPages } from './returnList';

/** How far back a repeat looks for the return its reference was first used for. */
export const LOOKBACK_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

/** Whether a 400 says the external reference was used before (the spec's own wording, or its field). */
export function isDuplicateReference(body: unknown): boolean {
	const text = JSON.stringify(body ?? '');
	return /external.?reference/i.test(text) && /already|been used|exists|unique/i.test(text);
}

/**
 * The return an earlier attempt created with `reference`. The Return object carries no reference and
 * the list cannot filter by one, so the returns created in the `LOOKBACK_DAYS` before Sendcloud's
 * answer (`answeredAt`, from its Date header: the server's clock, not this machine's) are compared
 * with the request: the newest that matches it is this item's. None matching: another return holds
 * the reference, and the error names it.
 */
export async function existingReturn(
	ctx: IExecuteFunctions,
	body: IDataObject,
	answeredAt: number,
	i: number,
): Promise<IDataObject> {
	const reference = String(body.external_reference);
	const qs = {
		from_date: listDate(answeredAt - LOOKBACK_DAYS * DAY_MS),
		to_date: listDate(answeredAt + DAY_MS),
		page_size: 40,
	};
	let newest: IDataObject | undefined;
	let candidates = 0;
	for await (const page of returnPages(ctx, qs, i)) {
		for (const ret of page) {
			// Should Sendcloud return the reference, it decides; otherwise the request's content does.
			if (ret.external_reference !== undefined && ret.external_reference !== reference) continue;
			candidates++;
			if (returnDifferences(body, ret).length) continue;
			if (!newest || String(ret.created_at ?? '') > String(newest.created_at ?? '')) newest = ret;
		}
	}
	if (!newest) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Another return already uses the reference "${reference}", and it is not this item’s return`,
			{
				itemIndex: i,
				description: `No return label was bought for this item. Sendcloud keeps a reference for the return that used it first; none of the ${candidates} returns of the last ${LOOKBACK_DAYS} days has this item’s customer, return address, order number and weight. Give the item a reference of its own (such as its RMA number), or leave External Reference empty to let the node derive one from the return.`,
			},
		);
	}
	return newest;
}
