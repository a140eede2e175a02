import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import { malformedAnswer } from '../../../shared/transport';
import type { Operation } from '../../../shared/router';
import { sendcloudV3ApiRequest } from '../../transport';
import { searchCountryField, servicePointIdAt } from './servicePointId';
import { servicePointLocator } from './servicePoints';

export const checkAvailability: Operation = {
	option: {
		name: 'Check Availability',
		value: 'checkAvailability',
		action: 'Check whether a service point is available',
		description:
			'Ask Sendcloud whether a service point can take parcels now (for some carriers a live check with the carrier): returns its ID and is_available (true or false)',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['servicePoint'], operation: ['checkAvailability'] } },
		[servicePointLocator(), searchCountryField],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = servicePointIdAt(this, i);
			const answerOf = (body: unknown) => {
				const available = ((body as IDataObject | null)?.data as IDataObject | undefined)
					?.is_available;
				if (typeof available !== 'boolean')
					throw malformedAnswer(this.getNode(), 'The answer has no "is_available"');
				return available;
			};
			const body = await sendcloudV3ApiRequest.call(
				this,
				'POST',
				`/service-points/${id}/check-availability`,
				{ itemIndex: i, check: answerOf },
			);
			return { id, is_available: answerOf(body) };
		});
	},
};
