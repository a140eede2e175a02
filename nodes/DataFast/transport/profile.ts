import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from '../../shared/httpFailure';
import { trimBaseUrl } from '../../shared/baseUrl';
import { unansweredError } from '../../shared/nodeError';
import { type ApiProfile, errorBody } from '../../shared/transport';

const summaries: Record<number, string> = {
	400: 'DataFast rejected the request as invalid: check the website ID',
	401: 'DataFast did not accept the token: check the account token (dft_…) in the DataFast credential',
	403: 'The DataFast token may not read this website: it needs the settings:read permission and access to the website',
	404: 'DataFast could not find this website',
	500: 'DataFast had a server error',
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

export const dataFastProfile: ApiProfile = {
	credentialType: () => 'dataFastApi',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	rateWindows: () => [],
	safeToRepeat: (method) => method === 'GET',
	headers: () => ({}),
	toNodeApiError(node: INode, failure: HttpFailure, attempts: number, itemIndex?: number) {
		const status = failure.statusCode;
		if (status === undefined)
			return new NodeApiError(node, errorBody(failure), {
				...unansweredError('DataFast', failure, attempts),
				itemIndex,
			});
		return new NodeApiError(node, errorBody(failure), {
			message: summaries[status] ?? `DataFast answered with HTTP ${status}`,
			description: detailOf(failure.body),
			httpCode: String(status),
			itemIndex,
		});
	},
};
