import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { servicePointLocator } from '../servicePoint/servicePoints';

const toServicePoint = { show: { dataMode: ['defineBelow'], deliverToServicePoint: [true] } };

/** Create and Announce: delivery to a service point instead of the recipient's door. */
export const servicePointFields: INodeProperties[] = [
	{
		displayName: 'Deliver to a Service Point',
		name: 'deliverToServicePoint',
		type: 'boolean',
		default: false,
		displayOptions: { show: { dataMode: ['defineBelow'] } },
		description:
			'Whether the carrier delivers the parcel to a service point (parcel shop or locker) where the recipient collects it, instead of to the recipient’s address',
	},
	servicePointLocator({
		displayOptions: toServicePoint,
		description:
			'The service point to deliver to, of the shipping option’s carrier: pick one near the recipient’s postal code (fill in the recipient’s country code and postal code first, or type an address in the search box) or give its Sendcloud ID (Service Point → Get Many)',
	}),
];

/** The shipment's `to_service_point` when item `i` asks for delivery to a service point. */
export function toServicePointAt(ctx: IExecuteFunctions, i: number): IDataObject {
	if (!(ctx.getNodeParameter('deliverToServicePoint', i, false) as boolean)) return {};
	const id = String(
		ctx.getNodeParameter('servicePointId', i, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[1-9][0-9]*$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `"${id}" is not a service point ID`, {
			itemIndex: i,
			description:
				'Pick the service point from the list, or give Sendcloud’s ID of it (the "id" Service Point → Get Many returns).',
		});
	}
	// The shipments spec types a service point's Sendcloud ID as text.
	return { to_service_point: { id } };
}
