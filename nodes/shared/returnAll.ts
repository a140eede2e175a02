import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

/** The Return All / Limit fields of a list operation. */
export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

/** How many records Return All / Limit asks for (Infinity for all). */
export function wantedCount(ctx: IExecuteFunctions, itemIndex: number): number {
	return ctx.getNodeParameter('returnAll', itemIndex, false)
		? Infinity
		: (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/**
 * Records from `pages` up to `wanted`: no page is read past it, and no list is spread into one call
 * (n8n's router did, and overflowed past ~120,000 records).
 */
export async function takeRecords(
	pages: AsyncIterable<IDataObject[]>,
	wanted: number,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for await (const page of pages) {
		for (const record of page) {
			if (records.length >= wanted) return records;
			records.push(record);
		}
		if (records.length >= wanted) return records;
	}
	return records;
}
