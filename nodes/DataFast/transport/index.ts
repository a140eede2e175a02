import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { jsonRequestFunction, malformedAnswer, type RequestContext } from '../../shared/transport';
import { dataFastProfile } from './profile';

export * from './profile';
export * from './errors';

/**
 * One request to DataFast's API with the credential's token: retried when safe (reads, payments,
 * identify), judged and mapped to n8n errors with DataFast's own texts by the shared transport.
 */
export const dataFastApiRequest = jsonRequestFunction(dataFastProfile);

export type TokenKind = 'websiteKey' | 'accountToken';

/** Which kind of token the credential holds: its Token Type, or (Auto-Detect) the token's prefix. */
export function tokenKindOf(credentials: IDataObject): TokenKind {
	const type = credentials.kind;
	if (type === 'websiteKey' || type === 'accountToken') return type;
	return String(credentials.apiToken ?? '')
		.trim()
		.startsWith('df_')
		? 'websiteKey'
		: 'accountToken';
}

export async function tokenKind(ctx: RequestContext): Promise<TokenKind> {
	return tokenKindOf(await ctx.getCredentials('dataFastApi'));
}

export interface WebsiteRequest {
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
	/** The website an account token (dft_) acts on; a website key (df_) is bound to its own and sends none. */
	websiteId?: string;
}

/**
 * A Website API request (analytics, visitors, goals, payments, identify): with an account token the
 * website goes in `?websiteId=` as DataFast requires; with a website key it is left out, as documented.
 * Returns DataFast's whole answer (envelope included).
 */
export async function dataFastWebsiteRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	{ qs = {}, body, itemIndex, websiteId }: WebsiteRequest = {},
): Promise<IDataObject> {
	const kind = await tokenKind(this);
	const query = kind === 'accountToken' ? { ...qs, websiteId } : qs;
	return await dataFastApiRequest.call(this, method, path, {
		qs: query,
		body,
		itemIndex,
		check: (answer) => {
			if (typeof answer !== 'object' || answer === null)
				throw malformedAnswer(this.getNode(), 'The answer is not a JSON object');
		},
	});
}

/** The `data` of DataFast's envelope `{status, data}`, as a list of records. */
export function dataOf(answer: IDataObject): IDataObject[] {
	const data = answer.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (typeof data === 'object' && data !== null) return [data as IDataObject];
	return [];
}

/**
 * The records of a limit/offset list, page by page, until `total` (the envelope's `pagination`)
 * is reached or a page comes back short. `pageSize` is DataFast's maximum for the route.
 */
export async function* dataFastPages(
	ctx: RequestContext,
	path: string,
	request: WebsiteRequest,
	pageSize: number,
): AsyncGenerator<IDataObject[]> {
	for (let offset = 0, pages = 0; pages < 10_000; pages++) {
		const answer = await dataFastWebsiteRequest.call(ctx, 'GET', path, {
			...request,
			qs: { ...request.qs, limit: pageSize, offset },
		});
		if (!Array.isArray(answer.data))
			throw malformedAnswer(ctx.getNode(), 'The answer has no "data" list');
		const records = answer.data as IDataObject[];
		yield records;
		const total = Number((answer.pagination as IDataObject | undefined)?.total);
		offset += records.length;
		// DataFast may hand out fewer than asked: only `total` (or an empty page) ends the list.
		if (!records.length || (Number.isFinite(total) ? offset >= total : records.length < pageSize))
			return;
	}
}
