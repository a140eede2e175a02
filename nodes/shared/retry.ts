import type { INode, NodeApiError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';
import { asNodeError } from './nodeError';

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Total time all waits of one request may add up to. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};

const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
/**
 * A 500 may be a bug that answers the same every time, or a blip: a request safe to repeat is
 * tried this many times at most before the error is reported.
 */
export const MAX_ATTEMPTS_ON_SERVER_ERROR = 3;
const TRANSIENT_NETWORK = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'MALFORMED_RESPONSE',
]);

export function isTransient(failure: HttpFailure): boolean {
	if (failure.statusCode !== undefined) return TRANSIENT_STATUS.has(failure.statusCode);
	return failure.networkCode !== undefined && TRANSIENT_NETWORK.has(failure.networkCode);
}

/** Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full-jitter exponential backoff: spreads retries of many clients sharing one quota. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `attempt` until it succeeds, a failure is permanent, or the policy's bounds are reached.
 * `toFailure` turns a thrown error into an HttpFailure, or returns undefined for errors that are
 * not about HTTP: those fail the request at once, as n8n errors of `node` (and `itemIndex`). The
 * last failure of a request that is not tried again becomes `fail`'s NodeApiError, which is told
 * how many attempts were made; so only n8n errors leave this loop.
 */
export async function withRetries<T>(
	attempt: () => Promise<T>,
	toFailure: (error: unknown) => HttpFailure | undefined,
	options: {
		safeToRepeat: boolean;
		policy?: RetryPolicy;
		node: INode;
		itemIndex?: number;
		fail: (failure: HttpFailure, attempts: number) => NodeApiError;
	},
): Promise<T> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	let waitedMs = 0;
	for (let attemptNo = 1; ; attemptNo++) {
		try {
			return await attempt();
		} catch (error) {
			const failure = toFailure(error);
			if (!failure) throw asNodeError(options.node, error, options.itemIndex);
			// A 429 is refused before anything is done: repeating it is safe for any request.
			const retryable =
				isTransient(failure) && (options.safeToRepeat || failure.statusCode === 429);
			const maxAttempts =
				failure.statusCode === 500
					? Math.min(policy.maxAttempts, MAX_ATTEMPTS_ON_SERVER_ERROR)
					: policy.maxAttempts;
			if (!retryable || attemptNo >= maxAttempts) throw options.fail(failure, attemptNo);
			const delayMs = parseRetryAfter(failure.retryAfter) ?? backoffDelay(attemptNo, policy);
			if (waitedMs + delayMs > policy.maxTotalWaitMs) throw options.fail(failure, attemptNo);
			waitedMs += delayMs;
			await sleep(delayMs);
		}
	}
}
