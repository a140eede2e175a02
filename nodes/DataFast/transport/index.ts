import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, type RequestContext } from '../../shared/transport';
import { dataFastProfile } from './profile';

export * from './profile';

export interface DataFastRequest {
	/** The input item the request is for: its errors name it. */
	itemIndex?: number;
	/** Runs on each answer inside the retry loop: throwing there marks the answer malformed. */
	check?: (body: unknown) => void;
}

/**
 * One request to DataFast's API with the account token: retried when safe (reads), judged and
 * mapped to n8n errors with DataFast's own texts by the shared transport.
 */
export async function dataFastApiRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	{ itemIndex, check }: DataFastRequest = {},
): Promise<IDataObject> {
	return (await apiRequest.call(
		this,
		dataFastProfile,
		// JSON is the only answer the node reads.
		{ method, url: path, headers: { Accept: 'application/json' } },
		itemIndex,
		check,
	)) as IDataObject;
}
