import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep, updateDisplayOptions } from 'n8n-workflow';

import { describeFieldErrors } from '../../../shared/pythonLiteral';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator } from '../../helpers/fields';
import { BatchBuilder } from './batches';
import { orderFields } from './orderFields';
import { orderFromFields } from './orderFromFields';
import { orderLabel, type Outcome, outputOf } from './outcomes';
import { type Order, orderKey, prepareOrder } from './prepare';
import { batchSender } from './sendBatches';

const properties: INodeProperties[] = [
	integrationIdLocator({}),
	{
		displayName: 'Input Data',
		name: 'dataMode',
		type: 'options',
		default: 'autoMapInputData',
		options: [
			{
				name: 'Auto-Map Input Data',
				value: 'autoMapInputData',
				description:
					'Each input item is one order in the API’s field names (as Get Many returns them)',
			},
			{
				name: 'Define Below',
				value: 'defineBelow',
				description: 'Set the order’s fields here, with expressions',
			},
		],
	},
	...orderFields.map((field) => ({
		...field,
		displayOptions: { show: { dataMode: ['defineBelow'] } },
	})),
];

/**
 * Checks every item's order before sending, and sends the valid ones in batches per integration
 * while later items are still being checked. It needs all input items at once to batch them.
 */
async function upsertOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const dataMode = this.getNodeParameter('dataMode', 0) as string;
	const outcomes: Outcome[] = new Array(items.length);
	const sender = batchSender(this, outcomes);
	const builder = new BatchBuilder();
	for (let i = 0; i < items.length; i++) {
		try {
			const integrationId = integrationIdAt(this, i);
			const source =
				dataMode === 'defineBelow' ? orderFromFields(this, i) : (items[i].json as Order);
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
				sender.send(closed);
				await sleep(0); // let the workers send while the next items are checked
			}
		} catch (error) {
			outcomes[i] = { status: 'error', error: error as NodeOperationError };
		}
	}
	await sender.finish(builder.finish());
	return outputOf(this, outcomes);
}

export const upsert: Operation = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update orders',
		// n8n's lint fixes how an upsert's description starts and ends; the middle is for AI agents.
		description:
			'Create a new order (one per input item, identified by its external order ID and external shipment ID, sent in batches of up to 100; each output item says created, updated or unchanged, with the shipment UUID), or update the current one if it already exists (upsert)',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['shipment'], operation: ['upsert'] } },
		properties,
	),
	execute: upsertOrders,
};
