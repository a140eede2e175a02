import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	binaryPropertyOf,
	DOCUMENT_FORMATS,
	type DocumentOptions,
	documentOptionsOf,
} from './documents';
import { derivedReference } from './labelReference';
import { shipmentFromFields } from './shipmentBody';

/** What one item asks for, checked before anything is bought. */
export interface Purchase {
	body: IDataObject;
	applyRules: boolean;
	/** The node made the reference (the user gave none): it changes with the shipment. */
	derived: boolean;
	downloadLabel: boolean;
	documentOptions: DocumentOptions;
	binaryPropertyName: string;
}

/** The request of one item, with the reference that makes repeating it safe; throws when it cannot be sent. */
export function purchaseOf(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	i: number,
): Purchase {
	const applyRules = ctx.getNodeParameter('applyShippingRules', i, false) as boolean;
	const autoMap = ctx.getNodeParameter('dataMode', i, 'defineBelow') === 'autoMapInputData';
	const body = autoMap ? { ...items[i].json } : shipmentFromFields(ctx, i);
	const problems = [
		!body.to_address && 'a recipient (to_address)',
		!body.from_address && 'a sender (from_address)',
		!applyRules &&
			!(body.ship_with as IDataObject | undefined)?.properties &&
			'a shipping option code (ship_with)',
		!(Array.isArray(body.parcels) && body.parcels.length > 0) &&
			'at least one parcel with its weight (parcels)',
	].filter(Boolean);
	if (problems.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The shipment of item ${i} lacks ${problems.join(', ')}`,
			{
				itemIndex: i,
				description: autoMap
					? 'With Auto-Map Input Data, each item must be a shipment in the API’s JSON, as Get returns one.'
					: 'Fill in the fields above, or turn on Apply Shipping Rules to let Sendcloud choose the shipping option.',
			},
		);
	}
	const documentOptions = documentOptionsOf(ctx, i);
	// A label bought as native ZPL cannot be rendered in another format later: ask for ZPL now.
	const labelDetails =
		documentOptions.format === 'zpl' && !body.label_details
			? { label_details: { mime_type: DOCUMENT_FORMATS.zpl.mimeType } }
			: {};
	const request = { ...body, ...labelDetails };
	const given =
		String(ctx.getNodeParameter('externalReferenceId', i, '') ?? '').trim() ||
		String(body.external_reference_id ?? '').trim();
	return {
		body: { ...request, external_reference_id: given || derivedReference(request, applyRules) },
		applyRules,
		derived: !given,
		downloadLabel: ctx.getNodeParameter('downloadLabel', i, true) as boolean,
		documentOptions,
		binaryPropertyName: binaryPropertyOf(ctx, i),
	};
}
