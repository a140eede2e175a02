import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from '../../helpers/fields';
import { sendcloudV3Response } from '../../transport';

export const DOCUMENT_FORMATS = {
	pdf: { name: 'PDF', mimeType: 'application/pdf', extension: 'pdf' },
	png: { name: 'PNG', mimeType: 'image/png', extension: 'png' },
	zpl: { name: 'ZPL', mimeType: 'application/zpl', extension: 'zpl' },
} as const;
type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

const PAPER_SIZES = ['A4', 'A5', 'A6'] as const;

export interface DocumentOptions {
	format: DocumentFormat;
	dpi: number;
	paperSize: string;
}

/** Format, resolution and paper size of a downloaded label or document. */
export function documentOptionsField(displayName: string): INodeProperties {
	return {
		displayName,
		name: 'documentOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Format',
				name: 'format',
				type: 'options',
				default: 'pdf',
				options: Object.entries(DOCUMENT_FORMATS).map(([value, { name }]) => ({ name, value })),
				description:
					'File format. ZPL goes straight to thermal label printers (Zebra and compatible).',
			},
			{
				displayName: 'DPI',
				name: 'dpi',
				type: 'options',
				default: 300,
				options: [
					{ name: '150', value: 150 },
					{ name: '300', value: 300 },
				],
				description: 'Resolution of a PNG file (PDF is always 72 DPI; ZPL takes the printer’s own)',
				displayOptions: { show: { format: ['png'] } },
			},
			{
				displayName: 'Paper Size',
				name: 'paperSize',
				type: 'options',
				default: 'A6',
				options: PAPER_SIZES.map((size) => ({ name: size, value: size })),
				description: 'A6 for label printers, A4 to print labels on office paper',
			},
		],
	};
}

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

export function documentOptionsOf(ctx: IExecuteFunctions, itemIndex: number): DocumentOptions {
	const options = ctx.getNodeParameter('documentOptions', itemIndex, {}) as IDataObject;
	const format = (options.format ?? 'pdf') as DocumentFormat;
	// The documents endpoint renders PDF at 72 DPI only, and ZPL at the printer's resolution.
	const dpi = format === 'png' ? Number(options.dpi ?? 300) : 72;
	return { format, dpi, paperSize: String(options.paperSize ?? 'A6') };
}

export function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
}

/** One file holding the documents of `parcelIds` (one parcel, or up to 20 through the bulk endpoint). */
export async function downloadDocumentFile(
	ctx: IExecuteFunctions,
	parcelIds: number[],
	documentType: string,
	{ format, dpi, paperSize }: DocumentOptions,
	fileStem: string,
	itemIndex: number,
): Promise<IBinaryData> {
	const { mimeType, extension } = DOCUMENT_FORMATS[format];
	const request: IHttpRequestOptions =
		parcelIds.length === 1
			? {
					url: `/parcels/${parcelIds[0]}/documents/${documentType}`,
					qs: { paper_size: paperSize, ...(format === 'zpl' ? {} : { dpi }) },
				}
			: {
					url: `/parcel-documents/${documentType}`,
					qs: { parcels: parcelIds, paper_size: paperSize },
				};
	const response = await sendcloudV3Response.call(
		ctx,
		// The format is chosen by Accept, and the spec's enum has no `*/*`: say it explicitly.
		{ ...request, method: 'GET', headers: { Accept: mimeType }, encoding: 'arraybuffer' },
		itemIndex,
	);
	return await ctx.helpers.prepareBinaryData(
		response.body as Buffer,
		`${fileStem}.${extension}`,
		mimeType,
	);
}

/** Parcel IDs an item names: a number, a numeric text, or (in a print batch) a list of them. */
export function parcelIdsOf(ctx: IExecuteFunctions, i: number, allowList: boolean): number[] {
	const texts = toList(ctx.getNodeParameter('parcelId', i, ''));
	const wrong = texts.find((text) => !/^[1-9][0-9]*$/.test(text));
	if (texts.length === 0 || wrong !== undefined || (!allowList && texts.length > 1)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${texts.join(',')}" is not ${allowList ? 'a list of parcel IDs' : 'a parcel ID'}`,
			{
				itemIndex: i,
				description: 'A parcel ID is a whole number, such as the "id" of a shipment’s parcels.',
			},
		);
	}
	return texts.map(Number);
}
