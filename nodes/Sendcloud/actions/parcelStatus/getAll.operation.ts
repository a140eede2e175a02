import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { malformedAnswer } from '../../../shared/transport';
import { returnAllAndLimit } from '../../helpers/fields';
import { sendcloudV3ApiRequest } from '../../transport';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many parcel statuses',
		description:
			'List every parcel status Sendcloud uses, each with its code (such as READY_TO_SEND or DELIVERED, for the parcel status filter of Parcel & Label → Get Many) and its message',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcelStatus'], operation: ['getAll'] } },
		returnAllAndLimit({}),
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			// One short list, not paged: Return All / Limit are applied here.
			const answer = (await sendcloudV3ApiRequest.call(this, 'GET', '/parcels/statuses', {
				itemIndex: i,
				check: (body) => {
					if (!Array.isArray((body as IDataObject | null)?.data))
						throw malformedAnswer(this.getNode(), 'The answer is not a list of parcel statuses');
				},
			})) as IDataObject;
			const statuses = answer.data as IDataObject[];
			if (this.getNodeParameter('returnAll', i, false)) return statuses;
			return statuses.slice(0, this.getNodeParameter('limit', i, 50) as number);
		});
	},
};
