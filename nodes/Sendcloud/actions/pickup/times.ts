import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Milliseconds a time zone is ahead of UTC at the instant `ms`. */
function zoneOffsetMs(timeZone: string, ms: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return (
		Date.UTC(
			part('year'),
			part('month') - 1,
			part('day'),
			part('hour'),
			part('minute'),
			part('second'),
		) -
		Math.floor(ms / 1000) * 1000
	);
}

/**
 * A pickup time as the API's ISO 8601 UTC text. A time without an offset (as n8n's date picker gives it) is
 * read in the workflow's time zone: a pickup at 09:00 is at 09:00 where the workflow says it is.
 */
export function pickupTime(
	node: INode,
	label: string,
	value: unknown,
	timeZone: string,
	itemIndex: number,
): string {
	const text =
		typeof (value as { toISO?: unknown })?.toISO === 'function'
			? String((value as { toISO: () => string }).toISO())
			: String(value ?? '').trim();
	let ms: number;
	if (/(z|[+-]\d{2}:?\d{2})$/i.test(text)) ms = Date.parse(text);
	else {
		const wall = Date.parse(`${text.replace(' ', 'T')}Z`);
		ms = wall - zoneOffsetMs(timeZone, wall);
		ms = wall - zoneOffsetMs(timeZone, ms);
	}
	if (!text || Number.isNaN(ms)) {
		throw new NodeOperationError(node, `${label}: "${text}" is not a date and time`, {
			itemIndex,
			description:
				'Give a date and time such as 2026-12-03T09:00:00 (the workflow’s time zone) or with an offset.',
		});
	}
	return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
