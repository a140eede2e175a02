import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/nodeError';
import { apiRequest, apiResponse } from '../../shared/transport';
import { parseJsonText, toList } from '../helpers/fields';
import { sendcloudErrorDetail, sendcloudV3Profile } from '../transport';
import {
	type Announcement,
	judgeShipment,
	labelledParcelIds,
	withoutLabelFiles,
} from './parcel/announcement';
import { derivedReference, shipmentDifferences } from './parcel/labelReference';

export const DOCUMENT_FORMATS = {
	pdf: { name: 'PDF', mimeType: 'application/pdf', extension: 'pdf' },
	png: { name: 'PNG', mimeType: 'image/png', extension: 'png' },
	zpl: { name: 'ZPL', mimeType: 'application/zpl', extension: 'zpl' },
} as const;
type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

export const PAPER_SIZES = ['A4', 'A5', 'A6'] as const;

/** The bulk documents endpoint takes at most this many parcels per file. */
export const PARCELS_PER_FILE = 20;
/** Items announced at once; the pacer, not this, keeps them under the write limits. */
const CONCURRENCY = 4;

interface DocumentOptions {
	format: DocumentFormat;
	dpi: number;
	paperSize: string;
}

function documentOptionsOf(ctx: IExecuteFunctions, itemIndex: number): DocumentOptions {
	const options = ctx.getNodeParameter('documentOptions', itemIndex, {}) as IDataObject;
	const format = (options.format ?? 'pdf') as DocumentFormat;
	// The documents endpoint renders PDF at 72 DPI only, and ZPL at the printer's resolution.
	const dpi = format === 'png' ? Number(options.dpi ?? 300) : 72;
	return { format, dpi, paperSize: String(options.paperSize ?? 'A6') };
}

const describeV3Errors = (errors: unknown[]) => sendcloudErrorDetail({ errors });

/** One file holding the documents of `parcelIds` (one parcel, or up to 20 through the bulk endpoint). */
async function downloadDocument(
	ctx: IExecuteFunctions,
	parcelIds: number[],
	documentType: string,
	{ format, dpi, paperSize }: DocumentOptions,
	fileStem: string,
	itemIndex: number,
) {
	const { mimeType, extension } = DOCUMENT_FORMATS[format];
	const request: IHttpRequestOptions =
		parcelIds.length === 1
			? {
					url: `/parcels/${parcelIds[0]}/documents/${documentType}`,
					qs: { paper_size: paperSize, ...(format === 'zpl' ? {} : { dpi }) },
				}
			: {
					url: `/parcel-documents/${documentType}`,
					qs: { parcels: parcelIds, paper_size: paperSize },
				};
	const response = await apiResponse.call(
		ctx,
		sendcloudV3Profile,
		// The format is chosen by Accept, and the spec's enum has no `*/*`: say it explicitly.
		{ ...request, method: 'GET', headers: { Accept: mimeType }, encoding: 'arraybuffer' },
		itemIndex,
	);
	return await ctx.helpers.prepareBinaryData(
		response.body as Buffer,
		`${fileStem}.${extension}`,
		mimeType,
	);
}

function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
}

function fileSafe(text: string): string {
	return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

function positive(value: unknown): number | undefined {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : undefined;
}

function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/** The shipment the node's own fields describe ("Define Below"), in the API's field names. */
function shipmentFromParameters(ctx: IExecuteFunctions, i: number): IDataObject {
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, i, fallback);
	const text = (name: string) => String(get(name) ?? '').trim();
	const extra = get('additionalFields', {}) as IDataObject;
	const address = (prefix: string) =>
		compact({
			address_line_1: text(`${prefix}AddressLine1`),
			house_number: text(`${prefix}HouseNumber`),
			postal_code: text(`${prefix}PostalCode`),
			city: text(`${prefix}City`),
			country_code: text(`${prefix}CountryCode`).toUpperCase(),
		});
	const fromAddress =
		get('senderType', 'senderAddressId') === 'senderAddressId'
			? { sender_address_id: Number(get('senderAddressId', 0)) }
			: { name: text('senderName'), ...address('sender') };
	const parcels = (((get('parcels', {}) as IDataObject).parcel ?? []) as IDataObject[]).map(
		(parcel, n) => {
			const [length, width, height] = [parcel.length, parcel.width, parcel.height].map(positive);
			const items = parseJsonText(ctx.getNode(), `Items of parcel ${n + 1}`, parcel.items, i);
			return compact({
				weight: { value: String(parcel.weight), unit: 'kg' },
				dimensions:
					length && width && height
						? { length: String(length), width: String(width), height: String(height), unit: 'cm' }
						: undefined,
				parcel_items: items as IDataObject[] | undefined,
			});
		},
	);
	const shippingOptionCode = text('shippingOptionCode');
	const shipment: IDataObject = compact({
		to_address: compact({
			name: text('recipientName'),
			company_name: String(extra.recipientCompanyName ?? '').trim(),
			address_line_2: String(extra.recipientAddressLine2 ?? '').trim(),
			state_province_code: String(extra.recipientStateProvinceCode ?? '').trim(),
			email: String(extra.recipientEmail ?? '').trim(),
			phone_number: String(extra.recipientPhoneNumber ?? '').trim(),
			...address('recipient'),
		}),
		from_address: fromAddress,
		ship_with:
			shippingOptionCode || extra.contractId
				? {
						type: 'shipping_option_code',
						properties: compact({
							shipping_option_code: shippingOptionCode || undefined,
							contract_id: positive(extra.contractId),
						}),
					}
				: undefined,
		order_number: text('orderNumber'),
		parcels,
	});
	const others = parseJsonText(ctx.getNode(), 'Other Fields (JSON)', extra.otherFields, i);
	if (
		others !== undefined &&
		(typeof others !== 'object' || others === null || Array.isArray(others))
	) {
		throw new NodeOperationError(ctx.getNode(), 'Other Fields (JSON) must be a JSON object', {
			itemIndex: i,
		});
	}
	return { ...shipment, ...(others as IDataObject | undefined) };
}

/** What one item asks for, checked before anything is bought. */
interface Purchase {
	body: IDataObject;
	applyRules: boolean;
	/** The node made the reference (the user gave none): it changes with the shipment. */
	derived: boolean;
	downloadLabel: boolean;
	documentOptions: DocumentOptions;
	binaryPropertyName: string;
}

/** The request of one item, with the reference that makes repeating it safe; throws when it cannot be sent. */
function purchaseOf(ctx: IExecuteFunctions, i: number): Purchase {
	const applyRules = ctx.getNodeParameter('applyShippingRules', i, false) as boolean;
	const autoMap = ctx.getNodeParameter('dataMode', i, 'defineBelow') === 'autoMapInputData';
	const body = autoMap ? { ...ctx.getInputData()[i].json } : shipmentFromParameters(ctx, i);
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

/** Create and announce one shipment; a 409 returns the one an earlier attempt created. */
async function announce(
	ctx: IExecuteFunctions,
	body: IDataObject,
	applyRules: boolean,
	i: number,
): Promise<Announcement> {
	const response = await apiResponse.call(
		ctx,
		sendcloudV3Profile,
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
					await apiRequest.call<
						IExecuteFunctions,
						Parameters<typeof apiRequest>,
						Promise<{ data?: IDataObject[] }>
					>(
						ctx,
						sendcloudV3Profile,
						{
							method: 'GET',
							url: '/shipments',
							qs: { external_reference_id: body.external_reference_id },
						},
						i,
					)
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
 * Create and Announce: one shipment per input item, each with an external reference, so a
 * request repeated after a lost answer, or a run repeated with the same input, returns the first
 * shipment instead of buying again. Every item is checked before any is bought. Every item gets one
 * output item: the shipment (status `created` or `existing`) with its label as binary data, or an
 * error item with the reasons (and, when the label was bought, the shipment).
 */
export async function createShipments(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = new Array(items.length);
	const purchases: Array<Purchase | undefined> = new Array(items.length);
	for (let i = 0; i < items.length; i++) {
		try {
			purchases[i] = purchaseOf(this, i);
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, i);
			if (!this.continueOnFail()) {
				// Stopping after some items were bought left the user to sort out which; stop before any is.
				error.description = [
					error.description,
					'Nothing was bought: every item is checked before any label is bought.',
				]
					.filter(Boolean)
					.join(' ');
				throw error;
			}
			results[i] = { json: { error: error.message }, error, pairedItem: { item: i } };
		}
	}

	// The first failure by item order, when failing stops the run (no Continue On Fail).
	const stop: { first?: { index: number; error: NodeApiError | NodeOperationError } } = {};
	const stopAt = (index: number, error: NodeApiError | NodeOperationError) => {
		if (!stop.first || index < stop.first.index) stop.first = { index, error };
	};
	const bought: string[] = [];

	const createOne = async (
		i: number,
		{ body, applyRules, derived, downloadLabel, documentOptions, binaryPropertyName }: Purchase,
	): Promise<INodeExecutionData> => {
		const announcement = await announce(this, body, applyRules, i);
		const reference = String(body.external_reference_id);
		if (announcement.outcome === 'failed') {
			throw new NodeOperationError(
				this.getNode(),
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
			bought.push(`item ${i} (shipment ${String(shipment.id)}, "${reference}")`);
		const json = { status: outcome, ...withoutLabelFiles(shipment) };
		if (!downloadLabel) return { json, pairedItem: { item: i } };
		const parcelIds = labelledParcelIds(shipment);
		try {
			const label = await downloadDocument(
				this,
				parcelIds,
				'label',
				documentOptions,
				`label-${fileSafe(reference)}`,
				i,
			);
			return { json, binary: { [binaryPropertyName]: label }, pairedItem: { item: i } };
		} catch (caught) {
			throw downloadFailure(this, caught, i, outcome, shipment, parcelIds);
		}
	};

	const queue = purchases.flatMap((purchase, i) => (purchase ? [i] : []));
	let next = 0;
	const worker = async () => {
		while (!stop.first && next < queue.length) {
			const i = queue[next++];
			try {
				results[i] = await createOne(i, purchases[i]!);
			} catch (caught) {
				const error = asNodeError(this.getNode(), caught, i);
				if (!this.continueOnFail()) {
					stopAt(i, error);
					continue;
				}
				results[i] = { json: { error: error.message }, error, pairedItem: { item: i } };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));

	if (stop.first) {
		const { error } = stop.first;
		const unsent = queue.slice(next);
		error.description = [
			error.description,
			bought.length
				? `Labels bought in this run before it stopped: ${bought.join(', ')}.`
				: 'No label was bought in this run.',
			unsent.length ? `Not sent: item${unsent.length > 1 ? 's' : ''} ${unsent.join(', ')}.` : '',
			'Running again with the same input (and the same references) returns the shipments already bought as "existing" without buying them again, and sends the other items.',
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}
	return [results];
}

/** Parcel IDs an item names: a number, a numeric text, or (in a print batch) a list of them. */
function parcelIdsOf(ctx: IExecuteFunctions, i: number, allowList: boolean): number[] {
	const texts = toList(ctx.getNodeParameter('parcelId', i, ''));
	const wrong = texts.find((text) => !/^[1-9][0-9]*$/.test(text));
	if (texts.length === 0 || wrong !== undefined || (!allowList && texts.length > 1)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${texts.join(',')}" is not ${allowList ? 'a list of parcel IDs' : 'a parcel ID'}`,
			{
				itemIndex: i,
				description: 'A parcel ID is a whole number, such as the "id" of a shipment’s parcels.',
			},
		);
	}
	return texts.map(Number);
}

/**
 * Download Document: per item, the document of its parcel; or, as a print batch, every item's
 * parcels in as few files as the API allows (20 parcels each), each file paired with its items.
 */
export async function downloadDocuments(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const printBatch = this.getNodeParameter('documentMode', 0, 'perParcel') === 'printBatch';
	const documentType = this.getNodeParameter('documentType', 0, 'label') as string;
	const fail = (i: number, caught: unknown): INodeExecutionData => {
		const error = asNodeError(this.getNode(), caught, i);
		if (!this.continueOnFail()) throw error;
		return { json: { error: error.message }, error, pairedItem: { item: i } };
	};

	if (!printBatch) {
		const results: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const [parcelId] = parcelIdsOf(this, i, false);
				const type = this.getNodeParameter('documentType', i, 'label') as string;
				const binaryPropertyName = binaryPropertyOf(this, i);
				const file = await downloadDocument(
					this,
					[parcelId],
					type,
					documentOptionsOf(this, i),
					`${type}-${parcelId}`,
					i,
				);
				results.push({
					json: {
						parcel_id: parcelId,
						document_type: type,
						file_name: file.fileName ?? null,
						mime_type: file.mimeType,
					},
					binary: { [binaryPropertyName]: file },
					pairedItem: { item: i },
				});
			} catch (caught) {
				results.push(fail(i, caught));
			}
		}
		return [results];
	}

	const errors: INodeExecutionData[] = [];
	const queue: Array<{ parcelId: number; itemIndex: number }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			queue.push(...parcelIdsOf(this, i, true).map((parcelId) => ({ parcelId, itemIndex: i })));
		} catch (caught) {
			errors.push(fail(i, caught));
		}
	}
	const options = documentOptionsOf(this, 0);
	const binaryPropertyName = binaryPropertyOf(this, 0);
	const files: INodeExecutionData[] = [];
	for (let start = 0; start < queue.length; start += PARCELS_PER_FILE) {
		const chunk = queue.slice(start, start + PARCELS_PER_FILE);
		const parcelIds = chunk.map((entry) => entry.parcelId);
		const itemIndexes = [...new Set(chunk.map((entry) => entry.itemIndex))];
		const part = `${files.length + 1}-of-${Math.ceil(queue.length / PARCELS_PER_FILE)}`;
		try {
			const file = await downloadDocument(
				this,
				parcelIds,
				documentType,
				options,
				`${documentType}s-${part}`,
				itemIndexes[0],
			);
			files.push({
				json: {
					document_type: documentType,
					parcel_ids: parcelIds,
					parcel_count: parcelIds.length,
					file_name: file.fileName ?? null,
					mime_type: file.mimeType,
				},
				binary: { [binaryPropertyName]: file },
				pairedItem: itemIndexes.map((item) => ({ item })),
			});
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, itemIndexes[0]);
			if (!this.continueOnFail()) throw error;
			files.push({
				json: { error: error.message, parcel_ids: parcelIds },
				error,
				pairedItem: itemIndexes.map((item) => ({ item })),
			});
		}
	}
	return [[...files, ...errors]];
}

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
