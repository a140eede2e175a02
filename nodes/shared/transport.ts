import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodePropertyRouting,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { trimBaseUrl } from './baseUrl';
import { asNodeError } from './nodeError';
import { PageWalk } from './pageWalk';
import { type PacedAnswer, pacerFor, type RateWindow } from './RequestPacer';
import { redirectTarget, requestUrl } from './redirects';
import { type HttpFailure, parseRetryAfter, withRetries } from './retry';

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
	| IExecuteFunctions
	| IExecutePaginationFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

/**
 * An HTTP answer that is not a success, or a 2xx whose body is not the JSON the API documents.
 * It is what one attempt fails with: the retry loop reads its `failure` (status, Retry-After,
 * body) and the request then fails with the profile's NodeApiError.
 */
class UnsuccessfulResponse extends NodeApiError {
	readonly failure: HttpFailure;

	constructor(node: INode, failure: HttpFailure) {
		super(node, errorBody(failure), {
			message: failure.message,
			httpCode: failure.statusCode === undefined ? undefined : String(failure.statusCode),
		});
		this.failure = failure;
	}
}

/** A body read as bytes (a file download) whose error answer is JSON text. */
function parsedErrorBody(body: unknown): unknown {
	if (!Buffer.isBuffer(body)) return body;
	const text = body.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The media type of a Content-Type or Accept value, without its parameters. */
function mediaType(value: unknown): string | undefined {
	const type = typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : '';
	return type || undefined;
}

/**
 * What is wrong with an answer, if anything. A 2xx must carry JSON or, when the request asked for a
 * file (`fileType`, its Accept), a non-empty file of that type: a 200 with the HTML page of a proxy
 * or a captive portal is not a label.
 */
function failureOf(response: IN8nHttpFullResponse, fileType?: string): HttpFailure | undefined {
	const { statusCode, headers, body } = response;
	if (statusCode >= 200 && statusCode < 300) {
		if (fileType !== undefined) {
			if (!Buffer.isBuffer(body) || body.length === 0)
				return { networkCode: 'MALFORMED_RESPONSE', message: 'The API answered without a file' };
			const answered = mediaType((headers as Record<string, unknown>)?.['content-type']);
			const asked = mediaType(fileType);
			if (answered === undefined || asked === undefined || asked === '*/*' || answered === asked)
				return undefined;
			return {
				networkCode: 'MALFORMED_RESPONSE',
				message: `The API answered with ${answered} instead of the ${asked} file asked for`,
			};
		}
		const hasBody = body !== undefined && body !== null && body !== '';
		if (!hasBody || (typeof body === 'object' && !Buffer.isBuffer(body))) return undefined;
		return {
			networkCode: 'MALFORMED_RESPONSE',
			message: 'The API answered with a body that is not JSON',
		};
	}
	const retryAfter = (headers as Record<string, unknown>)?.['retry-after'];
	const location = (headers as Record<string, unknown>)?.location;
	return {
		statusCode,
		retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		location:
			statusCode >= 300 && statusCode < 400 && location !== undefined
				? String(location)
				: undefined,
		body: parsedErrorBody(body),
		message: `HTTP ${statusCode}`,
	};
}

/** Throws when a full response is not a success; the single place that judges an answer. */
function assertSuccess(node: INode, response: IN8nHttpFullResponse, fileType?: string): void {
	const failure = failureOf(response, fileType);
	if (failure) throw new UnsuccessfulResponse(node, failure);
}

const NETWORK_PHRASES: Array<[RegExp, string]> = [
	[/\b(E[A-Z]{3,}(?:_[A-Z]+)*)\b/, '$1'],
	[/socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/timed? ?out/i, 'ETIMEDOUT'],
	[/refused the connection/i, 'ECONNREFUSED'],
];

/**
 * What a thrown error says about HTTP. n8n wraps client errors in a NodeApiError that keeps the
 * status (`httpCode`) and body (`context.data`) but not the original error, so network failures
 * are recognised by their message.
 */
export function failureFromError(error: unknown): HttpFailure | undefined {
	if (error instanceof UnsuccessfulResponse) return error.failure;
	if (typeof error !== 'object' || error === null) return undefined;
	const { httpCode, context, message, messages, code } = error as {
		httpCode?: string | null;
		context?: { data?: unknown };
		message?: string;
		messages?: string[];
		code?: string;
	};
	const status = Number(httpCode);
	if (httpCode && Number.isInteger(status) && status >= 100) {
		return { statusCode: status, body: context?.data, message: message ?? `HTTP ${status}` };
	}
	const texts = [code, message, ...(messages ?? [])].filter(
		(t): t is string => typeof t === 'string',
	);
	for (const [pattern, replacement] of NETWORK_PHRASES) {
		const text = texts.find((t) => pattern.test(t));
		if (text)
			return { networkCode: text.match(pattern)![0].replace(pattern, replacement), message: text };
	}
	return undefined;
}

/** What a failed attempt tells the account's pacer. */
function quotaAnswer(failure: HttpFailure | undefined): PacedAnswer {
	if (failure?.statusCode === 429)
		return { quota: 'throttled', retryAfterMs: parseRetryAfter(failure.retryAfter) };
	return {
		quota: failure?.statusCode !== undefined && failure.statusCode < 500 ? 'within' : 'unknown',
	};
}

interface Account {
	credentialType: string;
	credentials: IDataObject;
	/** The profile's API base URL for this credential, without a trailing slash. */
	baseUrl: string;
}

/** The credential the node's `authentication` choice selects, decrypted once per request. */
async function accountOf(ctx: RequestContext, profile: ApiProfile): Promise<Account> {
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
async function send<T>(
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
		fail: (failure, attempts) => profile.toNodeApiError(node, failure, attempts, itemIndex),
	});
}

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

/** The options that send a request to the URL a redirect named instead: its query is in it. */
function redirected(url: string | undefined): Partial<IHttpRequestOptions> {
	return url === undefined ? {} : { baseURL: undefined, url, qs: {} };
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

/** A list page's results; a page without them is a malformed answer, retried like one. */
/** The failure of a 2xx whose body is not the shape the API documents: retried like a lost answer when safe. */
export function malformedAnswer(node: INode, message: string): NodeApiError {
	return new UnsuccessfulResponse(node, { networkCode: 'MALFORMED_RESPONSE', message });
}

function resultsOf(node: INode, body: unknown, resultsProperty: string): IDataObject[] {
	const results = (body as IDataObject | null)?.[resultsProperty];
	if (!Array.isArray(results))
		throw malformedAnswer(node, `The answer has no "${resultsProperty}" list`);
	return results as IDataObject[];
}

/** The checks on the next-page links of one walk of a list, starting at `url` with `qs`. */
function pageWalk(
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

export interface ResponseExpectations {
	/** Statuses that are answers, not failures (a 409 that returns the existing record). */
	acceptStatuses?: number[];
	/** Runs on each answer inside the retry loop: throwing there marks the answer malformed. */
	check?: (body: unknown) => void;
}

/**
 * One request from custom code (custom operations, triggers, list searches), with its full answer.
 * Ask for a file with `encoding: 'arraybuffer'` and its media type as Accept: the body is then the
 * file's bytes, and an answer of another type fails as malformed.
 */
export async function apiResponse(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	itemIndex?: number,
	{ acceptStatuses = [], check }: ResponseExpectations = {},
): Promise<IN8nHttpFullResponse> {
	const account = await accountOf(this, profile);
	const accept = Object.entries(options.headers ?? {}).find(
		([name]) => name.toLowerCase() === 'accept',
	)?.[1];
	const fileType = options.encoding === 'arraybuffer' ? String(accept ?? '*/*') : undefined;
	const fullOptions: IHttpRequestOptions = {
		json: fileType === undefined,
		arrayFormat: 'repeat',
		...options,
		baseURL: account.baseUrl,
	};
	return await send(
		this,
		profile,
		account,
		fullOptions,
		async (throwOnStatus, url) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				account.credentialType,
				{
					...fullOptions,
					...redirected(url),
					returnFullResponse: true,
					ignoreHttpStatusErrors: !throwOnStatus,
				},
			)) as IN8nHttpFullResponse;
			if (!acceptStatuses.includes(response.statusCode))
				assertSuccess(this.getNode(), response, fileType);
			check?.(response.body);
			return response;
		},
		itemIndex,
	);
}

/** One request from custom code; returns the body of its successful answer. */
export async function apiRequest<T = unknown>(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	itemIndex?: number,
	check?: (body: unknown) => void,
): Promise<T> {
	return (await apiResponse.call(this, profile, options, itemIndex, { check })).body as T;
}

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

/** A plain JSON copy of an API error body, safe to attach to an error shown to users. */
export function errorBody(failure: HttpFailure): JsonObject {
	return { statusCode: failure.statusCode ?? null, body: (failure.body ?? null) as JsonObject };
}
