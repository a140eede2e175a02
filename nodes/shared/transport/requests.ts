import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { assertSuccess } from './answers';
import { type ApiProfile, accountOf, redirected, type RequestContext, send } from './send';

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

/** A JSON request as the operations give it: its body, query, item and answer check. */
export interface JsonRequest {
	body?: unknown;
	qs?: IDataObject;
	/** The input item the request is for: its errors name it. */
	itemIndex?: number;
	/** Runs on each answer inside the retry loop: throwing there marks the answer malformed. */
	check?: (body: unknown) => void;
}

/**
 * The request function of one API (as Gong's `gongApiRequest`): bound to its profile, so that an
 * operation names only the method and path, and every request is paced, retried when safe, judged
 * and mapped to the API's n8n errors.
 */
export function jsonRequestFunction(profile: ApiProfile) {
	return async function (
		this: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		{ body, qs, itemIndex, check }: JsonRequest = {},
	): Promise<IDataObject> {
		const options: IHttpRequestOptions = {
			method,
			url: path,
			headers: { Accept: 'application/json' },
			qs,
		};
		if (body !== undefined) options.body = body as IDataObject;
		return (await apiRequest.call(this, profile, options, itemIndex, check)) as IDataObject;
	};
}
