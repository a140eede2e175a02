import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { recordsUpTo, returnAllAndLimit } from '../../helpers/fields';
import { pageSizeFor } from '../../helpers/v3Records';
import { sendcloudV3Pages } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Carrier Code',
				name: 'carrierCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. postnl',
				description: 'Only contracts with this carrier, by its code (postnl, dhl, ups, …)',
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: 'Only direct contracts with this carrier account number or user name',
			},
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. NL',
				description: 'Only contracts of this country (ISO 3166-1 alpha-2)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only direct contracts with exactly this name (case-sensitive)',
			},
			{
				displayName: 'Status',
				name: 'isActive',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
				],
				description: 'Only active or only inactive contracts',
			},
		],
	},
];

/** The Filters collection as the spec's query. */
function listQuery(ctx: IExecuteFunctions, i: number): IDataObject {
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const text = (name: string) => String(filters[name] ?? '').trim();
	const qs: IDataObject = {};
	if (text('carrierCode')) qs.carrier_code = text('carrierCode').toLowerCase();
	if (text('clientId')) qs.client_id = text('clientId');
	if (text('name')) qs.name = text('name');
	if (text('countryCode')) {
		const country = text('countryCode').toUpperCase();
		if (!/^[A-Z]{2}$/.test(country))
			throw new NodeOperationError(ctx.getNode(), `"${country}" is not a country code`, {
				itemIndex: i,
				description: 'Give the two-letter ISO 3166-1 code, such as NL or DE.',
			});
		qs.country_code = country;
	}
	if (filters.isActive !== undefined) qs.is_active = filters.isActive === 'active';
	qs.page_size = pageSizeFor(ctx, i);
	return qs;
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contracts',
		description:
			'List the carrier contracts of the account, optionally by carrier, status, client ID, name or country: each with its ID (for a label’s contract), carrier, state, type and whether it is the carrier’s default',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['contract'], operation: ['getAll'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const pages = sendcloudV3Pages.call(this, '/contracts', listQuery(this, i), i);
			return await recordsUpTo(pages, this, i);
		});
	},
};
