import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const shipmentIdField: INodeProperties = {
	displayName: 'Shipment ID',
	name: 'shipmentId',
	type: 'string',
	default: '',
	required: true,
	description: 'Sendcloud’s ID of the shipment, as Create and Announce and Get Many return it',
};

/** The shipment ID item `itemIndex` names, trimmed; one that would change the request's path fails first. */
export function shipmentIdAt(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('shipmentId', itemIndex, '') ?? '').trim();
	if (!id || id.includes('/')) {
		throw new NodeOperationError(ctx.getNode(), `"${id}" is not a shipment ID`, {
			itemIndex,
			description:
				'Give the ID Sendcloud returned when the shipment was created (the "id" of Create and Announce or Get Many).',
		});
	}
	return id;
}

/** The path of one shipment: its ID is Sendcloud's text, escaped as one path segment. */
export const shipmentPath = (id: string) => `/shipments/${encodeURIComponent(id)}`;
