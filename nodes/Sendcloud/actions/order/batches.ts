import type { Order } from './prepare';

/** The API takes at most 100 orders per request. */
const BATCH_SIZE = 100;

/** An order ready to send, and the input item it came from. */
export interface Pending {
	itemIndex: number;
	integrationId: number;
	order: Order;
	key: string;
}

export interface Batch {
	integrationId: number;
	orders: Pending[];
	/** Batches holding an earlier version of one of these orders: they must land first. */
	after: Batch[];
}

/**
 * Groups orders as they are prepared: per integration, in input order, at most BATCH_SIZE orders,
 * never one order twice in a batch. A batch is handed out as soon as it can no longer grow, so
 * that sending starts while later items are still being checked.
 */
export class BatchBuilder {
	private readonly open = new Map<number, Batch>();

	private readonly latestBatchOf = new Map<string, Batch>();

	add(entry: Pending): Batch[] {
		const closed: Batch[] = [];
		let batch = this.open.get(entry.integrationId);
		if (batch && batch.orders.some((o) => o.key === entry.key)) {
			closed.push(batch);
			batch = undefined;
		}
		if (!batch) {
			batch = { integrationId: entry.integrationId, orders: [], after: [] };
			this.open.set(entry.integrationId, batch);
		}
		const identity = `${entry.integrationId} ${entry.key}`;
		const earlier = this.latestBatchOf.get(identity);
		if (earlier && earlier !== batch && !batch.after.includes(earlier)) batch.after.push(earlier);
		batch.orders.push(entry);
		this.latestBatchOf.set(identity, batch);
		if (batch.orders.length >= BATCH_SIZE) {
			closed.push(batch);
			this.open.delete(entry.integrationId);
		}
		return closed;
	}

	finish(): Batch[] {
		const rest = [...this.open.values()];
		this.open.clear();
		return rest;
	}
}
