import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { malformedAnswer } from '../../shared/transport';
import { sendcloudV3ApiRequest } from '../transport';

/** One v3 record by its path (`{data: {...}}`), for item `itemIndex`. */
export async function v3Record(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
	what: string,
): Promise<IDataObject> {
	const answer = (await sendcloudV3ApiRequest.call(ctx, 'GET', path, {
		itemIndex,
		check: (body) => {
			const data = (body as IDataObject | null)?.data;
			if (typeof data !== 'object' || data === null || Array.isArray(data))
				throw malformedAnswer(ctx.getNode(), `The answer holds no ${what}`);
		},
	})) as IDataObject;
	return answer.data as IDataObject;
}

/** The page size a list asks for: as large as allowed for Return All, else no larger than the Limit. */
export function pageSizeFor(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return 100;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	return Math.min(100, Math.max(1, limit));
}

/** A Simplify switch that says which fields it keeps. */
export function simplifyFieldFor(keeps: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only ${keeps} instead of every field`,
	};
}

/** The records as item `itemIndex` asks for them: simplified (the default) or whole. */
export function simplifiedIfAsked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	simplify: (record: IDataObject) => IDataObject,
): IDataObject[] {
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean)) return records;
	return records.map(simplify);
}
