import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Order } from './prepare';

/** What happened to one input item's order. */
export interface Outcome {
	status: 'created' | 'updated' | 'unchanged' | 'error';
	integrationId?: number;
	order?: Order;
	shipmentUuid?: string;
	fieldErrors?: Record<string, string[]>;
	error?: NodeApiError | NodeOperationError;
}

export function orderLabel(order: Order, itemIndex: number): string {
	return order.external_order_id ? String(order.external_order_id) : `of item ${itemIndex}`;
}

/**
 * One output item per input item, saying what happened to its order. Without Continue On Fail, any
 * failed order fails the node, after every other order was sent, naming each failed item.
 */
export function outputOf(ctx: IExecuteFunctions, outcomes: Outcome[]): INodeExecutionData[] {
	const failed = outcomes.map((o, i) => ({ o, i })).filter(({ o }) => o.status === 'error');
	if (failed.length && !ctx.continueOnFail()) {
		const errors = new Set(failed.map(({ o }) => o.error));
		if (errors.size === 1 && failed[0].o.error instanceof NodeApiError) throw failed[0].o.error;
		const lines = failed.map(
			({ o, i }) =>
				`item ${i}: ${[o.error?.message, o.error?.description].filter(Boolean).join(' ')}`,
		);
		throw new NodeOperationError(
			ctx.getNode(),
			`${failed.length} of ${outcomes.length} orders were not accepted`,
			{
				itemIndex: failed[0].i,
				description: `${lines.join('\n')}\nThe other ${outcomes.length - failed.length} orders were sent. Turn on "Continue On Fail" to get one output item per order instead.`,
			},
		);
	}

	return outcomes.map((outcome, i) => {
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
	});
}
