import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { type Operation, route } from '../../shared/router';
import { integration } from './integration/Integration.resource';
import { listOrders } from './listOrders';
import { parcel } from './parcel/Parcel.resource';
import { upsertShipments } from './upsertShipments';

// Until each resource has its own modules: the custom operations as they were.
const whole = (run: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>): Operation => ({
	option: { name: '', value: '' },
	description: [],
	async execute(this: IExecuteFunctions) {
		return (await run.call(this))[0];
	},
});

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, {
		integration,
		shipment: { upsert: whole(upsertShipments), getAll: whole(listOrders) },
		parcel,
	});
}
