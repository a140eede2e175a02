import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from './sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeOrder, prng } = require('../sandbox/seed');

let sequence = 500000;
const random = prng(99);

/** Puts an order into the sandbox as if Sendcloud had created it at `createdAt`. */
export function arrive(sandbox: Sandbox, createdAt: string | number, overrides: IDataObject = {}, integrationId = 101): IDataObject {
	const order = makeOrder(random, { integrationId, index: sequence++, createdAt: new Date(createdAt).getTime() });
	return sandbox.addShipment(integrationId, { ...order, ...overrides });
}

export const uuids = (orders: IDataObject[] | null) => (orders ?? []).map((o) => o.shipment_uuid);
