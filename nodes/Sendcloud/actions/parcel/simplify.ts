import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the main fields (IDs, recipient, carrier, parcels with status and tracking) instead of everything',
};

/** The fields people use of a v3 shipment: IDs, recipient, carrier, and each parcel's tracking. */
export function simplifyShipment(shipment: IDataObject): IDataObject {
	const to = (shipment.to_address ?? {}) as IDataObject;
	const parcels = Array.isArray(shipment.parcels) ? (shipment.parcels as IDataObject[]) : [];
	return {
		id: shipment.id ?? null,
		external_reference_id: shipment.external_reference_id ?? null,
		order_number: shipment.order_number ?? null,
		carrier: (shipment.carrier as IDataObject | undefined)?.code ?? shipment.carrier ?? null,
		shipping_option_code:
			((shipment.ship_with as IDataObject | undefined)?.properties as IDataObject | undefined)
				?.shipping_option_code ?? null,
		recipient_name: to.name ?? null,
		recipient_city: to.city ?? null,
		recipient_country: to.country_code ?? null,
		parcels: parcels.map((parcel) => ({
			id: parcel.id ?? null,
			status: (parcel.status as IDataObject | undefined)?.code ?? null,
			status_message: (parcel.status as IDataObject | undefined)?.message ?? null,
			tracking_number: parcel.tracking_number ?? null,
			tracking_url: parcel.tracking_url ?? null,
		})),
	};
}

/** The shipments as item `itemIndex` asks for them: simplified (the default) or whole. */
export function simplifiedIfAsked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	shipments: IDataObject[],
): IDataObject[] {
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean)) return shipments;
	return shipments.map(simplifyShipment);
}
