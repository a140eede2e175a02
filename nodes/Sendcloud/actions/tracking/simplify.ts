import type { IDataObject } from 'n8n-workflow';

const asList = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** The events newest first: Sendcloud does not promise an order, and the newest is the current status. */
export function eventsNewestFirst(parcel: IDataObject): IDataObject[] {
	return asList(parcel.events)
		.map((event, index) => ({ event, index }))
		.sort(
			(a, b) =>
				Date.parse(String(b.event.event_at ?? '')) - Date.parse(String(a.event.event_at ?? '')) ||
				b.index - a.index,
		)
		.map(({ event }) => event);
}

/**
 * What people ask of a tracked parcel: where it is now (the newest event), when it should arrive, which
 * carrier has it and where the customer can follow it.
 */
export function simplifyTracking(parcel: IDataObject, trackingNumber: string): IDataObject {
	const events = eventsNewestFirst(parcel);
	const last = events[0] ?? {};
	const numbers = asList(parcel.tracking_numbers);
	const number = numbers.find((n) => n.tracking_number === trackingNumber) ?? numbers[0] ?? {};
	const details = (parcel.details ?? {}) as IDataObject;
	return {
		tracking_number: number.tracking_number ?? trackingNumber,
		carrier: number.carrier_code ?? null,
		tracking_url: number.tracking_url ?? null,
		status: last.status_code ?? null,
		status_description: last.status_description ?? null,
		last_event_at: last.event_at ?? null,
		last_event: events.length ? last : null,
		expected_delivery_date: details.expected_delivery_date ?? null,
		is_return: details.is_return ?? null,
		announced_at: parcel.announced_at ?? null,
		source_id: parcel.source_id ?? null,
		event_count: events.length,
	};
}
