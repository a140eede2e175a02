import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';

/**
 * A caught error as the n8n error it fails the node with: n8n's own NodeApiError and
 * NodeOperationError (and this package's, which carry its messages) pass unchanged; anything
 * else is wrapped, so that n8n shows it with the node (and item) it happened in.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/**
 * Failures that lose the answer to a request the API may have carried out. n8n rewrites any error
 * message naming their Node.js code into advice to send it again ("You can retry the request
 * immediately", "consider setting the 'Retry on Fail' option"), which would make a second log
 * entry: so they are put in words that name no code.
 */
const ANSWER_LOST: Record<string, string> = {
	ECONNRESET: 'the connection dropped before it came',
	EPIPE: 'the connection dropped before it came',
	ETIMEDOUT: 'it did not come in time',
	ESOCKETTIMEDOUT: 'it did not come in time',
	ECONNABORTED: 'it did not come in time',
};

/** Redirects and links the transport did not follow (`message` says which and why), and what to add. */
const ELSEWHERE = 'No credential was sent there, and nothing from there was used.';
const NOT_FOLLOWED: Record<string, string | undefined> = {
	REDIRECT_REFUSED: ELSEWHERE,
	FOREIGN_NEXT_LINK: ELSEWHERE,
	TOO_MANY_PAGES: undefined,
};

/** What to tell about a failure without an HTTP status: a lost answer, an unusable one, or no connection. */
export function unansweredError(
	api: string,
	failure: HttpFailure,
	attempts: number,
): { message: string; description?: string } {
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const lost = ANSWER_LOST[failure.networkCode ?? ''];
	if (lost) {
		return {
			message: `${api}'s answer was lost${tries}: ${lost}`,
			description: `${api} may have carried the request out before its answer was lost: check before sending it again.`,
		};
	}
	if (failure.networkCode !== undefined && failure.networkCode in NOT_FOLLOWED) {
		return { message: `${api} ${failure.message}`, description: NOT_FOLLOWED[failure.networkCode] };
	}
	if (failure.networkCode === 'MALFORMED_RESPONSE')
		return { message: `${api}'s answer could not be used${tries}: ${failure.message}` };
	return { message: `Could not reach ${api}${tries}: ${failure.networkCode ?? failure.message}` };
}
