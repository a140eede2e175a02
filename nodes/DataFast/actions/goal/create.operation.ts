import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { pairsAt, requiredText, textAt } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';
import { goalMetadata, goalName } from './goalName';

const displayOptions = { show: { resource: ['goal'], operation: ['create'] } };

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a goal',
		description:
			'Record a custom goal (a conversion event such as newsletter_signup) for a visitor who has viewed a page; returns the message and the event ID',
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
				description:
					"The visitor's datafast_visitor_id cookie; the visitor needs at least one pageview",
			},
			{
				displayName: 'Goal Name',
				name: 'name',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. newsletter_signup',
				description:
					'Lowercase letters, digits, _, - and :, at most 64 characters; spaces become underscores; "identify" is reserved',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'What the goal means, shown in DataFast',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				placeholder: 'Add Property',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					'Up to 10 custom properties of the event (names: lowercase letters, digits, _ and -; values up to 255 characters)',
				options: [
					{
						displayName: 'Property',
						name: 'values',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								description: 'Name of the property, such as plan',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								description: 'Value of the property, up to 255 characters',
							},
						],
					},
				],
			},
		]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const body: IDataObject = {
				datafast_visitor_id: requiredText(this, 'visitorId', 'Visitor ID', i),
				name: goalName(this.getNode(), String(this.getNodeParameter('name', i, '')), i),
			};
			const description = textAt(this, 'description', i);
			if (description !== undefined) body.description = description;
			const metadata = goalMetadata(this.getNode(), pairsAt(this, 'metadata', i), i);
			if (metadata) body.metadata = metadata;
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'POST', '/goals', {
				body,
				itemIndex: i,
				websiteId,
			});
			return { ...(dataOf(answer)[0] ?? {}), name: body.name, visitorId: body.datafast_visitor_id };
		});
	},
};
