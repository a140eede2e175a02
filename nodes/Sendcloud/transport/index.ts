import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	apiResponse,
	jsonRequestFunction,
	NEXT_IN_LINK_HEADER,
	pagesOf,
	type RequestContext,
	type ResponseExpectations,
} from '../../shared/transport';
import { sendcloudProfile, sendcloudV3Profile } from './profile';

export * from './profile';

/** One request to Sendcloud's v2 API (integrations, their orders and exception logs). */
export const sendcloudApiRequest = jsonRequestFunction(sendcloudProfile);

/** One request to Sendcloud's v3 API (shipments, labels, documents), on the same quota as v2. */
export const sendcloudV3ApiRequest = jsonRequestFunction(sendcloudV3Profile);

/** The records of each page of a v2 list (cursor pages, `{results, next}`). */
export function sendcloudPages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	itemIndex?: number,
): AsyncGenerator<IDataObject[]> {
	return pagesOf.call(this, sendcloudProfile, { method: 'GET', url: path, qs }, { itemIndex });
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
