import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { isoDateTime } from '../../helpers/dates';
import { recordsUpTo, returnAllAndLimit } from '../../helpers/fields';
import { idList } from '../../helpers/lists';
import { locatorValue } from '../../helpers/locators';
import { parcelStatusLocator } from '../parcelStatus/fields';
import { sendcloudV3Pages } from '../../transport';
import { simplifiedIfAsked, simplifyField } from './simplify';

const properties: INodeProperties[] = [
	...returnAllAndLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Announced After', name: 'announcedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Announced Before', name: 'announcedBefore', type: 'dateTime', default: '' },
			{
				displayName: 'External Reference ID',
				name: 'externalReferenceId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Integration ID',
				name: 'integrationId',
				type: 'string',
				default: '',
				description: 'Only shipments of this shop integration',
			},
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '' },
			{
				displayName: 'Parcel IDs',
				name: 'parcelIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234,5678',
				description: 'Comma-separated, at most 100',
			},
			parcelStatusLocator,
			{
				displayName: 'Shipment IDs',
				name: 'shipmentIds',
				type: 'string',
				default: '',
				description: 'Comma-separated, at most 100',
			},
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
		],
	},
	simplifyField,
];

const TEXT_FILTERS = [
	['parcelStatus', 'parcel_status'],
	['trackingNumber', 'tracking_number'],
	['externalReferenceId', 'external_reference_id'],
	['orderNumber', 'order_number'],
	['integrationId', 'integration_id'],
] as const;

const DATE_FILTERS = [
	['updatedAfter', 'updated_after', 'Updated After'],
	['updatedBefore', 'updated_before', 'Updated Before'],
	['announcedAfter', 'announced_after', 'Announced After'],
	['announcedBefore', 'announced_before', 'Announced Before'],
] as const;

/** The Filters collection as the spec's query, and pages no larger than the Limit needs. */
function listQuery(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [parameter, field] of TEXT_FILTERS) {
		const value = String(locatorValue(filters[parameter]) ?? '').trim();
		if (value) qs[field] = value;
	}
	for (const [parameter, field, label] of DATE_FILTERS) {
		if (filters[parameter]) qs[field] = isoDateTime(node, label, filters[parameter], i);
	}
	if (filters.parcelIds) qs.ids = idList(node, 'Parcel IDs', filters.parcelIds, /^[1-9][0-9]*$/, i);
	if (filters.shipmentIds)
		qs.shipment_uuids = idList(node, 'Shipment IDs', filters.shipmentIds, /^[^,/\s]+$/, i);
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = ctx.getNodeParameter('limit', i, 50) as number;
	qs.page_size = returnAll ? 100 : Math.min(100, Math.max(1, limit));
	return qs;
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many shipments',
		description:
			'List shipments, optionally filtered by parcel status, tracking number, external reference, order number, integration, parcel or shipment IDs, and announced or updated dates: each with its ID, recipient, carrier and parcels with status and tracking',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcel'], operation: ['getAll'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const pages = sendcloudV3Pages.call(this, '/shipments', listQuery(this, i), i);
			return simplifiedIfAsked(this, i, await recordsUpTo(pages, this, i));
		});
	},
};
