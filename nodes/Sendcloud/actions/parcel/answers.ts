import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { malformedAnswer } from '../../../shared/transport';
import { sendcloudV3ApiRequest } from '../../transport';

function dataIn(ctx: IExecuteFunctions, body: unknown): IDataObject {
	const data = (body as IDataObject | null)?.data;
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw malformedAnswer(ctx.getNode(), 'The answer has no "data" record');
	return data as IDataObject;
}

/**
 * The record a v3 GET answers with, inside `data`. A 2xx without it is judged inside the retry
 * loop: retried like a lost answer, and never passed on as an empty record.
 */
export async function getV3Record(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = await sendcloudV3ApiRequest.call(ctx, 'GET', path, {
		itemIndex,
		check: (body) => dataIn(ctx, body),
	});
	return dataIn(ctx, answer);
}
