/** Node builders and sandbox helpers of the Tracking and Return tests (issue 20). */
import type { IDataObject } from 'n8n-workflow';

import { makeNode } from './engine';
import type { Sandbox } from './sandbox';

export const trackingNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'tracking', ...parameters } as never, settings);
export const returnNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'return', ...parameters } as never, settings);

/** A return as Define Below fills it: customer in Amsterdam, back to the shop in Eindhoven. */
export const RETURN_FIELDS = {
	dataMode: 'defineBelow',
	customerName: 'Jan Jansen',
	customerAddressLine1: 'Keizersgracht',
	customerHouseNumber: '100',
	customerPostalCode: '1015 CS',
	customerCity: 'Amsterdam',
	customerCountryCode: 'nl',
	returnToName: 'Shop Warehouse',
	returnToAddressLine1: 'Stadhuisplein',
	returnToHouseNumber: '10',
	returnToPostalCode: '5611 EM',
	returnToCity: 'Eindhoven',
	returnToCountryCode: 'NL',
	shippingOptionCode: 'postnl:standard/return',
	weight: 1.2,
	orderNumber: 'SHOP-1',
};
export const createReturn = (parameters: Record<string, unknown> = {}, settings = {}) =>
	returnNode({ operation: 'create', ...RETURN_FIELDS, ...parameters }, settings);

/** A return in the API's own JSON, as an Auto-Map input item. */
export const apiReturn = (overrides: IDataObject = {}): IDataObject => ({
	from_address: {
		name: 'Piet Customer',
		address_line_1: 'Damrak',
		house_number: '1',
		postal_code: '1012 LG',
		city: 'Amsterdam',
		country_code: 'NL',
	},
	to_address: {
		name: 'Shop Warehouse',
		address_line_1: 'Stadhuisplein',
		house_number: '10',
		postal_code: '5611 EM',
		city: 'Eindhoven',
		country_code: 'NL',
	},
	ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:standard/return' },
	weight: { value: 0.8, unit: 'kg' },
	...overrides,
});

export interface SandboxReturn {
	id: number;
	parcelId: number;
	status: string;
	tracking_number: string | null;
	body: IDataObject;
}

/** The tracking and returns parts of the sandbox (test/sandbox/v3/tracking.js, returns.js). */
export interface AfterLabel {
	returns(account?: string): SandboxReturn[];
	returnLabelsBought(filter?: { externalReference?: string }): number;
	registeredParcels(account?: string): IDataObject[];
}
export const afterLabel = (sandbox: Sandbox) => sandbox.v3 as unknown as AfterLabel;

export const v3Calls = (sandbox: Sandbox, prefix: string) =>
	sandbox.requests
		.filter((r) => r.path.startsWith(`/api/v3${prefix}`))
		.map(
			(r) => `${r.method} ${r.path.slice('/api/v3'.length)}${r.query} ${r.status ?? 'no answer'}`,
		);
