import type { IDataObject } from 'n8n-workflow';

/**
 * Finds new or updated orders between polls, exactly once, from a list that can only be filtered
 * by day (`start_date`) and whose timestamps may tie or arrive late.
 *
 * Orders are tracked by Sendcloud's `created_at`. Each poll reads back to `watermark - window`
 * (the newest order handled, minus how late an order may become visible, plus the update window)
 * and skips the orders it has already handled, remembered by `shipment_uuid` for that window only:
 * the state stays small however many orders the integration holds. When more orders than
 * MAX_REMEMBERED fall inside the window, the read boundary `floor` moves up past the oldest instead
 * of forgetting orders that the next poll would read again and take for new.
 */
export interface OrderWatchState {
	version: 1;
	/** Integration and event the state belongs to: it starts over when either changes. */
	scope: string;
	/** created_at (ms) of the newest order handled; 0 before any order existed. */
	watermark: number;
	/** Orders created before this (ms) are no longer read: the window held more than MAX_REMEMBERED. */
	floor?: number;
	/** uuid → [created_at ms, shipment_updated_at ms] of orders handled inside the window. */
	seen: Record<string, [number, number]>;
}

export interface WatchOptions {
	event: 'newShipment' | 'updatedShipment';
	/** How late after its created_at an order may become visible and still be caught. */
	latenessMs: number;
	/** For updates: orders created this long before the newest one are watched for changes. */
	updateWindowMs: number;
	/** At most this many orders handled per poll (0: no cap); the rest wait for the next poll. */
	maxPerPoll: number;
	orderStatuses: string[];
	paymentStatuses: string[];
	/** For updates: whether an order seen for the first time counts as an update. */
	includeNew: boolean;
	/** Backfill: on the first poll, fire for orders created from this time (ms) on. */
	backfillFrom?: number;
}

/** Pages of orders created on or after `startDate` (YYYY-MM-DD, omitted for no lower bound). */
export type OrderPages = (startDate: string | undefined) => AsyncIterable<IDataObject[]>;

/** Upper bound of remembered orders; beyond it the oldest are no longer watched (see README). */
export const MAX_REMEMBERED = 5000;

const DAY_MS = 24 * 3600 * 1000;

/**
 * The first day the sample for "Fetch Test Event" reads from: Sendcloud lists one year back unless
 * given a start date, and a shop's newest order may be older than that. Sendcloud began in 2012.
 */
const ANY_AGE = '2012-01-01';

const createdOf = (order: IDataObject) => Date.parse(String(order.created_at));
const updatedOf = (order: IDataObject) => {
	const updated = Date.parse(String(order.shipment_updated_at ?? order.updated_at));
	return Number.isNaN(updated) ? createdOf(order) : updated;
};
/** An order without a readable `created_at` cannot be placed in time: it is left out and reported. */
const dated = (order: IDataObject) => !Number.isNaN(createdOf(order));
// A backfill can read more orders than one call takes as arguments: no Math.max(...list).
const newestOf = (orders: IDataObject[], from = 0) =>
	orders.reduce((max, order) => Math.max(max, createdOf(order)), from);
const oldestOf = (orders: IDataObject[]) =>
	orders.reduce((min, order) => Math.min(min, createdOf(order)), Infinity);
const uuidOf = (order: IDataObject) => String(order.shipment_uuid);
const statusId = (status: unknown) =>
	typeof status === 'object' && status !== null
		? String((status as IDataObject).id ?? '')
		: String(status ?? '');

/**
 * The day to query from: a day before the cutoff's UTC day, because the API's days may be in
 * another time zone than UTC. Reading one more day costs nothing on a newest-first list, which
 * is left as soon as it passes the cutoff.
 */
function startDateFor(cutoff: number): string | undefined {
	return cutoff > DAY_MS ? new Date(cutoff - DAY_MS).toISOString().slice(0, 10) : undefined;
}

/** Whether a page's orders go from newest to oldest, and it is past `cutoff` then. */
function passed(page: IDataObject[], cutoff: number): boolean {
	const times = page.filter(dated).map(createdOf);
	if (times.length === 0) return false;
	const newestFirst =
		times.every((t, i) => i === 0 || t <= times[i - 1]) && times[0] > times[times.length - 1];
	return newestFirst && times[times.length - 1] < cutoff;
}

/** Reads the orders created at or after `from`, leaving a newest-first list as soon as it passes it. */
async function ordersSince(
	pages: OrderPages,
	from: number,
	undated: IDataObject[],
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for await (const page of pages(startDateFor(from))) {
		undated.push(...page.filter((order) => !dated(order)));
		found.push(...page.filter((order) => dated(order) && createdOf(order) >= from));
		if (passed(page, from)) break;
	}
	return found;
}

/**
 * The newest order and those created within `windowMs` before it: where a first activation
 * stands. A newest-first list is left after its first pages, however many orders it holds.
 */
async function newestOrders(
	pages: OrderPages,
	windowMs: number,
	undated: IDataObject[],
	startDate?: string,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	let newest = 0;
	for await (const page of pages(startDate)) {
		const usable = page.filter(dated);
		undated.push(...page.filter((order) => !dated(order)));
		found.push(...usable);
		newest = newestOf(usable, newest);
		if (passed(page, newest - windowMs)) break;
	}
	return found.filter((order) => createdOf(order) >= newest - windowMs);
}

function byTime(timeOf: (order: IDataObject) => number) {
	return (a: IDataObject, b: IDataObject) =>
		timeOf(a) - timeOf(b) || uuidOf(a).localeCompare(uuidOf(b));
}

/**
 * Forgets the orders created before `before`, which no poll reads again. Past MAX_REMEMBERED, the
 * oldest are forgotten too and the floor moves up to the oldest kept, so that the next polls do not
 * read them and take them for new (orders sharing the floor's time are all kept). The floor never
 * passes `pendingFrom`, the oldest order still waiting for a later poll (Max Orders per Poll).
 */
function forget(state: OrderWatchState, before: number, pendingFrom = Infinity) {
	const { seen } = state;
	for (const [uuid, [created]] of Object.entries(seen)) if (created < before) delete seen[uuid];
	const entries = Object.entries(seen);
	if (entries.length > MAX_REMEMBERED) {
		entries.sort((a, b) => a[1][0] - b[1][0]);
		const floor = Math.min(entries[entries.length - MAX_REMEMBERED][1][0], pendingFrom);
		for (const [uuid, [created]] of entries) if (created < floor) delete seen[uuid];
		state.floor = Math.max(state.floor ?? 0, floor);
	}
}

/**
 * Runs one poll: returns the orders to fire for, the state to keep once they are handed over, and
 * the orders left out because their `created_at` is not a date.
 */
export async function pollOrders(
	previous: OrderWatchState | undefined,
	scope: string,
	options: WatchOptions,
	pages: OrderPages,
): Promise<{ state: OrderWatchState; fire: IDataObject[]; undated: IDataObject[] }> {
	const fresh =
		!previous ||
		previous.version !== 1 ||
		previous.scope !== scope ||
		!Number.isFinite(previous.watermark);
	const state: OrderWatchState = fresh
		? { version: 1, scope, watermark: options.backfillFrom ?? 0, seen: {} }
		: { ...previous, seen: { ...previous.seen } };
	const windowMs =
		options.event === 'newShipment'
			? options.latenessMs
			: options.updateWindowMs + options.latenessMs;
	const undated: IDataObject[] = [];
	// The first activation only records where it stands (unless it backfills).
	if (fresh && options.backfillFrom === undefined) {
		const orders = await newestOrders(pages, windowMs, undated);
		for (const order of orders) state.seen[uuidOf(order)] = [createdOf(order), updatedOf(order)];
		state.watermark = newestOf(orders);
		forget(state, state.watermark - windowMs);
		return { state, fire: [], undated };
	}
	const from =
		fresh && options.backfillFrom !== undefined ? options.backfillFrom : state.watermark - windowMs;
	const orders = await ordersSince(pages, Math.max(0, from, state.floor ?? 0), undated);

	const isNew = (order: IDataObject) => state.seen[uuidOf(order)] === undefined;
	let candidates: IDataObject[];
	if (options.event === 'newShipment') {
		candidates = orders.filter(isNew).sort(byTime(createdOf));
	} else {
		for (const order of orders) {
			// Orders seen for the first time are remembered now when they do not count as updates.
			if (isNew(order) && !options.includeNew)
				state.seen[uuidOf(order)] = [createdOf(order), updatedOf(order)];
		}
		candidates = orders
			.filter((order) => isNew(order) || state.seen[uuidOf(order)][1] !== updatedOf(order))
			.sort(byTime(updatedOf));
	}
	const handled = options.maxPerPoll > 0 ? candidates.slice(0, options.maxPerPoll) : candidates;
	for (const order of handled) state.seen[uuidOf(order)] = [createdOf(order), updatedOf(order)];
	state.watermark = newestOf(options.event === 'newShipment' ? handled : orders, state.watermark);
	forget(state, state.watermark - windowMs, oldestOf(candidates.slice(handled.length)));

	const wanted = (list: string[], status: unknown) =>
		list.length === 0 || list.includes(statusId(status));
	const fire = handled.filter(
		(order) =>
			wanted(options.orderStatuses, order.order_status) &&
			wanted(options.paymentStatuses, order.payment_status),
	);
	return { state, fire, undated };
}

/**
 * A sample for "Fetch Test Event": the integration's newest order however old it is, without
 * touching any state; one request on a newest-first list.
 */
export async function newestOrder(pages: OrderPages): Promise<IDataObject | undefined> {
	const orders = await newestOrders(pages, 0, [], ANY_AGE);
	return orders.sort(byTime(createdOf)).at(-1);
}
