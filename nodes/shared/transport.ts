import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	JsonObject,
	NodeApiError,
} from 'n8n-workflow';

import { pacerFor, type RateWindow } from './RequestPacer';
import { type HttpFailure, RequestFailed, withRetries } from './retry';

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

/**
 * n8n's router calls the `pagination` function only when `paginate` is set, and that function is
 * the one hook around its HTTP call: every operation sets it so that each request goes through
 * the shared transport (pacing, retries, error mapping).
 */
export const VIA_TRANSPORT = { paginate: true } as const;

type RequestContext = IExecuteFunctions | IExecutePaginationFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Marks a 2xx answer whose body is not the JSON the API documents (a proxy page, a cut-off body). */
class MalformedResponse extends Error {}

export function failureFromError(error: unknown): HttpFailure | undefined {
	if (error instanceof MalformedResponse) {
		return { networkCode: 'MALFORMED_RESPONSE', message: error.message };
	}
	// n8n wraps the HTTP client's error in a NodeApiError; the response sits on its cause.
	const cause = ((error as { cause?: unknown })?.cause ?? error) as {
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		code?: string;
		message?: string;
	};
	if (typeof cause !== 'object' || cause === null) return undefined;
	const status = cause.response?.status;
	if (typeof status === 'number') {
		const retryAfter = cause.response?.headers?.['retry-after'];
		return {
			statusCode: status,
			retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
			body: cause.response?.data,
			message: cause.message ?? `HTTP ${status}`,
		};
	}
	if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) {
		return { networkCode: cause.code, message: cause.message ?? cause.code };
	}
	return undefined;
}

function isJsonBody(body: unknown): boolean {
	return typeof body === 'object' && body !== null;
}

function credentialTypeOf(ctx: RequestContext, profile: ApiProfile): string {
	const authentication = ctx.getNode().parameters.authentication;
	return profile.credentialType(typeof authentication === 'string' ? authentication : '');
}

function pacerKey(ctx: RequestContext, credentialType: string, baseURL: string, method: string): string {
	const credentialId = ctx.getNode().credentials?.[credentialType]?.id ?? 'unsaved';
	return `${baseURL} ${credentialType}:${credentialId} ${method === 'GET' ? 'read' : 'write'}`;
}

async function prepare(
	ctx: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
): Promise<{ credentialType: string; safeToRepeat: boolean; pace: () => Promise<void> }> {
	const credentialType = credentialTypeOf(ctx, profile);
	const credentials = await ctx.getCredentials(credentialType);
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	options.method = method;
	options.headers = { ...options.headers, ...profile.headers(credentials) };
	const pacer = pacerFor(
		pacerKey(ctx, credentialType, String(options.baseURL ?? ''), method),
		profile.rateWindows(method),
	);
	return {
		credentialType,
		safeToRepeat: profile.safeToRepeat(method, options.url),
		pace: async () => await pacer.acquire(),
	};
}

async function send<T>(
	ctx: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions,
	attempt: () => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const { safeToRepeat, pace } = await prepare(ctx, profile, options);
	try {
		return await withRetries(
			async () => {
				await pace();
				return await attempt();
			},
			failureFromError,
			{ safeToRepeat },
		);
	} catch (error) {
		if (error instanceof RequestFailed) {
			throw profile.toNodeApiError(ctx.getNode(), error.failure, error.attempts, itemIndex);
		}
		throw error;
	}
}

/**
 * One request of a declarative operation. n8n's router offers a single hook around its HTTP call,
 * the operation's `pagination` function; every operation goes through it so that pacing, retries
 * and error mapping are the same for routed and custom operations.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	profile: ApiProfile,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await send(
		this,
		profile,
		requestData.options as IHttpRequestOptions,
		async () => {
			const items = await this.makeRoutingRequest(requestData);
			if (items.some((item) => !isJsonBody(item.json))) {
				throw new MalformedResponse('The API answered with a body that is not JSON');
			}
			return items;
		},
		this.getItemIndex(),
	);
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
	const maxResults = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	const results: INodeExecutionData[] = [];
	const firstUrl = new URL(`${String(requestData.options.baseURL ?? '')}${requestData.options.url}`);
	let options = requestData.options;
	for (;;) {
		const [page] = await sendRoutedRequest.call(this, profile, { ...requestData, options });
		const body = page.json as { next?: string | null; [key: string]: unknown };
		const pageResults = body[resultsProperty];
		if (!Array.isArray(pageResults)) {
			throw new MalformedResponse(`The API answered without a "${resultsProperty}" list`);
		}
		results.push(...pageResults.map((json) => ({ json: json as IDataObject, pairedItem: page.pairedItem })));
		const next = body.next;
		if (!next || results.length >= maxResults) return results;
		const nextUrl = new URL(next, firstUrl);
		// Credentials go with every page: never follow a link to another host.
		if (nextUrl.origin !== firstUrl.origin) {
			throw new MalformedResponse(`The API's next page link points to another host (${nextUrl.origin})`);
		}
		options = { ...requestData.options, baseURL: undefined, url: nextUrl.href, qs: {} };
	}
}

/** One request from custom code (custom operations, triggers, list searches); returns the body. */
export async function apiRequest<T = unknown>(
	this: RequestContext,
	profile: ApiProfile,
	options: IHttpRequestOptions & { expectJson?: boolean },
	itemIndex?: number,
): Promise<T> {
	const { expectJson = true, ...requestOptions } = options;
	const credentialType = credentialTypeOf(this, profile);
	const credentials = await this.getCredentials(credentialType);
	const fullOptions: IHttpRequestOptions = {
		json: true,
		...requestOptions,
		baseURL: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
	};
	return await send(
		this,
		profile,
		fullOptions,
		async () => {
			const body: unknown = await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				fullOptions,
			);
			if (expectJson && !isJsonBody(body)) {
				throw new MalformedResponse('The API answered with a body that is not JSON');
			}
			return body as T;
		},
		itemIndex,
	);
}

/** A plain JSON copy of an API error body, safe to attach to an error shown to users. */
export function errorBody(failure: HttpFailure): JsonObject {
	return { statusCode: failure.statusCode ?? null, body: (failure.body ?? null) as JsonObject };
}
