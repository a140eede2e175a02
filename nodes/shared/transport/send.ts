import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';

import { trimBaseUrl } from '../baseUrl';
import { asNodeError } from '../nodeError';
import { type PacedAnswer, pacerFor, type RateWindow } from '../RequestPacer';
import { redirectTarget, requestUrl } from '../redirects';
import type { HttpFailure } from '../httpFailure';
import { parseRetryAfter, withRetries } from '../retry';
import { failureFromError, UnsuccessfulResponse } from './answers';

/**
 * The package's own bounds on one request and one list; tests lower them. n8n's own timeout (300 s)
 * would hold a run, a poll and the account's pacer slot for five minutes per attempt.
 */
export const TRANSPORT_LIMITS = {
	/** Per attempt of a JSON call: Sendcloud and DataFast answer in well under a second. */
	requestTimeoutMs: 60_000,
	/** Per attempt of a file download: a print batch of 20 labels is rendered on request. */
	fileTimeoutMs: 120_000,
	/** Pages one walk of a list reads: 1,000,000 records at 100 a page, far past any real account. */
	maxPages: 10_000,
};

/** What differs between the APIs this package talks to; everything else about HTTP lives here. */
export interface ApiProfile {
	/** Credential type the node's `authentication` parameter selects. */
	credentialType(authentication: string): string;
	/** The API's base URL for these credentials, without a trailing slash. */
	baseUrl(credentials: IDataObject, node: INode): string;
	rateWindows(method: IHttpRequestMethods): RateWindow[];
	/** Whether repeating the request after a transient failure cannot do harm. */
	safeToRepeat(method: IHttpRequestMethods, url: string, body: unknown): boolean;
	headers(credentials: IDataObject): Record<string, string>;
	toNodeApiError(
		node: INode,
		failure: HttpFailure,
		attempts: number,
		itemIndex?: number,
	): NodeApiError;
}

export type RequestContext =
	IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

/** What a failed attempt tells the account's pacer. */
function quotaAnswer(failure: HttpFailure | undefined): PacedAnswer {
	if (failure?.statusCode === 429)
		return { quota: 'throttled', retryAfterMs: parseRetryAfter(failure.retryAfter) };
	return {
		quota: failure?.statusCode !== undefined && failure.statusCode < 500 ? 'within' : 'unknown',
	};
}

export interface Account {
	credentialType: string;
	credentials: IDataObject;
	/** The profile's API base URL for this credential, without a trailing slash. */
	baseUrl: string;
}

/** The credential the node's `authentication` choice selects, decrypted once per request. */
export async function accountOf(ctx: RequestContext, profile: ApiProfile): Promise<Account> {
	const authentication = ctx.getNode().parameters.authentication;
	const credentialType = profile.credentialType(
		typeof authentication === 'string' ? authentication : '',
	);
	const credentials = await ctx.getCredentials(credentialType);
	return { credentialType, credentials, baseUrl: profile.baseUrl(credentials, ctx.getNode()) };
}

/**
 * One quota per account: keyed by the credential and the base URL it holds (not the API
 * version a profile derives from it), because the vendor counts every API of an account together.
 */
function pacerKey(
	ctx: RequestContext,
	{ credentialType, credentials }: Account,
	method: string,
): string {
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id ?? 'unsaved';
	return `${trimBaseUrl(credentials.baseUrl)} ${credentialType}:${credentialId} ${method === 'GET' ? 'read' : 'write'}`;
}

/**
 * Sends one logical request: paced to the API's limits, repeated after transient failures when
 * that is safe, and failing with the profile's NodeApiError. `attempt` performs one HTTP call
 * with `ignoreHttpStatusErrors` set (so that status and headers such as Retry-After are seen);
 * `throwOnStatus` asks it to let n8n throw instead, which is how n8n renews an expired OAuth2
 * token on a 401; `url`, when given, is the absolute URL a same-origin redirect named.
 */
export async function send<T>(
	ctx: RequestContext,
	profile: ApiProfile,
	account: Account,
	options: IHttpRequestOptions,
	attempt: (throwOnStatus: boolean, url?: string) => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	options.method = method;
	options.headers = { ...options.headers, ...profile.headers(account.credentials) };
	// n8n would follow a redirect with the credentials to any host: see redirects.ts.
	options.disableFollowRedirect = true;
	// Ends a hung attempt: it then fails as a lost answer, frees its pacer slot, and is retried if safe.
	options.timeout =
		options.encoding === 'arraybuffer'
			? TRANSPORT_LIMITS.fileTimeoutMs
			: TRANSPORT_LIMITS.requestTimeoutMs;
	// Keyed by the account, so that follow-up pages (absolute links, no baseURL) share the quota
	// of the request that led to them.
	const pacer = pacerFor(pacerKey(ctx, account, method), profile.rateWindows(method));
	const node = ctx.getNode();
	const usesOAuth2 =
		'oauthTokenData' in account.credentials || 'accessTokenUrl' in account.credentials;
	const paced = async (throwOnStatus: boolean, url?: string) => {
		const answered = await pacer.acquire();
		let answer: PacedAnswer = { quota: 'within' };
		try {
			return await attempt(throwOnStatus, url);
		} catch (error) {
			answer = quotaAnswer(failureFromError(error));
			throw asNodeError(node, error, itemIndex);
		} finally {
			answered(answer);
		}
	};
	// Each hop is a request of its own to the quota, and is checked like the first.
	const following = async (throwOnStatus: boolean) => {
		let url: string | undefined;
		for (let hops = 0; ; hops++) {
			let redirect: string | HttpFailure;
			try {
				return await paced(throwOnStatus, url);
			} catch (error) {
				const target = redirectTarget(
					failureFromError(error),
					url === undefined ? requestUrl(options) : new URL(url),
					method,
					hops,
				);
				if (target === undefined) throw asNodeError(node, error, itemIndex);
				redirect = target;
			}
			if (typeof redirect !== 'string') throw new UnsuccessfulResponse(node, redirect);
			url = redirect;
		}
	};
	const attemptOnce = async () => {
		try {
			return await following(false);
		} catch (error) {
			// Any other failure goes on to the retry loop, which judges it.
			if (!usesOAuth2 || failureFromError(error)?.statusCode !== 401)
				throw asNodeError(node, error, itemIndex);
			return await following(true);
		}
	};
	return await withRetries(attemptOnce, failureFromError, {
		safeToRepeat: profile.safeToRepeat(method, options.url, options.body),
		node,
		itemIndex,
		fail: (failure, attempts) =>
			profile.toNodeApiError(node, { ...failure, path: options.url, method }, attempts, itemIndex),
	});
}

/** The options that send a request to the URL a redirect named instead: its query is in it. */
export function redirected(url: string | undefined): Partial<IHttpRequestOptions> {
	return url === undefined ? {} : { baseURL: undefined, url, qs: {} };
}
