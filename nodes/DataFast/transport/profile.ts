import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from '../../shared/httpFailure';
import { trimBaseUrl } from '../../shared/baseUrl';
import { unansweredError } from '../../shared/nodeError';
import { type ApiProfile, errorBody } from '../../shared/transport';
import { forbiddenFor, notFoundFor } from './errors';

const routeOf = (url: string) => {
	try {
		return new URL(url, 'http://x').pathname.replace(/^.*\/api\/v1(?=\/)/, '');
	} catch {
		return url;
	}
};

function detailOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const { message, error } = body as { message?: unknown; error?: unknown };
	if (typeof message === 'string') return message;
	if (typeof error === 'string') return error;
	const nested = (error as { message?: unknown } | undefined)?.message;
	return typeof nested === 'string' ? nested : undefined;
}

/** The first line of DataFast's error answer for the request at `path`. */
function summary(
	status: number,
	path: string,
	method: string | undefined,
	detail: string | undefined,
): string {
	const integrations = /\/integrations$/.test(path);
	switch (status) {
		case 400:
			return integrations || !detail
				? 'DataFast rejected the request as invalid: check the website ID'
				: `DataFast rejected the request as invalid: ${detail}`;
		case 401:
			return 'DataFast did not accept the token: check the token in the DataFast credential (a df_ website API key or a dft_ account token)';
		case 403:
			return forbiddenFor(path, detail, method);
		case 404:
			return notFoundFor(path, method);
		case 429:
			return 'DataFast limited the request rate (HTTP 429): try again later';
		default:
			return status >= 500
				? `DataFast had a server error (HTTP ${status})`
				: `DataFast answered with HTTP ${status}`;
	}
}

/**
 * What DataFast allows to repeat after a lost answer: reads; a payment, which DataFast records once
 * per transaction_id ("Duplicate transaction_id values are handled idempotently"); and identify, which
 * merges the same fields into the same profile again. A goal would be recorded twice, and a delete
 * answers 404 the second time, so neither is repeated.
 */
function safeToRepeat(method: string, url: string): boolean {
	if (method === 'GET') return true;
	const route = routeOf(url);
	return method === 'POST' && (route === '/payments' || route === '/identify');
}

export const dataFastProfile: ApiProfile = {
	credentialType: () => 'dataFastApi',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	// DataFast documents no rate limits (checked in the Feb 2026 docs and the endpoint reference): no pacing.
	rateWindows: () => [],
	safeToRepeat,
	headers: () => ({}),
	toNodeApiError(node: INode, failure: HttpFailure, attempts: number, itemIndex?: number) {
		const status = failure.statusCode;
		if (status === undefined)
			return new NodeApiError(node, errorBody(failure), {
				...unansweredError('DataFast', failure, attempts),
				itemIndex,
			});
		const detail = detailOf(failure.body);
		return new NodeApiError(node, errorBody(failure), {
			message: summary(status, routeOf(failure.path ?? ''), failure.method, detail),
			description: detail,
			httpCode: String(status),
			itemIndex,
		});
	},
};
