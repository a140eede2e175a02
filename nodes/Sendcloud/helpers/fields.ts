import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INode,
	INodeCredentialDescription,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { takeRecords, wantedCount } from '../../shared/returnAll';

export function integrationIdLocator(
	displayOptions: IDisplayOptions,
	description?: string,
): INodeProperties {
	return {
		displayName: 'Integration',
		name: 'integrationId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchIntegrations', searchable: true },
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
							errorMessage: 'An integration ID is a positive whole number',
						},
					},
				],
			},
		],
	};
}

/** The integration ID the user gave (from the list, typed, or mapped), checked before any request. */
export function parseIntegrationId(node: INode, value: unknown, itemIndex?: number): number {
	const raw = String(value ?? '').trim();
	if (!/^[1-9][0-9]*$/.test(raw)) {
		throw new NodeOperationError(node, `"${raw}" is not an integration ID`, {
			itemIndex,
			description: 'An integration ID is a positive whole number, such as 12345.',
		});
	}
	return Number(raw);
}

/** The integration ID item `itemIndex` names, checked before any request. */
export function integrationIdAt(ctx: IExecuteFunctions, itemIndex: number): number {
	return parseIntegrationId(
		ctx.getNode(),
		ctx.getNodeParameter('integrationId', itemIndex, '', { extractValue: true }),
		itemIndex,
	);
}

/** A list as users give it: an array (from an expression) or comma-separated text; trimmed, empties dropped. */
export function toList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((v) => String(v).trim()).filter(Boolean);
}

/** A JSON field's text as a value; empty text is no value. */
export function parseJsonText(
	node: INode,
	label: string,
	value: unknown,
	itemIndex: number,
): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		throw new NodeOperationError(node, `${label} is not valid JSON`, {
			itemIndex,
			description: 'Give a JSON object, or leave the field empty.',
		});
	}
}

/** Both Sendcloud nodes authenticate with an API key or an OAuth2 client. */
export const sendcloudCredentials: INodeCredentialDescription[] = [
	{
		name: 'sendcloudApi',
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: 'sendcloudOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export { returnAllAndLimit } from '../../shared/returnAll';

/** The records of a list up to what the item's Return All / Limit asks for. */
export async function recordsUpTo(
	pages: AsyncIterable<IDataObject[]>,
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await takeRecords(pages, wantedCount(ctx, itemIndex));
}
