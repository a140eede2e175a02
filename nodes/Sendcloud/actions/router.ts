import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { type Operation, route } from '../../shared/router';
import { integration } from './integration/Integration.resource';
import { integrationLog } from './integrationLog/IntegrationLog.resource';
import { createShipments, downloadDocuments } from './labels';
import { order } from './order/Order.resource';

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
		integrationLog,
		shipment: order,
		parcel: { create: whole(createShipments), downloadDocument: whole(downloadDocuments) },
	});
}
