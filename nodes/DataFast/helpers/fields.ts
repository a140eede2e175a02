import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export { returnAllAndLimit, wantedCount, takeRecords as recordsUpTo } from '../../shared/returnAll';

/** The page size to ask for: DataFast's maximum for the route, or less when fewer are wanted. */
export const pageSizeFor = (wanted: number, max: number) => Math.min(max, Math.max(1, wanted));

/** The Start / End fields of a time range (both or neither). */
export function rangeFields(
	displayOptions: IDisplayOptions,
	what = 'Leave both empty for all time.',
): INodeProperties[] {
	return [
		{
			displayName: 'Start',
			name: 'startAt',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-01-01 or 2026-01-01T00:00:00Z',
			description: `Start of the time range: a date (YYYY-MM-DD) or an ISO 8601 date-time. Give Start and End together. ${what}`,
			displayOptions,
		},
		{
			displayName: 'End',
			name: 'endAt',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-01-31 or 2026-01-31T23:59:59Z',
			description: `End of the time range (a date includes that whole day): a date (YYYY-MM-DD) or an ISO 8601 date-time. Give Start and End together. ${what}`,
			displayOptions,
		},
	];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One end of a range as DataFast takes it: a date as given, a date-time as ISO 8601 in UTC. */
function instant(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = (raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim()) as string;
	if (!text) return undefined;
	if (DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const parsed = Date.parse(hasZone ? text : `${text}Z`);
	if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(parsed))
		throw new NodeOperationError(ctx.getNode(), `"${text}" is not a date`, {
			itemIndex,
			description:
				'Give a date such as 2026-01-31, or an ISO 8601 date-time such as 2026-01-31T23:59:59Z.',
		});
	return new Date(parsed).toISOString();
}

/** startAt/endAt for the query: both or neither, Start not after End; checked before sending. */
export function rangeQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const startAt = instant(ctx, 'startAt', itemIndex);
	const endAt = instant(ctx, 'endAt', itemIndex);
	if ((startAt === undefined) !== (endAt === undefined))
		throw new NodeOperationError(ctx.getNode(), 'Give both Start and End, or neither', {
			itemIndex,
			description: 'DataFast takes a time range only with both ends.',
		});
	if (startAt === undefined || endAt === undefined) return {};
	if (
		Date.parse(startAt.length === 10 ? `${startAt}T00:00:00Z` : startAt) >
		Date.parse(endAt.length === 10 ? `${endAt}T23:59:59Z` : endAt)
	)
		throw new NodeOperationError(ctx.getNode(), 'Start is after End', { itemIndex });
	return { startAt, endAt };
}

/** A text field, trimmed; empty is undefined. */
export function textAt(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string | undefined {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return value || undefined;
}

/** A required text field, trimmed; empty fails before anything is sent. */
export function requiredText(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = textAt(ctx, name, itemIndex);
	if (value === undefined)
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, { itemIndex });
	return value;
}

/** Name/value pairs of a fixedCollection (`{ values: [{name, value}] }`) as an object. */
export function pairsAt(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): Array<[string, string]> {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as {
		values?: Array<{ name?: string; value?: unknown }>;
	};
	return (collection.values ?? [])
		.map((pair): [string, string] => [String(pair.name ?? '').trim(), String(pair.value ?? '')])
		.filter(([key]) => key !== '');
}
