import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
	IDataObject,
} from 'n8n-workflow';

import { requestUrl } from '../redirects';
import { assertSuccess } from './answers';
import { NEXT_IN_BODY, type PageLinks, pageWalk, resultsOf } from './pages';
import { type ApiProfile, accountOf, redirected, send } from './send';

/**
 * First post-receive step of every routed operation: fails on an unsuccessful answer, and
 * splits a top-level list into items as n8n does for operations without post-receive steps.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	assertSuccess(this.getNode(), response);
	if (Array.isArray(response.body))
		return (response.body as IDataObject[]).map((json) => ({ json }));
	return items;
}

/**
 * Routing for one operation that goes through the shared transport. n8n's router calls the
 * `pagination` function only when `paginate` is set, and that function is the one hook around
 * its HTTP call; `checkResponse` then judges the answer before any other post-receive step.
 */
export function viaTransport(routing: INodePropertyRouting): INodePropertyRouting {
	return {
		...routing,
		send: { ...routing.send, paginate: true },
		output: {
			...routing.output,
			postReceive: [checkResponse, ...(routing.output?.postReceive ?? [])],
		},
	};
}

/** One request of a declarative operation (the node's `requestOperations.pagination`). */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	profile: ApiProfile,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const options = requestData.options as IHttpRequestOptions;
	return await send(
		this,
		profile,
		await accountOf(this, profile),
		options,
		async (throwOnStatus, url) =>
			await this.makeRoutingRequest({
				...requestData,
				options: { ...options, ...redirected(url), ignoreHttpStatusErrors: !throwOnStatus },
			}),
		this.getItemIndex(),
	);
}

/**
 * Follows the API's absolute next-page URLs until there is none, or until `maxResults` items (the
 * operation's Limit) are in hand, so that no page beyond the limit is requested.
 */
export async function followNextPages(
	this: IExecutePaginationFunctions,
	profile: ApiProfile,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	links: PageLinks = NEXT_IN_BODY,
): Promise<INodeExecutionData[]> {
	let next: unknown = null;
	// Reads each page before the operation's own post-receive steps (Simplify, …) see its items:
	// they work on records, not on pages, and the page's next link is needed here.
	const readPage = async (_items: INodeExecutionData[], response: IN8nHttpFullResponse) => {
		assertSuccess(this.getNode(), response);
		const results = resultsOf(this.getNode(), response.body, links.resultsProperty);
		next = links.next(response) ?? null;
		return results.map((json) => ({ json }));
	};
	requestData.postReceive.unshift({ data: { parameterValue: undefined }, actions: [readPage] });

	const maxResults =
		requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	const results: INodeExecutionData[] = [];
	const walk = pageWalk(
		this,
		profile,
		requestUrl({ baseURL: requestData.options.baseURL, url: requestData.options.url ?? '' }).href,
		requestData.options.qs,
		this.getItemIndex(),
	);
	let options = requestData.options;
	for (;;) {
		next = null;
		results.push(...(await sendRoutedRequest.call(this, profile, { ...requestData, options })));
		if (typeof next !== 'string' || !next || results.length >= maxResults) return results;
		options = { ...requestData.options, baseURL: undefined, url: walk.next(next), qs: {} };
	}
}
