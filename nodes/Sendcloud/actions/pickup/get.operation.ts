import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { getV3Record } from '../parcel/answers';

export const pickupIdLocator: INodeProperties = {
	displayName: 'Pickup',
	name: 'pickupId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The pickup: pick it from the account’s pickups or give its ID, as Create and Get Many return it',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPickups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 294247',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[1-9][0-9]*\\s*$',
						errorMessage: 'A pickup ID is a positive whole number',
					},
				},
			],
		},
	],
};

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a pickup',
		description:
			'Get one pickup by its ID: carrier, address, time window, parcels and weight, status (ANNOUNCING, CREATED, FAILED, CANCELLED) and tracking number',
	},
	description: updateDisplayOptions({ show: { resource: ['pickup'], operation: ['get'] } }, [
		pickupIdLocator,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const raw = String(
				this.getNodeParameter('pickupId', i, '', { extractValue: true }) ?? '',
			).trim();
			if (!/^[1-9][0-9]*$/.test(raw))
				throw new NodeOperationError(this.getNode(), `"${raw}" is not a pickup ID`, {
					itemIndex: i,
					description:
						'A pickup ID is Sendcloud’s number for it, as Create and Get Many return it.',
				});
			return await getV3Record(this, `/pickups/${raw}`, i);
		});
	},
};
