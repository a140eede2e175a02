import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { getV3Record } from './answers';
import { shipmentIdAt, shipmentIdField, shipmentPath } from './shipmentId';

export const getReturnPortalUrl: Operation = {
	option: {
		name: 'Get Return Portal URL',
		value: 'getReturnPortalUrl',
		action: 'Get the return portal URL of a shipment',
		description:
			'Get the link where the recipient of a shipment (by shipment ID) can start a return: returns the shipment ID and the portal’s URL; fails with 404 when the shipment’s brand has no return portal',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcel'], operation: ['getReturnPortalUrl'] } },
		[shipmentIdField],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = shipmentIdAt(this, i);
			const portal = await getV3Record(this, `${shipmentPath(id)}/return-portal-url`, i);
			return { shipment_id: id, url: portal.url };
		});
	},
};
