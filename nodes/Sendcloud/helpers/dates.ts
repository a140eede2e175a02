import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
