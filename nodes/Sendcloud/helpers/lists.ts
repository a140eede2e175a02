import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from './fields';

/**
 * A filter's list of IDs as one comma-separated query value, each ID checked against `pattern`
 * before anything is sent; Sendcloud takes at most 100 in one filter.
 */
export function idList(
	node: INode,
	label: string,
	value: unknown,
	pattern: RegExp,
	itemIndex: number,
): string {
	const ids = toList(value);
	const wrong = ids.find((id) => !pattern.test(id));
	if (wrong !== undefined || ids.length > 100) {
		throw new NodeOperationError(
			node,
			wrong !== undefined ? `${label}: "${wrong}" is not an ID` : `${label}: at most 100 IDs`,
			{ itemIndex },
		);
	}
	return ids.join(',');
}
