import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tokenKind } from '../transport';

const OBJECT_ID = /^[a-f0-9]{24}$/i;

/** The Website field: a pick list of the account token's websites, or an ID. */
export function websiteLocator(displayOptions: IDisplayOptions, required = false): INodeProperties {
	return {
		displayName: 'Website',
		name: 'website',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		displayOptions,
		description: required
			? 'The DataFast website (its ID is a 24-character ObjectId)'
			: 'The DataFast website. Needed with an account token (dft_); leave empty with a website API key (df_), which belongs to one website and is never sent a website ID.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWebsites', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 665f0b3c4d2e1a0012345678',
				// Checked in the node, not here: with a website key (df_) the field stays empty.
				validation: required
					? [
							{
								type: 'regex',
								properties: {
									regex: '^\\s*[a-fA-F0-9]{24}\\s*$',
									errorMessage: 'A website ID is a 24-character ObjectId',
								},
							},
						]
					: undefined,
			},
		],
	};
}

/**
 * The Website ID field of the routes that always name a website in their path (payment integrations, the
 * trigger): a pick list of the account token's websites, or an ID. Kept under its old name `websiteId`:
 * a plain ID saved before it was a list still works.
 */
export function websiteIdLocator(): INodeProperties {
	return {
		displayName: 'Website',
		name: 'websiteId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The DataFast website: pick it from the account token’s websites, or enter its ID (a 24-character ObjectId from the website settings in DataFast); the token must have access to it',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWebsites', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 66f1c0ffee0123456789abcd',
			},
		],
	};
}

function parseWebsiteId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = String(
		ctx.getNodeParameter('website', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!OBJECT_ID.test(raw)) {
		throw new NodeOperationError(
			ctx.getNode(),
			raw ? `"${raw}" is not a DataFast website ID` : 'Choose the Website',
			{
				itemIndex,
				description:
					'Pick the website from the list, or enter its ID (a 24-character ObjectId from the website settings in DataFast).',
			},
		);
	}
	return raw.toLowerCase();
}

/**
 * The website a Website API request names: with an account token (dft_) the one chosen (required);
 * with a website API key (df_) none, whatever the field holds, as DataFast documents.
 */
export async function websiteForRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string | undefined> {
	if ((await tokenKind(ctx)) === 'websiteKey') return undefined;
	return parseWebsiteId(ctx, itemIndex);
}

/** The website an Account API path names (funnels, settings): required with either kind of token. */
export function websiteInPath(ctx: IExecuteFunctions, itemIndex: number): string {
	return parseWebsiteId(ctx, itemIndex);
}
