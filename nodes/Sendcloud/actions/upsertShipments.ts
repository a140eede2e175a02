import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { describeFieldErrors } from '../../shared/pythonLiteral';
import { apiRequest, malformedAnswer } from '../../shared/transport';
import { sendcloudProfile } from '../transport';
import { parseIntegrationId, parseJsonText } from '../helpers/fields';
import { type Order, orderKey, prepareOrder } from './order/prepare';

/** The API takes at most 100 orders per request. */
export const BATCH_SIZE = 100;
/** Requests in flight at once; the pacer, not this, keeps them under the rate limits. */
const CONCURRENCY = 3;

type Status = 'created' | 'updated' | 'unchanged' | 'error';

interface Outcome {
	status: Status;
	integrationId?: number;
	order?: Order;
	shipmentUuid?: string;
	fieldErrors?: Record<string, string[]>;
	error?: NodeApiError | NodeOperationError;
}

interface Pending {
	itemIndex: number;
	integrationId: number;
	order: Order;
	key: string;
}

interface Batch {
	integrationId: number;
	orders: Pending[];
	/** Batches holding an earlier version of one of these orders: they must land first. */
	after: Batch[];
}

interface UpsertAnswer {
	external_order_id?: string;
	external_shipment_id?: string | null;
	shipment_uuid?: string;
	status?: string;
	error?: Record<string, unknown>;
}

/** The order described by the node's own fields ("Define Below"), in the API's field names. */
function orderFromParameters(ctx: IExecuteFunctions, i: number): Order {
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, i, fallback);
	const extra = get('additionalFields', {}) as IDataObject;
	const parcelItems = ((get('parcelItems', {}) as IDataObject).item ?? []) as IDataObject[];
	const order: Order = {
		name: get('name'),
		address: get('address'),
		house_number: get('houseNumber'),
		city: get('city'),
		postal_code: get('postalCode'),
		country: get('country'),
		email: get('email'),
		order_number: get('orderNumber'),
		external_order_id: get('externalOrderId'),
		external_shipment_id: get('externalShipmentId'),
		created_at: get('createdAt'),
		currency: get('currency'),
		parcel_items: parcelItems.map((item) => ({
			description: item.description,
			quantity: item.quantity,
			value: item.value,
			...(item.weight !== '' && item.weight !== undefined ? { weight: item.weight } : {}),
			...(item.sku ? { sku: item.sku } : {}),
			...(item.hsCode ? { hs_code: item.hsCode } : {}),
			...(item.originCountry ? { origin_country: item.originCountry } : {}),
			...(item.productId ? { product_id: item.productId } : {}),
		})),
	};
	const names: Record<string, string> = {
		address2: 'address_2',
		companyName: 'company_name',
		telephone: 'telephone',
		toState: 'to_state',
		toPostNumber: 'to_post_number',
		toServicePoint: 'to_service_point',
		updatedAt: 'updated_at',
		orderStatus: 'order_status',
		paymentStatus: 'payment_status',
		totalOrderValue: 'total_order_value',
		weight: 'weight',
		width: 'width',
		height: 'height',
		length: 'length',
		shippingMethod: 'shipping_method',
		shippingMethodCheckoutName: 'shipping_method_checkout_name',
		customsInvoiceNr: 'customs_invoice_nr',
		customsShipmentType: 'customs_shipment_type',
	};
	for (const [parameter, field] of Object.entries(names)) {
		if (extra[parameter] !== undefined) order[field] = extra[parameter];
	}
	for (const [parameter, field] of [
		['checkoutPayload', 'checkout_payload'],
		['customsDetails', 'customs_details'],
	]) {
		const parsed = parseJsonText(ctx.getNode(), field, extra[parameter], i);
		if (parsed !== undefined) order[field] = parsed;
	}
	return order;
}

/**
 * Groups orders as they are prepared: per integration, in input order, at most BATCH_SIZE orders,
 * never one order twice in a batch. A batch is handed out as soon as it can no longer grow, so
 * that sending starts while later items are still being checked.
 */
class BatchBuilder {
	private readonly open = new Map<number, Batch>();

	private readonly latestBatchOf = new Map<string, Batch>();

	add(entry: Pending): Batch[] {
		const closed: Batch[] = [];
		let batch = this.open.get(entry.integrationId);
		if (batch && batch.orders.some((o) => o.key === entry.key)) {
			closed.push(batch);
			batch = undefined;
		}
		if (!batch) {
			batch = { integrationId: entry.integrationId, orders: [], after: [] };
			this.open.set(entry.integrationId, batch);
		}
		const identity = `${entry.integrationId} ${entry.key}`;
		const earlier = this.latestBatchOf.get(identity);
		if (earlier && earlier !== batch && !batch.after.includes(earlier)) batch.after.push(earlier);
		batch.orders.push(entry);
		this.latestBatchOf.set(identity, batch);
		if (batch.orders.length >= BATCH_SIZE) {
			closed.push(batch);
			this.open.delete(entry.integrationId);
		}
		return closed;
	}

	finish(): Batch[] {
		const rest = [...this.open.values()];
		this.open.clear();
		return rest;
	}
}

function isFatalForAll(error: NodeApiError): boolean {
	return error.httpCode === '401' || error.httpCode === '403';
}

export async function upsertShipments(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const dataMode = this.getNodeParameter('dataMode', 0) as string;
	const outcomes: Outcome[] = new Array(items.length);
	const ready: Batch[] = [];
	const sent = new Map<Batch, Promise<void>>();
	let preparing = true;
	let waiting: Array<() => void> = [];
	const hand = (batches: Batch[]) => {
		ready.push(...batches);
		waiting.forEach((wake) => wake());
		waiting = [];
	};
	let fatal: NodeApiError | undefined;
	const notFound = new Map<number, NodeApiError>();

	const sendBatch = async (batch: Batch) => {
		await Promise.all(batch.after.map(async (earlier) => await sent.get(earlier)));
		const skipWith = fatal ?? notFound.get(batch.integrationId);
		if (skipWith) {
			for (const { itemIndex, order } of batch.orders) {
				outcomes[itemIndex] = {
					status: 'error',
					integrationId: batch.integrationId,
					order,
					error: skipWith,
				};
			}
			return;
		}
		const first = batch.orders[0].itemIndex;
		let answers: UpsertAnswer[];
		try {
			answers = await apiRequest.call<
				IExecuteFunctions,
				Parameters<typeof apiRequest>,
				Promise<UpsertAnswer[]>
			>(
				this,
				sendcloudProfile,
				{
					method: 'POST',
					url: `/integrations/${batch.integrationId}/shipments`,
					body: batch.orders.map((o) => o.order),
				},
				first,
				(body) => {
					// Anything else would read as "every order unchanged": the orders Sendcloud leaves out.
					if (
						!Array.isArray(body) ||
						!body.every((answer) => typeof (answer as UpsertAnswer | null)?.status === 'string')
					) {
						throw malformedAnswer(
							this.getNode(),
							'The answer is not the list of per-order results the API documents',
						);
					}
				},
			);
		} catch (error) {
			const apiError = error as NodeApiError;
			if (apiError.httpCode === '404') notFound.set(batch.integrationId, apiError);
			if (isFatalForAll(apiError)) fatal = apiError;
			for (const { itemIndex, order } of batch.orders) {
				outcomes[itemIndex] = {
					status: 'error',
					integrationId: batch.integrationId,
					order,
					error: apiError,
				};
			}
			return;
		}
		const byKey = new Map(
			answers.map((a) => [orderKey(a.external_order_id, a.external_shipment_id), a]),
		);
		batch.orders.forEach(({ itemIndex, order, key }, position) => {
			const answer =
				byKey.get(key) ??
				// Answers without ids can only be paired by position, and only when none is missing.
				(answers.length === batch.orders.length && !answers[position]?.external_order_id
					? answers[position]
					: undefined);
			const base = { integrationId: batch.integrationId, order };
			if (!answer) {
				// Sendcloud leaves out orders whose updated_at did not change: nothing happened to them.
				outcomes[itemIndex] = { ...base, status: 'unchanged' };
			} else if (answer.status === 'created' || answer.status === 'updated') {
				outcomes[itemIndex] = {
					...base,
					status: answer.status,
					shipmentUuid: answer.shipment_uuid,
				};
			} else {
				const fieldErrors = (answer.error ?? {}) as Record<string, string[]>;
				outcomes[itemIndex] = {
					...base,
					status: 'error',
					fieldErrors,
					error: new NodeOperationError(
						this.getNode(),
						`Sendcloud refused order ${orderLabel(order, itemIndex)}: ${describeFieldErrors(fieldErrors).join('; ') || 'no reason given'}`,
						{ itemIndex },
					),
				};
			}
		});
	};

	const worker = async () => {
		for (;;) {
			const batch = ready.shift();
			if (batch) {
				const sending = sendBatch(batch);
				sent.set(batch, sending);
				await sending;
			} else if (preparing) {
				await new Promise<void>((wake) => waiting.push(wake));
			} else {
				return;
			}
		}
	};
	const workers = Array.from({ length: CONCURRENCY }, worker);

	const builder = new BatchBuilder();
	for (let i = 0; i < items.length; i++) {
		try {
			const integrationId = parseIntegrationId(
				this.getNode(),
				this.getNodeParameter('integrationId', i, '', { extractValue: true }),
				i,
			);
			const source =
				dataMode === 'defineBelow' ? orderFromParameters(this, i) : (items[i].json as Order);
			const { order, errors } = prepareOrder(source);
			if (errors) {
				outcomes[i] = {
					status: 'error',
					integrationId,
					order,
					fieldErrors: errors,
					error: new NodeOperationError(
						this.getNode(),
						`Order ${orderLabel(order, i)} was not sent: ${describeFieldErrors(errors).join('; ')}`,
						{ itemIndex: i },
					),
				};
				continue;
			}
			const closed = builder.add({
				itemIndex: i,
				integrationId,
				order,
				key: orderKey(order.external_order_id, order.external_shipment_id),
			});
			if (closed.length) {
				hand(closed);
				await sleep(0); // let the workers send while the next items are checked
			}
		} catch (error) {
			outcomes[i] = { status: 'error', error: error as NodeOperationError };
		}
	}
	preparing = false;
	hand(builder.finish());
	await Promise.all(workers);

	const failed = outcomes.map((o, i) => ({ o, i })).filter(({ o }) => o.status === 'error');
	if (failed.length && !this.continueOnFail()) {
		const errors = new Set(failed.map(({ o }) => o.error));
		if (errors.size === 1 && failed[0].o.error instanceof NodeApiError) throw failed[0].o.error;
		const lines = failed.map(
			({ o, i }) =>
				`item ${i}: ${[o.error?.message, o.error?.description].filter(Boolean).join(' ')}`,
		);
		throw new NodeOperationError(
			this.getNode(),
			`${failed.length} of ${items.length} orders were not accepted`,
			{
				itemIndex: failed[0].i,
				description: `${lines.join('\n')}\nThe other ${items.length - failed.length} orders were sent. Turn on "Continue On Fail" to get one output item per order instead.`,
			},
		);
	}

	return [
		outcomes.map((outcome, i) => {
			if (outcome.status === 'error') {
				// An error item: n8n shows it as failed and routes it to the error output when asked.
				// One failed batch shares its error among its orders: each item gets a copy that names its own.
				const shared = outcome.error!;
				const error = Object.create(
					Object.getPrototypeOf(shared),
					Object.getOwnPropertyDescriptors(shared),
				) as typeof shared;
				error.context = {
					...shared.context,
					itemIndex: i,
					fieldErrors: outcome.fieldErrors,
					externalOrderId: outcome.order?.external_order_id ?? null,
				};
				return { json: { error: error.message }, error, pairedItem: { item: i } };
			}
			return {
				json: {
					status: outcome.status,
					integration_id: outcome.integrationId ?? null,
					external_order_id: (outcome.order?.external_order_id as string | undefined) ?? null,
					external_shipment_id:
						(outcome.order?.external_shipment_id as string | null | undefined) ?? null,
					shipment_uuid: outcome.shipmentUuid ?? null,
				},
				pairedItem: { item: i },
			};
		}),
	];
}

function orderLabel(order: Order, itemIndex: number): string {
	return order.external_order_id ? String(order.external_order_id) : `of item ${itemIndex}`;
}
