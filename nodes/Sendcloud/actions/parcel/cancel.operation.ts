import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudV3Response } from '../../transport';
import { shipmentIdAt, shipmentIdField, shipmentPath } from './shipmentId';

export const cancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a shipment',
		description:
			'Cancel a shipment (by shipment ID) and its labels before the carrier has it: returns cancelled (done), or queued (the carrier was asked and cancels unless the parcel moves on), with Sendcloud’s status and message; fails with 409 once it is delivered, too old or already cancelled',
	},
	description: updateDisplayOptions({ show: { resource: ['parcel'], operation: ['cancel'] } }, [
		shipmentIdField,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = shipmentIdAt(this, i);
			const response = await sendcloudV3Response.call(
				this,
				{ method: 'POST', url: `${shipmentPath(id)}/cancel` },
				i,
			);
			// 200: cancelled; 202: Sendcloud asked the carrier and will cancel unless the parcel moves on.
			const data = ((response.body as IDataObject)?.data ?? {}) as IDataObject;
			return {
				shipment_id: id,
				cancelled: response.statusCode === 200,
				queued: response.statusCode === 202,
				status: data.status ?? null,
				message: data.message ?? null,
			};
		});
	},
};
