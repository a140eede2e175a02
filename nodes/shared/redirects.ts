import type { IHttpRequestOptions } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';

/**
 * n8n-core follows redirects itself and, by default, sends the credential along to whatever host
 * the redirect names (its `sendCredentialsOnCrossOriginRedirect`): an API key pair, an OAuth2
 * token or a DataFast token would reach a host that is not the API. So the transport asks n8n
 * never to follow one (`disableFollowRedirect`) and decides here: a redirect within the origin
 * the request was sent to is sent again through the same path (credentials, pacing, checks), and
 * any other is refused, so that no answer of another host is ever used as data either.
 */

/** Statuses that name where to go instead; 300 and 304 are not redirects to follow. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A loop on the API's own host ends here rather than at n8n's timeout. */
export const MAX_REDIRECTS = 5;

/** Code of a redirect failure: not transient, never repeated. */
export const REDIRECT_REFUSED = 'REDIRECT_REFUSED';

/** The absolute URL a request goes to, joined as axios joins baseURL and url (no path resolution). */
export function requestUrl(options: Pick<IHttpRequestOptions, 'url' | 'baseURL'>): URL {
	const { url, baseURL } = options;
	if (!baseURL || /^[a-z][a-z\d+.-]*:\/\//i.test(url)) return new URL(url);
	return new URL(`${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`);
}

function parsedUrl(location: string | undefined, base: URL): URL | undefined {
	if (!location) return undefined;
	try {
		return new URL(location, base);
	} catch {
		return undefined;
	}
}

/**
 * What to do about an answer: undefined when it is not a redirect, the URL to send the request to
 * when it stays on `from`'s origin, or the failure to end the request with. A 301/302/303 of a
 * write is refused even on the same host: clients turn those into a GET, dropping the body.
 */
export function redirectTarget(
	failure: HttpFailure | undefined,
	from: URL,
	method: string,
	hops: number,
): string | HttpFailure | undefined {
	const status = failure?.statusCode;
	if (status === undefined || !REDIRECT_STATUSES.has(status)) return undefined;
	// Without its status: the profiles would word it as any other HTTP error.
	const refuse = (message: string): HttpFailure => ({ networkCode: REDIRECT_REFUSED, message });
	const target = parsedUrl(failure?.location, from);
	if (!target) return refuse(`answered with a redirect (HTTP ${status}) that was not followed`);
	if (target.origin !== from.origin) {
		return refuse(
			`answered with a redirect to another host (${target.origin}); the request was not followed: check the API Base URL`,
		);
	}
	const keepsMethod = status === 307 || status === 308;
	if (method !== 'GET' && !keepsMethod)
		return refuse(
			`answered with a redirect (HTTP ${status}) that was not followed: it would have sent the ${method} as a GET`,
		);
	if (hops >= MAX_REDIRECTS)
		return refuse(
			`answered with more than ${MAX_REDIRECTS} redirects in a row; the last was not followed`,
		);
	return target.href;
}
