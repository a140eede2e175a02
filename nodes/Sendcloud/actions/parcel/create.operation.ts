import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { type NodeApiError, type NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { errorItem } from '../../../shared/items';
import { asNodeError } from '../../../shared/nodeError';
import type { Operation } from '../../../shared/router';
import { buyLabel } from './buyLabel';
import { createFields } from './createFields';
import { type Purchase, purchaseOf } from './purchase';

/** Items announced at once; the pacer, not this, keeps them under the write limits. */
const CONCURRENCY = 4;

/**
 * One shipment per input item, each with an external reference, so a request repeated after a lost
 * answer, or a run repeated with the same input, returns the first shipment instead of buying again.
 * Every item is checked before any is bought. Every item gets one output item: the shipment (status
 * `created` or `existing`) with its label as binary data, or an error item with the reasons (and, when
 * the label was bought, the shipment).
 */
async function buyLabels(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[] = new Array(items.length);
	const purchases: Array<Purchase | undefined> = new Array(items.length);
	for (let i = 0; i < items.length; i++) {
		try {
			purchases[i] = purchaseOf(this, items, i);
		} catch (caught) {
			if (!this.continueOnFail()) {
				const error = asNodeError(this.getNode(), caught, i);
				// Stopping after some items were bought left the user to sort out which; stop before any is.
				error.description = [
					error.description,
					'Nothing was bought: every item is checked before any label is bought.',
				]
					.filter(Boolean)
					.join(' ');
				throw error;
			}
			results[i] = errorItem(caught, this, i);
		}
	}

	// The first failure by item order, when failing stops the run (no Continue On Fail).
	const stop: { first?: { index: number; error: NodeApiError | NodeOperationError } } = {};
	const stopAt = (index: number, error: NodeApiError | NodeOperationError) => {
		if (!stop.first || index < stop.first.index) stop.first = { index, error };
	};
	const bought: string[] = [];

	const queue = purchases.flatMap((purchase, i) => (purchase ? [i] : []));
	let next = 0;
	const worker = async () => {
		while (!stop.first && next < queue.length) {
			const i = queue[next++];
			try {
				results[i] = await buyLabel(this, i, purchases[i]!, (what) => bought.push(what));
			} catch (caught) {
				if (!this.continueOnFail()) {
					stopAt(i, asNodeError(this.getNode(), caught, i));
					continue;
				}
				results[i] = errorItem(caught, this, i);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));

	if (stop.first) {
		const { error } = stop.first;
		const unsent = queue.slice(next);
		error.description = [
			error.description,
			bought.length
				? `Labels bought in this run before it stopped: ${bought.join(', ')}.`
				: 'No label was bought in this run.',
			unsent.length ? `Not sent: item${unsent.length > 1 ? 's' : ''} ${unsent.join(', ')}.` : '',
			'Running again with the same input (and the same references) returns the shipments already bought as "existing" without buying them again, and sends the other items.',
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}
	return results;
}

export const create: Operation = {
	option: {
		name: 'Create and Announce',
		value: 'create',
		action: 'Create and announce a shipment',
		description:
			'Buy a shipping label: create a shipment, announce it to the carrier and return it (ID, parcels with tracking numbers) with its label file. Costs money; at most one label per input item, as a repeat with the same input returns the shipment already bought (status "existing").',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcel'], operation: ['create'] } },
		createFields,
	),
	execute: buyLabels,
};
