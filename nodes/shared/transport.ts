import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
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
import { pacerFor, type RateWindow } from './RequestPacer';
import { type HttpFailure, withRetries } from './retry';

/** What differs between the APIs this package talks to; everything else about HTTP lives here. */
export interface ApiProfile {
	/** Credential type the node's `authentication` parameter selects. */
	credentialType(authentication: string): string;
	rateWindows(method: IHttpRequestMethods): RateWindow[];
	/** Whether repeating the request after a transient failure cannot do harm. */
	safeToRepeat(method: IHttpRequestMethods, url: string): boolean;
	headers(credentials: IDataObject): Record<string, string>;
	toNodeApiError(node: INode, failure: HttpFailure, attempts: number, itemIndex?: number): NodeApiError;
}

type RequestContext = IExecuteFunctions | IExecutePaginationFunctions | IPollFunctions | ILoadOptionsFunctions;

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

function failureOf(response: IN8nHttpFullResponse): HttpFailure | undefined {
	const { statusCode, headers, body } = response;
	if (statusCode >= 200 && statusCode < 300) {
		const hasBody = body !== undefined && body !== null && body !== '';
		if (!hasBody || (typeof body === 'object' && !Buffer.isBuffer(body))) return undefined;
		return { networkCode: 'MALFORMED_RESPONSE', message: 'The API answered with a body that is not JSON' };
	}
	const retryAfter = (headers as Record<string, unknown>)?.['retry-after'];
	return {
		statusCode,
		retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		body,
		message: `HTTP ${statusCode}`,
	};
}

/** Throws when a full response is not a success; the single place that judges an answer. */
function assertSuccess(node: INode, response: IN8nHttpFullResponse): void {
	const failure = failureOf(response);
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
	const texts = [code, message, ...(messages ?? [])].filter((t): t is string => typeof t === 'string');
	for (const [pattern, replacement] of NETWORK_PHRASES) {
		const text = texts.find((t) => pattern.test(t));
		if (text) return { networkCode: text.match(pattern)![0].replace(pattern, replacement), message: text };
	}
	return undefined;
}

interface Account {
	credentialType: string;
	credentials: IDataObject;
	/** The API base URL the credential points at, without a trailing slash. */
	baseUrl: string;
}

/** The credential the node's `authentication` choice selects, decrypted once per request. */
async function accountOf(ctx: RequestContext, profile: ApiProfile): Promise<Account> {
	const authentication = ctx.getNode().parameters.authentication;
	const credentialType = profile.credentialType(typeof authentication === 'string' ? authentication : '');
	const credentials = await ctx.getCredentials(credentialType);
	return { credentialType, credentials, baseUrl: trimBaseUrl(credentials.baseUrl) };
}

function pacerKey(ctx: RequestContext, credentialType: string, baseURL: string, method: string): string {
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id ?? 'unsaved';
	return `${baseURL} ${credentialType}:${credentialId} ${method === 'GET' ? 'read' : 'write'}`;
}

/**
 * Sends one logical request: paced to the API's limits, repeated after transient failures when
 * that is safe, and failing with the profile's NodeApiError. `attempt` performs one HTTP call
 * with `ignoreHttpStatusErrors` set (so that status and headers such as Retry-After are seen);
 * `throwOnStatus` asks it to let n8n throw instead, which is how n8n renews an expired OAuth2
 * token on a 401.
 */
async function send<T>(
	ctx: RequestContext,
	profile: ApiProfile,
	{ credentialType, credentials, baseUrl }: Account,
	options: IHttpRequestOptions,
	attempt: (throwOnStatus: boolean) => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	options.method = method;
	options.headers = { ...options.headers, ...profile.headers(credentials) };
	// Keyed by the account's API base from the credential, so that follow-up pages (absolute
	// `next` links, no baseURL) share the quota of the request that led to them.
	const pacer = pacerFor(
		pacerKey(ctx, credentialType, baseUrl, method),
		profile.rateWindows(method),
	);
	const usesOAuth2 = 'oauthTokenData' in credentials || 'accessTokenUrl' in credentials;
	const paced = async (throwOnStatus: boolean) => {
		const answered = await pacer.acquire();
		try {
			return await attempt(throwOnStatus);
		} finally {
			answered();
		}
	};
	const node = ctx.getNode();
	const attemptOnce = async () => {
		try {
			return await paced(false);
		} catch (error) {
			// Any other failure goes on to the retry loop, which judges it.
			if (!usesOAuth2 || failureFromError(error)?.statusCode !== 401) throw asNodeError(node, error, itemIndex);
			return await paced(true);
		}
	};
	return await withRetries(attemptOnce, failureFromError, {
		safeToRepeat: profile.safeToRepeat(method, options.url),
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
	if (Array.isArray(response.body)) return (response.body as IDataObject[]).map((json) => ({ json }));
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
		output: { ...routing.output, postReceive: [checkResponse, ...(routing.output?.postReceive ?? [])] },
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
		async (throwOnStatus) =>
			await this.makeRoutingRequest({
				...requestData,
				options: { ...options, ignoreHttpStatusErrors: !throwOnStatus },
			}),
		this.getItemIndex(),
	);
}

/** A list page's results; a page without them is a malformed answer, retried like one. */
function resultsOf(node: INode, body: unknown, resultsProperty: string): IDataObject[] {
	const results = (body as IDataObject | null)?.[resultsProperty];
	if (!Array.isArray(results)) {
		throw new UnsuccessfulResponse(node, { networkCode: 'MALFORMED_RESPONSE', message: `The answer has no "${resultsProperty}" list` });
	}
	return results as IDataObject[];
}

/** The next page's URL, refusing links to another host: credentials go with every page. */
function nextPageUrl(ctx: RequestContext, profile: ApiProfile, next: string, firstUrl: URL, itemIndex?: number): string {
	const nextUrl = new URL(next, firstUrl);
	if (nextUrl.origin !== firstUrl.origin) {
		throw profile.toNodeApiError(
			ctx.getNode(),
			{ networkCode: 'FOREIGN_NEXT_LINK', message: `The next page link points to another host (${nextUrl.origin})` },
			1,
			itemIndex,
		);
	}
	return nextUrl.href;
}

/**
 * Follows the API's absolute `next` URLs until there is none, or until `maxResults` items (the
 * operation's Limit) are in hand, so that no page beyond the limit is requested.
 */
export async function followNextPages(
	this: IExecutePaginationFunctions,
	profile: ApiProfile,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	resultsProperty = 'results',
): Promise<INodeExecutionData[]> {
	let next: unknown = null;
	// Reads each page before the operation's own post-receive steps (Simplify, …) see its items:
	// they work on orders, not on pages, and the page's `next` link is needed here.
	const readPage = async (_items: INodeExecutionData[], response: IN8nHttpFullResponse) => {
		assertSuccess(this.getNode(), response);
		const results = resultsOf(this.getNode(), response.body, resultsProperty);
		next = (response.body as IDataObject).next ?? null;
		return results.map((json) => ({ json }));
	};
	requestData.postReceive.unshift({ data: { parameterValue: undefined }, actions: [readPage] });

	const maxResults = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	const results: INodeExecutionData[] = [];
	const firstUrl = new URL(`${String(requestData.options.baseURL ?? '')}${requestData.options.url}`);
	let options = requestData.options;
	for (;;) {
		next = null;
		results.push(...(await sendRoutedRequest.call(this, profile, { ...requestData, options })));
		if (typeof next !== 'string' || !next || results.length >= maxResults) return results;
		const url = nextPageUrl(this, profile, next, firstUrl, this.getItemIndex());
		options = { ...requestData.options, baseURL: undefined, url, qs: {} };
	}
}

/**
 * One request from custom code (custom operations, triggers, list searches); returns the body.
 * `check` runs on each answer inside the retry loop: throwing there marks the answer malformed.
 */
export async function apiRequest<T = unknown>(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	itemIndex?: number,
	check?: (body: unknown) => void,
): Promise<T> {
	const account = await accountOf(this, profile);
	const fullOptions: IHttpRequestOptions = { json: true, arrayFormat: 'repeat', ...options, baseURL: account.baseUrl };
	return await send(
		this,
		profile,
		account,
		fullOptions,
		async (throwOnStatus) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, account.credentialType, {
				...fullOptions,
				returnFullResponse: true,
				ignoreHttpStatusErrors: !throwOnStatus,
			})) as IN8nHttpFullResponse;
			assertSuccess(this.getNode(), response);
			check?.(response.body);
			return response.body as T;
		},
		itemIndex,
	);
}

/**
 * The `results` of each page of a cursor-paginated list, for custom code: the caller stops
 * walking by breaking out of its loop, so no page beyond what it needs is requested.
 */
export async function* pagesOf(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	resultsProperty = 'results',
): AsyncGenerator<IDataObject[]> {
	const { baseUrl } = await accountOf(this, profile);
	const firstUrl = new URL(`${baseUrl}${options.url}`);
	let request = options;
	for (;;) {
		const body = await apiRequest.call<RequestContext, Parameters<typeof apiRequest>, Promise<IDataObject>>(
			this,
			profile,
			request,
			undefined,
			(answer) => resultsOf(this.getNode(), answer, resultsProperty),
		);
		yield resultsOf(this.getNode(), body, resultsProperty);
		if (typeof body.next !== 'string' || !body.next) return;
		request = { ...options, url: nextPageUrl(this, profile, body.next, firstUrl), qs: {} };
	}
}

/** A plain JSON copy of an API error body, safe to attach to an error shown to users. */
export function errorBody(failure: HttpFailure): JsonObject {
	return { statusCode: failure.statusCode ?? null, body: (failure.body ?? null) as JsonObject };
}
