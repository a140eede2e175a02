import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/nodeError';
import { sendcloudErrorDetail, sendcloudV3ApiRequest, sendcloudV3Response } from '../../transport';
import {
	type Announcement,
	judgeShipment,
	labelledParcelIds,
	withoutLabelFiles,
} from './announcement';
import { downloadDocumentFile } from './documents';
import { shipmentDifferences } from './labelReference';
import type { Purchase } from './purchase';

const describeV3Errors = (errors: unknown[]) => sendcloudErrorDetail({ errors });

/** A reference as part of a file name: it is the user's text, and may hold path separators. */
function fileSafe(text: string): string {
	return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

/** Create and announce one shipment; a 409 returns the one an earlier attempt created. */
async function announce(
	ctx: IExecuteFunctions,
	body: IDataObject,
	applyRules: boolean,
	i: number,
): Promise<Announcement> {
	const response = await sendcloudV3Response.call(
		ctx,
		{
			method: 'POST',
			url: applyRules ? '/shipments/announce-with-shipping-rules' : '/shipments/announce',
			body,
		},
		i,
		{ acceptStatuses: [409] },
	);
	if (response.statusCode !== 409) {
		return judgeShipment(
			((response.body as IDataObject)?.data ?? {}) as IDataObject,
			'created',
			describeV3Errors,
		);
	}
	const returned = (response.body as IDataObject | undefined)?.data as IDataObject | undefined;
	const existing =
		returned?.id !== undefined
			? returned
			: (
					(await sendcloudV3ApiRequest.call(ctx, 'GET', '/shipments', {
						qs: { external_reference_id: body.external_reference_id },
						itemIndex: i,
					})) as { data?: IDataObject[] }
				).data?.[0];
	if (!existing) {
		throw new NodeApiError(
			ctx.getNode(),
			{ body: response.body as JsonObject },
			{
				message: `Sendcloud already has a shipment with the reference "${String(body.external_reference_id)}" but returned none`,
				httpCode: '409',
				itemIndex: i,
			},
		);
	}
	// A reference is only unique per account: the 409 may be another order's shipment, never to be passed off as this one's.
	const differences = shipmentDifferences(body, existing);
	if (differences.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Another shipment already uses the reference "${String(body.external_reference_id)}" (shipment ${String(existing.id)}): it differs from this item in ${differences.join(', ')}`,
			{
				itemIndex: i,
				description:
					'No label was bought for this item, and running again with this reference never will: Sendcloud keeps a reference for the shipment that used it first. Give the item a reference of its own (such as the shop’s order ID), or leave External Reference ID empty to let the node derive one from the shipment.',
			},
		);
	}
	return judgeShipment(existing, 'existing', describeV3Errors);
}

/**
 * A label Sendcloud has, whose file did not come: the shipment is named so that nobody buys it again. n8n
 * reduces an error item's JSON to the message, so the message itself carries the shipment, its reference
 * and parcels; the error's context has them as fields, for an error output or error workflow.
 */
function downloadFailure(
	ctx: IExecuteFunctions,
	caught: unknown,
	i: number,
	outcome: 'created' | 'existing',
	shipment: IDataObject,
	parcelIds: number[],
) {
	const reference = String(shipment.external_reference_id ?? '');
	const cause = asNodeError(ctx.getNode(), caught, i);
	const parcels = `parcel${parcelIds.length > 1 ? 's' : ''} ${parcelIds.join(', ')}`;
	// An HTTP failure stays a NodeApiError (with its status), as every other failed request.
	const error = new NodeApiError(
		ctx.getNode(),
		(cause instanceof NodeApiError ? cause.errorResponse : {}) as JsonObject,
		{
			message: `The label of shipment ${String(shipment.id)} ("${reference}", ${parcels}) was bought${outcome === 'existing' ? ' earlier' : ''}, but downloading it failed: ${cause.message}`,
			description:
				`Do not buy it again: download it with Download Document (${parcels}), or run again with the same input, which returns this shipment as "existing" with its label. ${cause.description ?? ''}`.trim(),
			httpCode: (cause instanceof NodeApiError && cause.httpCode) || undefined,
			itemIndex: i,
		},
	);
	error.context = {
		...error.context,
		label_bought: true,
		status: outcome,
		shipment_id: shipment.id ?? null,
		external_reference_id: reference,
		parcel_ids: parcelIds,
	};
	return error;
}

/**
 * Buys the label of item `i` (or finds the one an earlier attempt bought) and downloads it: the
 * shipment (status `created` or `existing`) with its label as binary data. `onBought` hears of each
 * label bought by this call before its file is fetched, so that a run that stops can name it.
 */
export async function buyLabel(
	ctx: IExecuteFunctions,
	i: number,
	{ body, applyRules, derived, downloadLabel, documentOptions, binaryPropertyName }: Purchase,
	onBought: (what: string) => void,
): Promise<INodeExecutionData> {
	const announcement = await announce(ctx, body, applyRules, i);
	const reference = String(body.external_reference_id);
	if (announcement.outcome === 'failed') {
		throw new NodeOperationError(
			ctx.getNode(),
			`Sendcloud could not announce the shipment "${reference}": ${announcement.reasons.join('; ')}`,
			{
				itemIndex: i,
				description: derived
					? `The carrier refused it, so no label was bought. Correct the shipment and run again: its derived reference changes with it (running again unchanged returns this failure, as Sendcloud keeps "${reference}" for it).`
					: `The carrier refused it, so no label was bought. Correct the shipment and give it a new External Reference ID: Sendcloud keeps "${reference}" for the failed one, and running again with it returns this failure.`,
			},
		);
	}
	const { outcome, shipment } = announcement;
	if (outcome === 'created')
		onBought(`item ${i} (shipment ${String(shipment.id)}, "${reference}")`);
	const json = { status: outcome, ...withoutLabelFiles(shipment) };
	if (!downloadLabel) return { json, pairedItem: { item: i } };
	const parcelIds = labelledParcelIds(shipment);
	try {
		const label = await downloadDocumentFile(
			ctx,
			parcelIds,
			'label',
			documentOptions,
			`label-${fileSafe(reference)}`,
			i,
		);
		return { json, binary: { [binaryPropertyName]: label }, pairedItem: { item: i } };
	} catch (caught) {
		throw downloadFailure(ctx, caught, i, outcome, shipment, parcelIds);
	}
}
