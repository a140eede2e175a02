import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from '../httpFailure';

/**
 * An HTTP answer that is not a success, or a 2xx whose body is not the JSON the API documents.
 * It is what one attempt fails with: the retry loop reads its `failure` (status, Retry-After,
 * body) and the request then fails with the profile's NodeApiError.
 */
export class UnsuccessfulResponse extends NodeApiError {
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
export function assertSuccess(
	node: INode,
	response: IN8nHttpFullResponse,
	fileType?: string,
): void {
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

/** The failure of a 2xx whose body is not the shape the API documents: retried like a lost answer when safe. */
export function malformedAnswer(node: INode, message: string): NodeApiError {
	return new UnsuccessfulResponse(node, { networkCode: 'MALFORMED_RESPONSE', message });
}

/** A plain JSON copy of an API error body, safe to attach to an error shown to users. */
export function errorBody(failure: HttpFailure): JsonObject {
	return { statusCode: failure.statusCode ?? null, body: (failure.body ?? null) as JsonObject };
}
