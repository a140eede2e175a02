import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { PageWalk } from '../pageWalk';
import { requestUrl } from '../redirects';
import { malformedAnswer } from './answers';
import { apiResponse } from './requests';
import { type ApiProfile, accountOf, type RequestContext, TRANSPORT_LIMITS } from './send';

export function resultsOf(node: INode, body: unknown, resultsProperty: string): IDataObject[] {
	const results = (body as IDataObject | null)?.[resultsProperty];
	if (!Array.isArray(results))
		throw malformedAnswer(node, `The answer has no "${resultsProperty}" list`);
	return results as IDataObject[];
}

/** The checks on the next-page links of one walk of a list, starting at `url` with `qs`. */
export function pageWalk(
	ctx: RequestContext,
	profile: ApiProfile,
	url: string,
	qs: IDataObject | undefined,
	itemIndex?: number,
): PageWalk {
	return new PageWalk(PageWalk.firstPage(url, qs), TRANSPORT_LIMITS.maxPages, (failure) =>
		profile.toNodeApiError(ctx.getNode(), failure, 1, itemIndex),
	);
}

/** How a list answer points to its next page: a URL, or nothing on the last page. */
export interface PageLinks {
	resultsProperty: string;
	next(response: IN8nHttpFullResponse): unknown;
}

/** Django REST Framework's cursor pages: `{results, next}` with an absolute `next` URL. */
export const NEXT_IN_BODY: PageLinks = {
	resultsProperty: 'results',
	next: (response) => (response.body as IDataObject).next,
};

/** The `rel="next"` target of an RFC 8288 `Link` header, if any. */
export function nextFromLinkHeader(header: unknown): string | undefined {
	for (const link of String(header ?? '').split(/,(?=\s*<)/)) {
		const [target, ...params] = link.split(';');
		const url = /^\s*<([^>]*)>\s*$/.exec(target)?.[1];
		const rel = params
			.map((param) => /^\s*rel\s*=\s*"?([^"]*)"?\s*$/i.exec(param)?.[1])
			.find(Boolean);
		if (url !== undefined && rel?.toLowerCase().split(/\s+/).includes('next')) return url;
	}
	return undefined;
}

/** JSON:API-style pages: `{data}` in the body, the next page in the `Link` header. */
export const NEXT_IN_LINK_HEADER: PageLinks = {
	resultsProperty: 'data',
	next: (response) => nextFromLinkHeader((response.headers as Record<string, unknown>)?.link),
};

/**
 * The records of each page of a list, for code: the caller stops walking by breaking out of its
 * loop, so no page beyond what it needs is requested. `links` says where a page keeps its records
 * and its next link. A failure names `itemIndex`, the input item the list is read for.
 */
export async function* pagesOf(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	{ links = NEXT_IN_BODY, itemIndex }: { links?: PageLinks; itemIndex?: number } = {},
): AsyncGenerator<IDataObject[]> {
	const { baseUrl } = await accountOf(this, profile);
	const walk = pageWalk(
		this,
		profile,
		requestUrl({ ...options, baseURL: baseUrl }).href,
		options.qs,
		itemIndex,
	);
	let request = options;
	for (;;) {
		const response = await apiResponse.call(this, profile, request, itemIndex, {
			check: (answer) => resultsOf(this.getNode(), answer, links.resultsProperty),
		});
		yield resultsOf(this.getNode(), response.body, links.resultsProperty);
		const next = links.next(response);
		if (typeof next !== 'string' || !next) return;
		request = { ...options, url: walk.next(next), qs: {} };
	}
}
