import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudV3ApiRequest } from '../../transport';
import { eventsNewestFirst, simplifyTracking } from './simplify';
import { trackingNumberAt, trackingNumberField } from './trackingNumber';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get tracking of a parcel',
		description:
			'Get where a parcel is by its tracking number: current status, last event, expected delivery date, carrier and tracking URL (or, with Simplify off, the whole record with every tracking event)',
	},
	description: updateDisplayOptions({ show: { resource: ['tracking'], operation: ['get'] } }, [
		trackingNumberField,
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				'Whether to return the current status, last event, expected delivery, carrier and tracking URL instead of the whole record with its events',
		},
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const trackingNumber = trackingNumberAt(this, i);
			const parcel = await sendcloudV3ApiRequest.call(
				this,
				'GET',
				`/parcels/tracking/${encodeURIComponent(trackingNumber)}`,
				{ itemIndex: i },
			);
			if (this.getNodeParameter('simplify', i, true) as boolean)
				return simplifyTracking(parcel, trackingNumber);
			// The timeline newest first, as the simplified record reads it.
			return { ...parcel, events: eventsNewestFirst(parcel) } as IDataObject;
		});
	},
};
