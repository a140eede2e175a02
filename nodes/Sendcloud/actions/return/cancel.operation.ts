import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudErrorDetail, sendcloudV3Response } from '../../transport';
import { returnIdAt, returnIdField } from './returnId';

export const cancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a return',
		description:
			'Ask Sendcloud to cancel a return and its label (by return ID): returns cancellation_requested with Sendcloud’s message; fails with the reason Sendcloud gives when it refuses (already cancelled, or the carrier already has the parcel)',
	},
	description: updateDisplayOptions({ show: { resource: ['return'], operation: ['cancel'] } }, [
		returnIdField,
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = returnIdAt(this, i);
			const response = await sendcloudV3Response.call(
				this,
				{ method: 'PATCH', url: `/returns/${id}/cancel`, headers: { Accept: 'application/json' } },
				i,
				{ acceptStatuses: [409] },
			);
			if (response.statusCode === 409) {
				const reason = sendcloudErrorDetail(response.body) ?? 'no reason given';
				throw new NodeApiError(this.getNode(), (response.body ?? {}) as JsonObject, {
					message: `Sendcloud refused to cancel return ${id}: ${reason.replace(/^returns: /, '')}`,
					description: [
						'A return can be cancelled while it is cancellable (Return → Get shows is_cancellable): not once it is cancelled or being cancelled, nor once the carrier has the parcel.',
						// A repeat after a lost answer meets the cancellation its first attempt asked for.
						/already/i.test(reason)
							? 'An earlier attempt of this request whose answer was lost may have carried it out: Return → Get shows whether the return is being cancelled.'
							: '',
					]
						.filter(Boolean)
						.join(' '),
					httpCode: '409',
					itemIndex: i,
				});
			}
			// 202: the request reached Sendcloud; the carrier cancels the label (Get shows the outcome).
			const body = (response.body ?? {}) as IDataObject;
			return {
				return_id: id,
				cancellation_requested: true,
				message: body.message ?? null,
			};
		});
	},
};
