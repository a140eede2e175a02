import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { rangeFields, rangeQuery, textAt } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';

const displayOptions = { show: { resource: ['payment'], operation: ['delete'] } };

export const deletePayments: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete payments',
		description:
			"Delete one payment by transaction ID, or a visitor's payments and/or the payments of a time range. Without a time range, ALL of the visitor's payments are deleted.",
	},
	description: [
		websiteLocator(displayOptions),
		...updateDisplayOptions(displayOptions, [
			{
				displayName:
					"With a Transaction ID only that payment is deleted. Otherwise every matching payment is: a Visitor ID without Start and End deletes ALL of that visitor's payments across all time; this cannot be undone.",
				name: 'deleteNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				default: '',
				description: 'Delete this one payment (the other fields are then ignored by DataFast)',
			},
			{
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				description: "Delete this visitor's payments (datafast_visitor_id)",
			},
		]),
		...rangeFields(
			displayOptions,
			"Leave both empty to delete the visitor's payments of ALL time.",
		),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const transactionId = textAt(this, 'transactionId', i);
			const qs: IDataObject = {};
			if (transactionId !== undefined) qs.transaction_id = transactionId;
			else {
				Object.assign(qs, rangeQuery(this, i));
				const visitorId = textAt(this, 'visitorId', i);
				if (visitorId !== undefined) qs.datafast_visitor_id = visitorId;
			}
			if (!Object.keys(qs).length)
				throw new NodeOperationError(
					this.getNode(),
					'Give a Transaction ID, a Visitor ID or a time range',
					{
						itemIndex: i,
						description: 'DataFast deletes by at least one of them; nothing was deleted.',
					},
				);
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'DELETE', '/payments', {
				qs,
				itemIndex: i,
				websiteId,
			});
			return { deleted: true, ...(dataOf(answer)[0] ?? {}) };
		});
	},
};
