import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { asNodeError } from '../../../shared/nodeError';
import type { Operation } from '../../../shared/router';
import { errorItem } from '../../../shared/items';
import { sendcloudErrorDetail, sendcloudV3ApiRequest, sendcloudV3Response } from '../../transport';
import {
	binaryPropertyOf,
	type DocumentOptions,
	documentOptionsOf,
	downloadDocumentFile,
} from '../parcel/documents';
import { createFields } from './createFields';
import { existingReturn, isDuplicateReference } from './existing';
import { derivedReturnReference, returnBodyOf } from './returnBody';
import { returnParcelId } from './returnList';

interface ReturnRequest {
	body: IDataObject;
	derived: boolean;
	synchronously: boolean;
	downloadLabel: boolean;
	documentOptions: DocumentOptions;
	binaryPropertyName: string;
}

function requestOf(ctx: IExecuteFunctions, items: INodeExecutionData[], i: number): ReturnRequest {
	const body = returnBodyOf(ctx, items, i);
	const given =
		String(ctx.getNodeParameter('externalReference', i, '') ?? '').trim() ||
		String(body.external_reference ?? '').trim();
	const synchronously = ctx.getNodeParameter('announce', i, 'synchronously') === 'synchronously';
	return {
		body: { ...body, external_reference: given || derivedReturnReference(body) },
		derived: !given,
		synchronously,
		downloadLabel: synchronously && (ctx.getNodeParameter('downloadLabel', i, true) as boolean),
		documentOptions: documentOptionsOf(ctx, i),
		binaryPropertyName: binaryPropertyOf(ctx, i),
	};
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);

/** Creates the return of item `i` (or finds the one an earlier attempt created), with its label. */
async function createReturn(
	ctx: IExecuteFunctions,
	i: number,
	request: ReturnRequest,
): Promise<INodeExecutionData> {
	const { body, synchronously } = request;
	const reference = String(body.external_reference);
	const url = synchronously ? '/returns/announce-synchronously' : '/returns';
	const response = await sendcloudV3Response.call(
		ctx,
		{ method: 'POST', url, body, headers: { Accept: 'application/json' } },
		i,
		{ acceptStatuses: [400] },
	);
	let outcome: 'created' | 'existing' = 'created';
	let returnId: number | null;
	let parcelId: number | undefined;
	let found: IDataObject | undefined;
	if (response.statusCode === 400) {
		if (!isDuplicateReference(response.body)) {
			throw new NodeApiError(ctx.getNode(), response.body as JsonObject, {
				message: synchronously
					? `Sendcloud could not create the return "${reference}": ${sendcloudErrorDetail(response.body) ?? 'no reason given'}`
					: `Sendcloud rejected the return "${reference}": ${sendcloudErrorDetail(response.body) ?? 'no reason given'}`,
				description: `No return label was bought. Correct the return and run again${request.derived ? ' (its derived reference changes with it)' : ''}.`,
				httpCode: '400',
				itemIndex: i,
			});
		}
		const answeredAt = Date.parse(String(response.headers?.date ?? '')) || Date.now();
		found = await existingReturn(ctx, body, answeredAt, i);
		outcome = 'existing';
		// The Return schema has no `id` (the list gives it, the spec's prose says): null should it lack one.
		returnId = found.id === undefined ? null : Number(found.id);
		parcelId = returnParcelId(found);
	} else {
		const created = response.body as IDataObject;
		returnId = Number(created.return_id);
		parcelId = Number(created.parcel_id) || undefined;
	}
	try {
		const details =
			found ??
			(await sendcloudV3ApiRequest.call(ctx, 'GET', `/returns/${returnId}`, { itemIndex: i }));
		parcelId ??= returnParcelId(details);
		// `status` says what this run did, as Parcel → Create's; the Return's own status is `return_status`.
		const { status: returnStatus, ...rest } = details;
		const json: IDataObject = {
			status: outcome,
			return_id: returnId,
			parcel_id: parcelId ?? null,
			external_reference: reference,
			return_status: returnStatus ?? null,
			...rest,
		};
		if (!request.downloadLabel) return { json, pairedItem: { item: i } };
		if (parcelId === undefined)
			throw new NodeOperationError(ctx.getNode(), 'Sendcloud named no parcel to print', {
				itemIndex: i,
			});
		const label = await downloadDocumentFile(
			ctx,
			[parcelId],
			'label',
			request.documentOptions,
			`return-label-${fileSafe(reference)}`,
			i,
		);
		return { json, binary: { [request.binaryPropertyName]: label }, pairedItem: { item: i } };
	} catch (caught) {
		const cause = asNodeError(ctx.getNode(), caught, i);
		const message = `Return ${returnId} ("${reference}") was ${outcome === 'created' ? 'created' : 'created earlier'}, but reading it or its label failed: ${cause.message}`;
		const description =
			`Do not create it again: run again with the same input, which returns it as "existing" with its label, or use Return → Get. ${cause.description ?? ''}`.trim();
		// An HTTP failure stays a NodeApiError (with its status), as every other failed request.
		const error =
			cause instanceof NodeApiError
				? new NodeApiError(ctx.getNode(), cause.errorResponse as JsonObject, {
						message,
						description,
						httpCode: cause.httpCode ?? undefined,
						itemIndex: i,
					})
				: new NodeOperationError(ctx.getNode(), message, { itemIndex: i, description });
		error.context = { ...error.context, return_id: returnId, external_reference: reference };
		throw error;
	}
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a return',
		description:
			'Create a return and buy its return label (costs money): returns the return (ID, tracking number and URL) with the label file to send the customer. At most one per input item: a repeat with the same input returns the first (status "existing").',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['return'], operation: ['create'] } },
		createFields,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const results: INodeExecutionData[] = new Array(items.length);
		const requests: Array<ReturnRequest | undefined> = [];
		// Every item is checked before any return label is bought.
		for (let i = 0; i < items.length; i++) {
			try {
				requests[i] = requestOf(this, items, i);
			} catch (caught) {
				if (!this.continueOnFail()) {
					const error = asNodeError(this.getNode(), caught, i);
					error.description = [
						error.description,
						'No return was created: every item is checked first.',
					]
						.filter(Boolean)
						.join(' ');
					throw error;
				}
				results[i] = errorItem(caught, this, i);
			}
		}
		for (let i = 0; i < items.length; i++) {
			if (!requests[i]) continue;
			try {
				results[i] = await createReturn(this, i, requests[i]!);
			} catch (caught) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), caught, i);
				results[i] = errorItem(caught, this, i);
			}
		}
		return results;
	},
};
