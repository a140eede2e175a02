import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A caught error as the n8n error it fails the node with: n8n's own NodeApiError and
 * NodeOperationError (and this package's, which carry its messages) pass unchanged; anything
 * else is wrapped, so that n8n shows it with the node (and item) it happened in.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
