/** What the package offers besides its nodes' behaviour: its entry point and its field hints. */
import { readFileSync } from 'fs';
import { basename, join } from 'path';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import * as entry from '../../index';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};
const classNameOf = (file: string) => basename(file).replace(/\.(node|credentials)\.js$/, '');
const exported = entry as unknown as Record<string, new () => unknown>;

test.each(
	[...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => [classNameOf(file), file]),
)('index.ts exports %s (%s)', (className) => {
	expect(typeof exported[className]).toBe('function');
	expect(new exported[className]()).toBeDefined();
});

test('index.ts exports nothing the n8n section does not list', () => {
	const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map(classNameOf).sort();
	expect(Object.keys(entry).sort()).toEqual(listed);
});

function* fieldsOf(
	properties: Array<INodeProperties | INodePropertyCollection>,
	path = '',
): Generator<[string, INodeProperties]> {
	for (const property of properties) {
		const name = `${path}${'name' in property ? property.name : ''}`;
		if ('type' in property) yield [name, property];
		const nested =
			('options' in property ? property.options : undefined) ??
			('values' in property ? property.values : undefined);
		if (Array.isArray(nested))
			yield* fieldsOf(nested as Array<INodeProperties | INodePropertyCollection>, `${name}.`);
	}
}

const jsonFields = manifest.n8n.nodes.flatMap((file) => {
	const node = new exported[classNameOf(file)]() as INodeType;
	return [...fieldsOf(node.description.properties)]
		.filter(([, field]) => field.type === 'json' && field.placeholder)
		.map(([name, field]) => [
			`${node.description.displayName}: ${name}`,
			field.placeholder as string,
		]);
});

test('there are JSON fields with placeholders to check', () =>
	expect(jsonFields.length).toBeGreaterThan(0));

test.each(jsonFields)('the placeholder of %s is valid JSON', (_field, placeholder) => {
	expect(() => JSON.parse(placeholder.replace(/^e\.g\.\s*/, ''))).not.toThrow();
});
