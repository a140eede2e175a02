import type { IDataObject, NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';

/**
 * The pages one walk of a list has read, and the checks on each next-page link before it is
 * requested: on the same origin as the first page (credentials go with every page), not a page
 * already read (a link back would loop for ever: one answering its own URL made 878 requests in
 * 2 s), and within `maxPages`, so that a server minting new cursors endlessly cannot either.
 */
export class PageWalk {
	private readonly read = new Set<string>();

	constructor(
		private readonly firstUrl: URL,
		private readonly maxPages: number,
		private readonly fail: (failure: HttpFailure) => NodeApiError,
	) {
		this.read.add(pageKey(firstUrl));
	}

	/** The first page's URL as sent: its query parameters make it the page it is. */
	static firstPage(url: string, qs: IDataObject | undefined): URL {
		const first = new URL(url);
		for (const [name, value] of Object.entries(qs ?? {})) {
			for (const each of Array.isArray(value) ? value : [value]) {
				if (each !== undefined && each !== null) first.searchParams.append(name, String(each));
			}
		}
		return first;
	}

	/** The URL to request next; throws the profile's error when the link may not be followed. */
	next(link: string): string {
		const nextUrl = new URL(link, this.firstUrl);
		if (nextUrl.origin !== this.firstUrl.origin) {
			throw this.fail({
				networkCode: 'FOREIGN_NEXT_LINK',
				message: `sent a next page link to another host (${nextUrl.origin}); it was not followed`,
			});
		}
		const key = pageKey(nextUrl);
		if (this.read.has(key)) {
			throw this.fail({
				networkCode: 'MALFORMED_RESPONSE',
				message: `the next page link leads back to a page already read, after ${this.read.size} page${this.read.size === 1 ? '' : 's'}`,
			});
		}
		if (this.read.size >= this.maxPages) {
			throw this.fail({
				networkCode: 'TOO_MANY_PAGES',
				message: `sent more than ${this.maxPages.toLocaleString('en-US')} pages of one list; the rest was not read: narrow the list with filters or a Limit`,
			});
		}
		this.read.add(key);
		return nextUrl.href;
	}
}

/** One key per page, whatever order its query parameters come in. */
function pageKey(url: URL): string {
	const key = new URL(url.href);
	key.searchParams.sort();
	key.hash = '';
	return key.href;
}
