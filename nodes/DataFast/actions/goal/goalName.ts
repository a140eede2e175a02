import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A goal name as DataFast takes it: spaces become underscores and letters lowercase (as DataFast
 * formats names itself), then only a-z, 0-9, _, - and : remain allowed, at most 64 characters, and
 * "identify" is reserved for DataFast's own identify event.
 */
export function goalName(node: INode, raw: string, itemIndex: number): string {
	const name = raw.trim().replace(/\s+/g, '_').toLowerCase();
	const fail = (message: string) =>
		new NodeOperationError(node, message, {
			itemIndex,
			description:
				'A goal name has lowercase letters, digits, underscores (_), hyphens (-) and colons (:), at most 64 characters; spaces become underscores. "identify" is reserved.',
		});
	if (!name) throw fail('The goal name is empty');
	const bad = [...new Set(name.replace(/[a-z0-9_:-]/g, ''))];
	if (bad.length)
		throw fail(`The goal name "${raw}" has characters DataFast does not allow: ${bad.join(' ')}`);
	if (name.length > 64)
		throw fail(`The goal name has ${name.length} characters; at most 64 are allowed`);
	if (name === 'identify') throw fail('The goal name "identify" is reserved by DataFast');
	return name;
}

const META_KEY = /^[a-z0-9_-]{1,64}$/;

/** Goal metadata: at most 10 properties, names a-z0-9_- up to 64, values up to 255 characters. */
export function goalMetadata(
	node: INode,
	pairs: Array<[string, string]>,
	itemIndex: number,
): Record<string, string> | undefined {
	if (!pairs.length) return undefined;
	const fail = (message: string) =>
		new NodeOperationError(node, message, {
			itemIndex,
			description:
				'Goal metadata: at most 10 properties; names of lowercase letters, digits, _ and -, at most 64 characters; values at most 255 characters.',
		});
	if (pairs.length > 10)
		throw fail(`${pairs.length} metadata properties; DataFast takes at most 10`);
	const metadata: Record<string, string> = {};
	for (const [key, value] of pairs) {
		if (!META_KEY.test(key)) throw fail(`"${key}" is not a metadata property name DataFast allows`);
		if (key in metadata) throw fail(`The metadata property "${key}" is given twice`);
		if (value.length > 255)
			throw fail(`The value of "${key}" has ${value.length} characters; at most 255 are allowed`);
		metadata[key] = value;
	}
	return metadata;
}
