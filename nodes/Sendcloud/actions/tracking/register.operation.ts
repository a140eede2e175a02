import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { isoDateTime } from '../../helpers/dates';
import { parseJsonText } from '../../helpers/fields';
import { sendcloudV3Response } from '../../transport';
import { registerFields } from './registerFields';

/** A source ID from what identifies the parcel: the same carrier and number give the same ID on any run. */
export function derivedSourceId(carrierCode: string, trackingNumber: string): string {
	const key = JSON.stringify([carrierCode.toLowerCase(), trackingNumber]);
	return `n8n-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

const clean = (object: IDataObject) =>
	Object.fromEntries(Object.entries(object).filter(([, v]) => v !== '' && v !== undefined));

function bodyFromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const param = (name: string) => String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const other = parseJsonText(node, 'Other Fields (JSON)', extra.otherFields, i) as
		IDataObject | undefined;
	const contractId = Number(ctx.getNodeParameter('contractId', i, 0));
	const optionCode = String(extra.shippingOptionCode ?? '').trim();
	const announcedAt = ctx.getNodeParameter('announcedAt', i, '');
	return {
		tracking_number: clean({
			carrier_code: param('carrierCode').toLowerCase(),
			tracking_number: param('trackingNumber'),
			tracking_url: String(extra.trackingUrl ?? '').trim(),
		}),
		announced_at: announcedAt ? isoDateTime(node, 'Announced At', announcedAt, i) : '',
		ship_with: optionCode
			? {
					type: 'shipping_option_code',
					properties: { shipping_option_code: optionCode, contract_id: contractId },
				}
			: { type: 'contract', properties: { contract_id: contractId } },
		from_address: {
			postal_code: param('senderPostalCode'),
			country_code: param('senderCountryCode').toUpperCase(),
		},
		to_address: clean({
			name: String(extra.recipientName ?? '').trim(),
			city: String(extra.recipientCity ?? '').trim(),
			email: String(extra.recipientEmail ?? '').trim(),
			postal_code: param('recipientPostalCode'),
			country_code: param('recipientCountryCode').toUpperCase(),
		}),
		...(extra.orderNumber ? { order_number: String(extra.orderNumber) } : {}),
		...(other ?? {}),
	};
}

/** The request of item `i`, with the source ID that makes repeating it safe; throws when it cannot be sent. */
function requestOf(ctx: IExecuteFunctions, items: INodeExecutionData[], i: number): IDataObject {
	const autoMap = ctx.getNodeParameter('dataMode', i, 'defineBelow') === 'autoMapInputData';
	const { order_number: orderNumber, ...body } = autoMap
		? { ...items[i].json }
		: bodyFromFields(ctx, i);
	const number = (body.tracking_number ?? {}) as IDataObject;
	const problems = [
		!number.tracking_number && 'a tracking number',
		!number.carrier_code && 'a carrier code',
		!body.announced_at && 'when it was announced (announced_at)',
		!(body.ship_with as IDataObject | undefined)?.properties && 'a contract (ship_with)',
		!(body.from_address as IDataObject | undefined)?.postal_code && 'the sender’s postal code',
		!(body.to_address as IDataObject | undefined)?.postal_code && 'the recipient’s postal code',
	].filter(Boolean);
	if (problems.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The parcel of item ${i} lacks ${problems.join(', ')}`,
			{ itemIndex: i },
		);
	}
	const sourceId =
		String(ctx.getNodeParameter('sourceId', i, '') ?? '').trim() ||
		String(body.source_id ?? '').trim() ||
		derivedSourceId(String(number.carrier_code), String(number.tracking_number));
	const shipment = (body.shipment ?? {}) as IDataObject;
	const order = orderNumber
		? { order: { source_id: String(orderNumber), order_number: String(orderNumber) } }
		: {};
	return {
		...body,
		source_id: sourceId,
		shipment: { source_id: sourceId, ...order, ...shipment },
	};
}

export const register: Operation = {
	option: {
		name: 'Register External Parcel',
		value: 'register',
		action: 'Register an external parcel for tracking',
		description:
			'Make Sendcloud track a parcel whose label was bought elsewhere (tracking number, carrier, contract, addresses): returns the registered parcel with status "created", or "existing" when it was registered before (repeating is safe)',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['tracking'], operation: ['register'] } },
		registerFields,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const body = requestOf(this, items, i);
			const send = async () =>
				await sendcloudV3Response.call(
					this,
					{ method: 'POST', url: '/parcels/tracking', body },
					i,
					{
						acceptStatuses: [409],
					},
				);
			let response = await send();
			// 409: another request registered the same parcel at the same moment; asking again returns it.
			if (response.statusCode === 409) response = await send();
			if (response.statusCode === 409) {
				const number = String((body.tracking_number as IDataObject).tracking_number);
				throw new NodeOperationError(
					this.getNode(),
					`Sendcloud already tracks tracking number ${number} under another source ID, or as a label bought through Sendcloud`,
					{
						itemIndex: i,
						description: `Nothing was registered. Read it with Tracking → Get, or register it with the source ID it has (this request used "${String(body.source_id)}").`,
					},
				);
			}
			const parcel = response.body as IDataObject;
			return { status: parcel.created === false ? 'existing' : 'created', ...parcel };
		});
	},
};
