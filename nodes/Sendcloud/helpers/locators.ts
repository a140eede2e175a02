import type { IDisplayOptions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What a pick list of numeric IDs needs: its field, the list search, and how to name one record. */
export interface IdLocatorOptions {
	displayName: string;
	name: string;
	/** The list search method (`methods.listSearch`) the From List mode uses. */
	searchListMethod: string;
	/** What one record is called in messages, such as "sender address". */
	noun: string;
	description?: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
}

/** A resource locator for a record with a numeric ID: From List (searchable) or By ID. */
export function idLocator(options: IdLocatorOptions): INodeProperties {
	const { displayName, name, searchListMethod, noun, description, required, displayOptions } =
		options;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		...(displayOptions ? { displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[1-9][0-9]*\\s*$',
							errorMessage: `A ${noun} ID is a positive whole number`,
						},
					},
				],
			},
		],
	};
}

/**
 * The value of a field that is now a resource locator but may hold what it held before: a saved
 * workflow keeps a plain number or text there, an editor saves `{__rl, mode, value}`.
 */
export function locatorValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && 'value' in value)
		return (value as { value: unknown }).value;
	return value;
}

/** The ID a locator (or a plain value saved before it was one) names; empty is `undefined`. */
export function optionalId(
	node: INode,
	noun: string,
	value: unknown,
	itemIndex: number,
): number | undefined {
	const raw = String(locatorValue(value) ?? '').trim();
	if (raw === '' || raw === '0') return undefined;
	if (!/^[1-9][0-9]*$/.test(raw)) {
		throw new NodeOperationError(node, `"${raw}" is not a ${noun} ID`, {
			itemIndex,
			description: `A ${noun} ID is a positive whole number, such as 12345: pick one from the list or type its ID.`,
		});
	}
	return Number(raw);
}

/** Like `optionalId`, for a field that must name a record. */
export function requiredId(node: INode, noun: string, value: unknown, itemIndex: number): number {
	const id = optionalId(node, noun, value, itemIndex);
	if (id === undefined) {
		throw new NodeOperationError(node, `No ${noun} is chosen`, {
			itemIndex,
			description: `Pick a ${noun} from the list or give its ID.`,
		});
	}
	return id;
}
