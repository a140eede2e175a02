import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	apiRequest,
	apiResponse,
	NEXT_IN_LINK_HEADER,
	pagesOf,
	type RequestContext,
	type ResponseExpectations,
} from '../../shared/transport';
import { sendcloudProfile, sendcloudV3Profile } from './profile';

export * from './profile';

export interface SendcloudRequest {
	body?: unknown;
	qs?: IDataObject;
	/** The input item the request is for: its errors name it. */
	itemIndex?: number;
	/** Runs on each answer inside the retry loop: throwing there marks the answer malformed. */
	check?: (body: unknown) => void;
}

/**
 * One request to Sendcloud's v2 API (integrations, their orders and exception logs): paced to the
 * account's limits, retried when safe, judged and mapped to n8n errors by the shared transport.
 */
export async function sendcloudApiRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, itemIndex, check }: SendcloudRequest = {},
): Promise<IDataObject> {
	return (await apiRequest.call(
		this,
		sendcloudProfile,
		{ method, url: path, body: body as IDataObject, qs },
		itemIndex,
		check,
	)) as IDataObject;
}

/** The records of each page of a v2 list (cursor pages, `{results, next}`). */
export function sendcloudPages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	itemIndex?: number,
): AsyncGenerator<IDataObject[]> {
	return pagesOf.call(this, sendcloudProfile, { method: 'GET', url: path, qs }, { itemIndex });
}

/** One request to Sendcloud's v3 API (shipments, labels, documents), on the same quota as v2. */
export async function sendcloudV3ApiRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, itemIndex, check }: SendcloudRequest = {},
): Promise<IDataObject> {
	return (await apiRequest.call(
		this,
		sendcloudV3Profile,
		{ method, url: path, body: body as IDataObject, qs },
		itemIndex,
		check,
	)) as IDataObject;
}

/**
 * A v3 request with its whole answer: for files (`encoding: 'arraybuffer'` and their type as
 * Accept) and for statuses that are answers, such as the 409 that returns an existing shipment.
 */
export async function sendcloudV3Response(
	this: RequestContext,
	options: Parameters<typeof apiResponse>[1],
	itemIndex?: number,
	expectations?: ResponseExpectations,
): Promise<IN8nHttpFullResponse> {
	return await apiResponse.call(this, sendcloudV3Profile, options, itemIndex, expectations);
}

/** The records of each page of a v3 list (`{data}`, the next page in the `Link` header). */
export function sendcloudV3Pages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	itemIndex?: number,
): AsyncGenerator<IDataObject[]> {
	return pagesOf.call(
		this,
		sendcloudV3Profile,
		{ method: 'GET', url: path, qs },
		{ links: NEXT_IN_LINK_HEADER, itemIndex },
	);
}
