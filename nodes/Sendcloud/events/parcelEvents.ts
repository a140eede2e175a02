import { createHash } from 'crypto';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { parseEvent } from '../webhook/deliveries';
import { PARCEL_EVENT_TYPE } from './naming';

/** The enums of the spec's parcel event (`parcel-event-*` in the Event Subscriptions spec). */
export const EVENT_SOURCES = ['carrier', 'internal', 'calculated', 'claim'];
export const PHASES = [
	'accepted',
	'announced',
	'announcing',
	'attempted',
	'cancelled',
	'customs',
	'delivered',
	'delivery_forced',
	'dropped',
	'in_delivery',
	'in_transit',
	'labelled',
	'none',
	'no_label',
	'pup',
	'ready_to_send',
	'sorted',
	'unknown',
];
export const EXCEPTIONS = [
	'address_error',
	'announcement_failed',
	'cancellation_failed',
	'cancelled',
	'cancelled_upstream',
	'cancelling',
	'cancelling_upstream',
	'changed',
	'claim',
	'claimable',
	'customer_rejected',
	'customer_support',
	'customs_issue',
	'damaged',
	'delay_unknown',
	'delivery_delay',
	'dropoff_expiration',
	'handover_delay',
	'hold',
	'missing',
	'none',
	'non_conformity',
	'off_radar',
	'pup_expiration',
	'refused',
	'relabelled',
	'returned_sender',
	'sorting_delay',
	'unknown',
];
export const STATUS_TYPES = ['error', 'success', 'warning'];

const NAMES: Record<string, string> = {
	pup: 'At Pick-Up Point',
	pup_expiration: 'Pick-Up Point Expiration',
	none: 'None (On the Expected Path)',
	no_label: 'No Label',
};

/** A multi-options list for an enum, sorted by name: `in_transit` reads "In Transit". */
export function optionsOf(values: string[]): INodePropertyOptions[] {
	return values
		.map((value) => ({
			name:
				NAMES[value] ??
				value
					.split('_')
					.map((word) => word[0].toUpperCase() + word.slice(1))
					.join(' '),
			value,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** What narrows the events that start a run; an empty list lets every value through. */
export interface EventFilters {
	phases?: string[];
	exceptions?: string[];
	statusTypes?: string[];
	eventSources?: string[];
}

/** A delivery's payload: `{event_type, data: {parcel, event}}`. */
export interface ParcelEventPayload extends IDataObject {
	event_type: string;
	data: { parcel: IDataObject; event: IDataObject };
}

/**
 * The payload of an authenticated delivery: a parcel event, another event type (answered 200, starts nothing), or
 * a reason to answer 400. The reason never quotes the body.
 */
export function parseDelivery(
	body: Buffer,
): { event: ParcelEventPayload } | { otherType: string } | { invalid: string } {
	const parsed = parseEvent(body);
	if ('invalid' in parsed) return parsed;
	const { event } = parsed;
	if (event.event_type !== PARCEL_EVENT_TYPE) return { otherType: String(event.event_type ?? '') };
	const data = event.data as IDataObject | undefined;
	const isObject = (value: unknown) =>
		value !== null && typeof value === 'object' && !Array.isArray(value);
	if (!isObject(data) || !isObject(data!.parcel) || !isObject(data!.event))
		return { invalid: 'The parcel event has no data.parcel or data.event object' };
	return { event: event as ParcelEventPayload };
}

/** Whether the event passes the filters: each non-empty list must hold the event's value. */
export function eventWanted(payload: ParcelEventPayload, filters: EventFilters): boolean {
	const { event } = payload.data;
	const checks: Array<[string[] | undefined, unknown]> = [
		[filters.phases, event.phase],
		[filters.exceptions, event.exception],
		[filters.statusTypes, event.status_type],
		[filters.eventSources, event.event_type],
	];
	return checks.every(([wanted, value]) => !wanted?.length || wanted.includes(String(value)));
}

/**
 * What identifies one parcel event. Deliveries carry no event ID (see docs/parcel-events.md): an event is its
 * parcel, its time and what it says, so a retry of the same event has the same key however Sendcloud serialises it.
 * 128 bits of SHA-256, to keep static data small.
 */
export function eventKey(payload: ParcelEventPayload): string {
	const { parcel, event } = payload.data;
	const parts = [
		parcel.parcel_id,
		event.timestamp,
		event.event_type,
		event.phase,
		event.exception,
		event.sub_status,
		event.status_type,
		event.description,
	].map((part) => String(part ?? ''));
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The fields people use, flat. */
export function simplifyParcelEvent(payload: ParcelEventPayload): IDataObject {
	const { parcel, event } = payload.data;
	return {
		parcel_id: parcel.parcel_id ?? null,
		tracking_number: parcel.tracking_number ?? null,
		carrier_code: parcel.carrier_code ?? null,
		phase: event.phase ?? null,
		exception: event.exception ?? null,
		status_type: event.status_type ?? null,
		sub_status: event.sub_status ?? null,
		event_source: event.event_type ?? null,
		description: event.description ?? null,
		event_time: event.timestamp ?? null,
		end_of_tracking: event.end_of_tracking ?? null,
		is_returned: event.is_returned ?? null,
	};
}
