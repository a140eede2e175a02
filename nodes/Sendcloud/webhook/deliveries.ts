import type { IDataObject } from 'n8n-workflow';

/** Parcels remembered at most; beyond it the parcel updated longest ago is forgotten first. */
export const MAX_REMEMBERED_PARCELS = 1000;

/**
 * Per parcel, the `timestamp` of the newest status change that started an execution, least
 * recently updated first. A list, not an object: an object would order numeric parcel IDs by
 * value instead of by update.
 */
export type FiredStatuses = Array<[parcelId: string, timestamp: number]>;

/**
 * Whether a parcel status change is news: Sendcloud retries deliveries and they can arrive out of
 * order, so a change no newer than the newest one already fired for the same parcel (a repeat, or
 * an older status arriving late) starts nothing. Returns the remembered statuses to keep, bounded
 * to MAX_REMEMBERED_PARCELS, or undefined when the event is not news.
 */
export function recordIfNews(
	fired: FiredStatuses,
	parcelId: string,
	timestamp: number,
): FiredStatuses | undefined {
	const newest = fired.find(([id]) => id === parcelId)?.[1];
	if (newest !== undefined && timestamp <= newest) return undefined;
	const others = fired.filter(([id]) => id !== parcelId);
	return [
		...others.slice(Math.max(0, others.length + 1 - MAX_REMEMBERED_PARCELS)),
		[parcelId, timestamp],
	];
}

/** The fields people use of an event, whatever its kind. */
export function simplifyEvent(event: IDataObject): IDataObject {
	const base = { event: event.action ?? null, event_time: isoTime(event.timestamp) };
	const parcel = event.parcel as IDataObject | undefined;
	if (parcel) {
		const status = (parcel.status ?? {}) as IDataObject;
		const carrier = parcel.carrier as IDataObject | string | undefined;
		return {
			...base,
			parcel_id: parcel.id ?? null,
			status_id: status.id ?? null,
			status_message: status.message ?? null,
			tracking_number: parcel.tracking_number ?? null,
			tracking_url: parcel.tracking_url ?? null,
			order_number: parcel.order_number ?? null,
			external_order_id: parcel.external_order_id ?? null,
			shipment_uuid: parcel.shipment_uuid ?? null,
			carrier: (typeof carrier === 'object' ? carrier?.code : carrier) ?? null,
		};
	}
	const integration = event.integration as IDataObject | undefined;
	if (integration)
		return {
			...base,
			integration_id: integration.id ?? null,
			shop_name: integration.shop_name ?? null,
		};
	return { ...base, data: event.data ?? null };
}

/** A Sendcloud timestamp (milliseconds, or seconds in some payloads) as ISO 8601; null when absent. */
export function isoTime(timestamp: unknown): string | null {
	const at = timestampMs(timestamp);
	return at === undefined ? null : new Date(at).toISOString();
}

/** A Sendcloud timestamp in milliseconds; undefined when absent or not a time. */
export function timestampMs(timestamp: unknown): number | undefined {
	const value = Number(timestamp);
	if (!Number.isFinite(value) || value <= 0) return undefined;
	// Ten-digit values are seconds: anything in milliseconds is past 1973.
	return value < 1e11 ? value * 1000 : value;
}

/**
 * The event a signed body carries: a JSON object, or a reason to answer 400. Sendcloud sends nothing else; the
 * reason never quotes the body.
 */
export function parseEvent(body: Buffer): { event: IDataObject } | { invalid: string } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		return { invalid: 'The body is not JSON' };
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
		return { invalid: 'The body is not a JSON object' };
	return { event: parsed as IDataObject };
}
