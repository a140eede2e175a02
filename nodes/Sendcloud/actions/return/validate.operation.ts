import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudErrorDetail, sendcloudV3Response } from '../../transport';
import { returnFields } from './createFields';
import { returnBodyOf } from './returnBody';

export const validate: Operation = {
	option: {
		name: 'Validate',
		value: 'validate',
		action: 'Validate a return',
		description:
			'Check whether Sendcloud would accept a return (addresses, weight, shipping option) without creating it or buying a label: returns valid true with the return as checked, or valid false with the reasons',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['return'], operation: ['validate'] } },
		returnFields,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const body = returnBodyOf(this, items, i);
			const response = await sendcloudV3Response.call(
				this,
				{
					method: 'POST',
					url: '/returns/validate',
					body,
					headers: { Accept: 'application/json' },
				},
				i,
				{ acceptStatuses: [400] },
			);
			// A 400 is the answer to the question asked: this return would be refused, and why.
			if (response.statusCode === 400) {
				const errors = ((response.body as IDataObject)?.errors ?? []) as IDataObject[];
				return {
					valid: false,
					reason: sendcloudErrorDetail(response.body) ?? 'no reason given',
					errors,
				};
			}
			return { valid: true, return: response.body as IDataObject };
		});
	},
};
