import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The API's `YYYY-MM-DD` from what users type or map: ISO strings, Luxon DateTimes, Dates. */
export function toApiDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (
		typeof value === 'object' &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function'
	) {
		return String((value as { toISODate: () => string }).toISODate());
	}
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
	// The date as written, in the offset it was written in: "2026-11-20T23:30:00+01:00" is the 20th.
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(value).trim());
	return match && !Number.isNaN(Date.parse(match[1])) ? match[1] : undefined;
}

/**
 * An ISO date-time from what users map (Luxon DateTimes, Dates, text). Text that is no date is
 * kept as it is, so that the API's own check names it.
 */
export function toIsoDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	const date = value instanceof Date ? value : new Date(String(value));
	return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/**
 * A date-time field's value as the ISO 8601 UTC text the API takes: an expression may give a Luxon
 * DateTime rather than text, and a wrong date must fail before anything is sent.
 */
export function isoDateTime(node: INode, label: string, value: unknown, itemIndex: number): string {
	const text =
		typeof (value as { toISO?: unknown })?.toISO === 'function'
			? String((value as { toISO: () => string }).toISO())
			: String(value);
	if (Number.isNaN(Date.parse(text))) {
		throw new NodeOperationError(node, `${label}: "${text}" is not a date and time`, {
			itemIndex,
		});
	}
	return new Date(text).toISOString();
}
