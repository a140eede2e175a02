import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { rangeFields, rangeQuery, textAt } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';
import { goalName } from './goalName';

const displayOptions = { show: { resource: ['goal'], operation: ['delete'] } };

export const deleteGoals: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete goals',
		description:
			'Delete custom goal events by visitor, goal name and/or time range. Without a time range, ALL matching events of all time are deleted.',
	},
	description: [
		websiteLocator(displayOptions),
		...updateDisplayOptions(displayOptions, [
			{
				displayName:
					'Deletes every goal event that matches. Without Start and End, ALL matching events across all time are deleted; this cannot be undone.',
				name: 'deleteNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				description: "Delete only this visitor's goal events (datafast_visitor_id)",
			},
			{
				displayName: 'Goal Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. newsletter_signup',
				description: 'Delete only events of this goal',
			},
		]),
		...rangeFields(displayOptions, 'Leave both empty to delete matching events of ALL time.'),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const qs: IDataObject = { ...rangeQuery(this, i) };
			const visitorId = textAt(this, 'visitorId', i);
			if (visitorId !== undefined) qs.datafast_visitor_id = visitorId;
			const name = textAt(this, 'name', i);
			if (name !== undefined) qs.name = goalName(this.getNode(), name, i);
			if (!Object.keys(qs).length)
				throw new NodeOperationError(
					this.getNode(),
					'Give a Visitor ID, a Goal Name or a time range',
					{
						itemIndex: i,
						description: 'DataFast deletes by at least one of them; nothing was deleted.',
					},
				);
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'DELETE', '/goals', {
				qs,
				itemIndex: i,
				websiteId,
			});
			return { deleted: true, ...(dataOf(answer)[0] ?? {}) };
		});
	},
};
