/** Node builders and small assertions shared by the Sendcloud order and parcel tests. */
import type { IBinaryData } from 'n8n-workflow';

import { makeNode } from './engine';
import type { Sandbox } from './sandbox';

/** A resource locator set to an ID, as the editor saves one. */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

// Orders (resource 'shipment')

export const shipmentNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'shipment', ...parameters } as never, settings);
export const upsert = (parameters: Record<string, unknown> = {}, settings = {}) =>
	shipmentNode(
		{ operation: 'upsert', integrationId: byId(101), dataMode: 'autoMapInputData', ...parameters },
		settings,
	);
export const fieldErrorsOf = (item: { error?: unknown }) =>
	(item.error as { context: { fieldErrors: unknown } }).context.fieldErrors;
/** The order upserts the sandbox received. */
export const posts = (box: Sandbox) =>
	box.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments'));

// Parcels (resource 'parcel')

export const parcelNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'parcel', ...parameters } as never, settings);

export const RECIPIENT = {
	recipientName: 'Jan Jansen',
	recipientAddressLine1: 'Keizersgracht',
	recipientHouseNumber: '100',
	recipientPostalCode: '1015 CS',
	recipientCity: 'Amsterdam',
	recipientCountryCode: 'nl',
};
export const create = (parameters: Record<string, unknown> = {}, settings = {}) =>
	parcelNode(
		{
			operation: 'create',
			dataMode: 'defineBelow',
			...RECIPIENT,
			senderType: 'senderAddressId',
			senderAddressId: 192,
			shippingOptionCode: 'postnl:standard',
			orderNumber: 'SHOP-1',
			parcels: { parcel: [{ weight: 1.2, length: 30, width: 20, height: 10 }] },
			...parameters,
		},
		settings,
	);

export const autoMap = (parameters: Record<string, unknown> = {}, settings = {}) =>
	parcelNode({ operation: 'create', dataMode: 'autoMapInputData', ...parameters }, settings);

export const calls = (box: Sandbox) => box.requests.map((r) => `${r.method} ${r.path}${r.query}`);
export const announces = (box: Sandbox) =>
	box.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v3/shipments'));
export const fileOf = (binary: IBinaryData) => Buffer.from(binary.data, 'base64');
export const errorOf = (item: { error?: unknown }) =>
	item.error as Error & { description?: string };
