import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from './sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeOrder, prng } = require('../sandbox/seed');

let sequence = 500000;
const random = prng(99);

/** Puts an order into the sandbox as if Sendcloud had created it at `createdAt`. */
export function arrive(
	sandbox: Sandbox,
	createdAt: string | number,
	overrides: IDataObject = {},
	integrationId = 101,
): IDataObject {
	const order = makeOrder(random, {
		integrationId,
		index: sequence++,
		createdAt: new Date(createdAt).getTime(),
	});
	return sandbox.addShipment(integrationId, { ...order, ...overrides });
}

export const uuids = (orders: IDataObject[] | null) => (orders ?? []).map((o) => o.shipment_uuid);

/** A v3 shipment in the API's own JSON, as an input item for Auto-Map. */
export const apiShipment = (reference: string, overrides: IDataObject = {}): IDataObject => ({
	to_address: {
		name: 'Piet',
		address_line_1: 'Stadhuisplein 10',
		postal_code: '5611 EM',
		city: 'Eindhoven',
		country_code: 'NL',
	},
	from_address: { sender_address_id: 192 },
	ship_with: {
		type: 'shipping_option_code',
		properties: { shipping_option_code: 'postnl:standard' },
	},
	parcels: [{ weight: { value: '0.500', unit: 'kg' } }],
	external_reference_id: reference,
	...overrides,
});
