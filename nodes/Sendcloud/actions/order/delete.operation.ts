import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const properties = [
	integrationIdLocator({}),
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options' as const,
		default: 'shipmentUuid',
		options: [
			{ name: 'Shipment UUID', value: 'shipmentUuid' },
			{ name: 'External Order and Shipment ID', value: 'externalIds' },
		],
	},
	{
		displayName: 'Shipment UUID',
		name: 'shipmentUuid',
		type: 'string' as const,
		default: '',
		required: true,
		displayOptions: { show: { deleteBy: ['shipmentUuid'] } },
		description: 'Sendcloud’s ID of the order',
	},
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string' as const,
		default: '',
		required: true,
		displayOptions: { show: { deleteBy: ['externalIds'] } },
	},
	{
		displayName: 'External Shipment ID',
		name: 'externalShipmentId',
		type: 'string' as const,
		default: '',
		displayOptions: { show: { deleteBy: ['externalIds'] } },
		description: 'Leave empty for orders the shop does not split',
	},
];

/** What identifies the order in the request, and what the output says was deleted. */
function orderToDelete(
	ctx: IExecuteFunctions,
	i: number,
): { body: IDataObject; deleted: IDataObject } {
	if (ctx.getNodeParameter('deleteBy', i, 'shipmentUuid') === 'shipmentUuid') {
		const uuid = String(ctx.getNodeParameter('shipmentUuid', i, '')).trim();
		if (!UUID.test(uuid)) {
			throw new NodeOperationError(ctx.getNode(), `"${uuid}" is not a shipment UUID`, {
				itemIndex: i,
			});
		}
		return { body: { shipment_uuid: uuid }, deleted: { shipment_uuid: uuid } };
	}
	const externalOrderId = String(ctx.getNodeParameter('externalOrderId', i, '')).trim();
	if (!externalOrderId) {
		throw new NodeOperationError(
			ctx.getNode(),
			'An external order ID is needed to find the order',
			{
				itemIndex: i,
			},
		);
	}
	const externalShipmentId = String(ctx.getNodeParameter('externalShipmentId', i, '') ?? '').trim();
	return {
		// Orders that are not split have no shipment ID: the API takes it as an empty text here.
		body: { external_order_id: externalOrderId, external_shipment_id: externalShipmentId },
		deleted: {
			external_order_id: externalOrderId,
			external_shipment_id: externalShipmentId || null,
		},
	};
}

export const deleteOrder: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an order',
		description:
			'Remove an order from a shop integration in Sendcloud, by its shipment UUID or by its external order and shipment ID, for example when it was cancelled in the shop; returns which order was deleted',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['shipment'], operation: ['delete'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = integrationIdAt(this, i);
			const { body, deleted } = orderToDelete(this, i);
			await sendcloudApiRequest.call(this, 'POST', `/integrations/${id}/shipments/delete`, {
				body,
				itemIndex: i,
			});
			return { deleted: true, integration_id: id, ...deleted };
		});
	},
};
