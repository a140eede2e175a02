import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudV3ApiRequest } from '../../transport';
import {
	binaryPropertyField,
	binaryPropertyOf,
	documentOptionsField,
	documentOptionsOf,
	downloadDocumentFile,
} from '../parcel/documents';
import { returnIdAt, returnIdField } from './returnId';
import { returnParcelId, returnSimplifyField, simplifyReturn } from './returnList';

const withLabel = { show: { downloadLabel: [true] } };

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a return',
		description:
			'Get one return by its ID: status, tracking number and URL, label link, whether it can still be cancelled, customer and order number; optionally with its label file once it is announced',
	},
	description: updateDisplayOptions({ show: { resource: ['return'], operation: ['get'] } }, [
		returnIdField,
		returnSimplifyField,
		{
			displayName: 'Download Label',
			name: 'downloadLabel',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the return label file to the output item (once Sendcloud has announced the return)',
		},
		{ ...binaryPropertyField, displayOptions: withLabel },
		{ ...documentOptionsField('Label Options'), displayOptions: withLabel },
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = returnIdAt(this, i);
			const ret = await sendcloudV3ApiRequest.call(this, 'GET', `/returns/${id}`, {
				itemIndex: i,
			});
			const json: IDataObject = (this.getNodeParameter('simplify', i, true) as boolean)
				? simplifyReturn({ id, ...ret })
				: { id, ...ret };
			const parcelId = returnParcelId(ret);
			if (!(this.getNodeParameter('downloadLabel', i, false) as boolean) || parcelId === undefined)
				return { json };
			const label = await downloadDocumentFile(
				this,
				[parcelId],
				'label',
				documentOptionsOf(this, i),
				`return-label-${id}`,
				i,
			);
			return { json, binary: { [binaryPropertyOf(this, i)]: label } };
		});
	},
};
