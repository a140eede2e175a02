import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const trackingNumberField: INodeProperties = {
	displayName: 'Tracking Number',
	name: 'trackingNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3SYZXG1234567',
	description:
		'The carrier’s tracking number of the parcel, as a shipment’s parcels (Parcel & Label → Get) or a return show it',
};

/** The tracking number item `i` names, trimmed and checked before any request (1 to 255 characters). */
export function trackingNumberAt(
	ctx: IExecuteFunctions,
	i: number,
	name = 'trackingNumber',
): string {
	const value = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	if (!value || value.length > 255 || value.includes('/')) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a tracking number`, {
			itemIndex: i,
			description:
				'Give the carrier’s tracking number (1 to 255 characters, no "/"), such as the "tracking_number" of a shipment’s parcel.',
		});
	}
	return value;
}
