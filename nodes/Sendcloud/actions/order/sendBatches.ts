import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeFieldErrors } from '../../../shared/pythonLiteral';
import { malformedAnswer } from '../../../shared/transport';
import { sendcloudApiRequest } from '../../transport';
import type { Batch } from './batches';
import { orderLabel, type Outcome } from './outcomes';
import { orderKey } from './prepare';

/** Requests in flight at once; the pacer, not this, keeps them under the rate limits. */
const CONCURRENCY = 3;

interface UpsertAnswer {
	external_order_id?: string;
	external_shipment_id?: string | null;
	shipment_uuid?: string;
	status?: string;
	error?: Record<string, unknown>;
}

function isFatalForAll(error: NodeApiError): boolean {
	return error.httpCode === '401' || error.httpCode === '403';
}

/**
 * Sends batches as they are handed over, a few at once, and writes what happened to each order
 * into `outcomes` by its item. A batch waits for the batches holding earlier versions of its
 * orders; after a 401 or 403 (and, per integration, a 404) no further batch is sent, since each
 * would fail alike.
 */
export function batchSender(ctx: IExecuteFunctions, outcomes: Outcome[]) {
	const ready: Batch[] = [];
	const sent = new Map<Batch, Promise<void>>();
	let preparing = true;
	let waiting: Array<() => void> = [];
	let fatal: NodeApiError | undefined;
	const notFound = new Map<number, NodeApiError>();

	const hand = (batches: Batch[]) => {
		ready.push(...batches);
		waiting.forEach((wake) => wake());
		waiting = [];
	};

	const failAll = (batch: Batch, error: NodeApiError) => {
		for (const { itemIndex, order } of batch.orders) {
			outcomes[itemIndex] = { status: 'error', integrationId: batch.integrationId, order, error };
		}
	};

	const sendBatch = async (batch: Batch) => {
		await Promise.all(batch.after.map(async (earlier) => await sent.get(earlier)));
		const skipWith = fatal ?? notFound.get(batch.integrationId);
		if (skipWith) return failAll(batch, skipWith);
		let answers: UpsertAnswer[];
		try {
			answers = (await sendcloudApiRequest.call(
				ctx,
				'POST',
				`/integrations/${batch.integrationId}/shipments`,
				{
					body: batch.orders.map((o) => o.order),
					itemIndex: batch.orders[0].itemIndex,
					check: (body) => {
						// Anything else would read as "every order unchanged": the orders Sendcloud leaves out.
						if (
							!Array.isArray(body) ||
							!body.every((answer) => typeof (answer as UpsertAnswer | null)?.status === 'string')
						) {
							throw malformedAnswer(
								ctx.getNode(),
								'The answer is not the list of per-order results the API documents',
							);
						}
					},
				},
			)) as unknown as UpsertAnswer[];
		} catch (error) {
			const apiError = error as NodeApiError;
			if (apiError.httpCode === '404') notFound.set(batch.integrationId, apiError);
			if (isFatalForAll(apiError)) fatal = apiError;
			return failAll(batch, apiError);
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
						ctx.getNode(),
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

	return {
		send: hand,
		/** Hands over the last batches and waits until every batch has been sent. */
		async finish(last: Batch[]) {
			preparing = false;
			hand(last);
			await Promise.all(workers);
		},
	};
}
