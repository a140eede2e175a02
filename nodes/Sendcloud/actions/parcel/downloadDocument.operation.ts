import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import {
	binaryPropertyField,
	binaryPropertyOf,
	documentOptionsField,
	documentOptionsOf,
	downloadDocumentFile,
	parcelIdsOf,
} from './documents';
import { printBatches } from './printBatch';

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'documentMode',
		type: 'options',
		default: 'perParcel',
		options: [
			{
				name: 'One File per Item',
				value: 'perParcel',
				description: 'Each input item gets the document of its parcel',
			},
			{
				name: 'Print Batch',
				value: 'printBatch',
				description:
					'The documents of all input items’ parcels in as few files as possible (up to 20 parcels each)',
			},
		],
	},
	{
		displayName: 'Parcel ID',
		name: 'parcelId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 400000001',
		description:
			'Sendcloud’s number of the parcel, as a shipment lists it under its parcels; in a print batch, a comma-separated list is welcome too',
	},
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		default: 'label',
		options: [
			{ name: 'Label', value: 'label' },
			{ name: 'Customs Declaration', value: 'customs-declaration' },
			{ name: 'Air Waybill', value: 'air-waybill' },
		],
	},
	binaryPropertyField,
	documentOptionsField('Document Options'),
];

/**
 * Per item, the document of its parcel; or, as a print batch, every item's parcels in as few files
 * as the API allows. Nothing is bought: the documents are those of parcels already announced.
 */
export const downloadDocument: Operation = {
	option: {
		name: 'Download Document',
		value: 'downloadDocument',
		action: 'Download a parcel document',
		description:
			'Download the label, customs declaration or air waybill of an announced parcel (by parcel ID) as a PDF, PNG or ZPL file in the binary output; costs nothing',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcel'], operation: ['downloadDocument'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		if (this.getNodeParameter('documentMode', 0, 'perParcel') === 'printBatch') {
			return await printBatches(
				this,
				items,
				this.getNodeParameter('documentType', 0, 'label') as string,
			);
		}
		return await eachItem(this, items, async (i) => {
			const [parcelId] = parcelIdsOf(this, i, false);
			const type = this.getNodeParameter('documentType', i, 'label') as string;
			const binaryPropertyName = binaryPropertyOf(this, i);
			const file = await downloadDocumentFile(
				this,
				[parcelId],
				type,
				documentOptionsOf(this, i),
				`${type}-${parcelId}`,
				i,
			);
			return [
				{
					json: {
						parcel_id: parcelId,
						document_type: type,
						file_name: file.fileName ?? null,
						mime_type: file.mimeType,
					},
					binary: { [binaryPropertyName]: file },
				},
			];
		});
	},
};
