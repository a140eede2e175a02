import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastWebsiteRequest, dataOf } from '../../transport';
import { pairsAt, requiredText } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';

const displayOptions = { show: { resource: ['user'], operation: ['identify'] } };

export const identify: Operation = {
	option: {
		name: 'Identify',
		value: 'identify',
		action: 'Identify a user',
		description:
			"Link a visitor to your own user ID and store properties (plan, email, …) on the visitor's profile; returns the profile ID and whether it was created, updated or unchanged",
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
				description: "The visitor's datafast_visitor_id cookie",
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. user_123',
				description: 'Your own ID of the user, at most 255 characters',
			},
			{
				displayName: 'Properties',
				name: 'properties',
				type: 'fixedCollection',
				placeholder: 'Add Property',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					"Properties merged into the profile's metadata (a property given again replaces its old value)",
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
								placeholder: 'e.g. plan',
								description: 'Name of the profile property',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'e.g. pro',
								description: 'Value of the profile property',
							},
						],
					},
				],
			},
		]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const userId = requiredText(this, 'userId', 'User ID', i);
			if (userId.length > 255)
				throw new NodeOperationError(this.getNode(), 'The User ID has more than 255 characters', {
					itemIndex: i,
				});
			const body: IDataObject = {};
			for (const [name, value] of pairsAt(this, 'properties', i)) {
				if (name === 'user_id' || name === 'datafast_visitor_id')
					throw new NodeOperationError(this.getNode(), `"${name}" cannot be a property name`, {
						itemIndex: i,
						description: 'It is set by Visitor ID and User ID.',
					});
				body[name] = value;
			}
			body.user_id = userId;
			body.datafast_visitor_id = requiredText(this, 'visitorId', 'Visitor ID', i);
			const websiteId = await websiteForRequest(this, i);
			const answer = await dataFastWebsiteRequest.call(this, 'POST', '/identify', {
				body,
				itemIndex: i,
				websiteId,
			});
			return { ...(dataOf(answer)[0] ?? {}), userId, visitorId: body.datafast_visitor_id };
		});
	},
};
