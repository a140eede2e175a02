import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { requiredText } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';
import { simplifyField, simplifyVisitor } from './simplify';

const displayOptions = { show: { resource: ['visitor'], operation: ['get'] } };

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a visitor',
		description:
			'One visitor by DataFast visitor ID: location, device, browser, visits and pages, completed goals, payments, identified user and conversion prediction',
	},
	description: [
		websiteLocator(displayOptions),
		...updateDisplayOptions(displayOptions, [
			{
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. a3ab2331-989f-4cfa-91c6-2461c9e3c6bd',
				description: "The visitor's datafast_visitor_id (the cookie DataFast's script sets)",
			},
		]),
		simplifyField(['get']),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const visitorId = requiredText(this, 'visitorId', 'Visitor ID', i);
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(
				this,
				'GET',
				`/visitors/${encodeURIComponent(visitorId)}`,
				{ itemIndex: i, websiteId },
			);
			const visitor = dataOf(answer)[0] ?? {};
			return this.getNodeParameter('simplify', i, true) ? simplifyVisitor(visitor) : visitor;
		});
	},
};
