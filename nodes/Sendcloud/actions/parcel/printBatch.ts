import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem } from '../../../shared/items';
import { asNodeError } from '../../../shared/nodeError';
import {
	binaryPropertyOf,
	documentOptionsOf,
	downloadDocumentFile,
	parcelIdsOf,
} from './documents';

/** The bulk documents endpoint takes at most this many parcels per file. */
const PARCELS_PER_FILE = 20;

/**
 * The documents of every item's parcels in as few files as the API allows, each file paired with
 * the items whose parcels it holds; an item whose parcel IDs are wrong gets an error item of its own.
 * Format, paper size and output field are the first item's: one batch is printed one way.
 */
export async function printBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	documentType: string,
): Promise<INodeExecutionData[]> {
	const errors: INodeExecutionData[] = [];
	const queue: Array<{ parcelId: number; itemIndex: number }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			queue.push(...parcelIdsOf(ctx, i, true).map((parcelId) => ({ parcelId, itemIndex: i })));
		} catch (caught) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), caught, i);
			errors.push(errorItem(caught, ctx, i));
		}
	}
	const options = documentOptionsOf(ctx, 0);
	const binaryPropertyName = binaryPropertyOf(ctx, 0);
	const fileCount = Math.ceil(queue.length / PARCELS_PER_FILE);
	const files: INodeExecutionData[] = [];
	for (let start = 0; start < queue.length; start += PARCELS_PER_FILE) {
		const chunk = queue.slice(start, start + PARCELS_PER_FILE);
		const parcelIds = chunk.map((entry) => entry.parcelId);
		const itemIndexes = [...new Set(chunk.map((entry) => entry.itemIndex))];
		const pairedItem = itemIndexes.map((item) => ({ item }));
		try {
			const file = await downloadDocumentFile(
				ctx,
				parcelIds,
				documentType,
				options,
				`${documentType}s-${files.length + 1}-of-${fileCount}`,
				itemIndexes[0],
			);
			files.push({
				json: {
					document_type: documentType,
					parcel_ids: parcelIds,
					parcel_count: parcelIds.length,
					file_name: file.fileName ?? null,
					mime_type: file.mimeType,
				},
				binary: { [binaryPropertyName]: file },
				pairedItem,
			});
		} catch (caught) {
			const error = asNodeError(ctx.getNode(), caught, itemIndexes[0]);
			if (!ctx.continueOnFail()) throw error;
			files.push({ json: { error: error.message, parcel_ids: parcelIds }, error, pairedItem });
		}
	}
	return [...files, ...errors];
}
