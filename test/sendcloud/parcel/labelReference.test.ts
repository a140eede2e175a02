import type { IDataObject } from 'n8n-workflow';

import {
	derivedReference,
	shipmentDifferences,
} from '../../../nodes/Sendcloud/actions/parcel/labelReference';
import { apiShipment } from '../../helpers/shipments';

const shipment = (overrides: IDataObject = {}) =>
	apiShipment('', { order_number: 'SHOP-1', ...overrides });
const recipient = (overrides: IDataObject) => ({
	to_address: { ...(apiShipment('').to_address as IDataObject), ...overrides },
});

describe('the derived reference', () => {
	test('is short, in [a-z0-9-], and the same for the same request', () => {
		const reference = derivedReference(shipment(), false);
		expect(reference).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(derivedReference(shipment(), false)).toBe(reference);
	});

	test('ignores the order of fields, empty fields, and the reference field itself', () => {
		const { to_address, ...rest } = shipment();
		const reordered = {
			...rest,
			to_address: Object.fromEntries(Object.entries(to_address as IDataObject).reverse()),
		};
		const reference = derivedReference(shipment(), false);
		expect(derivedReference(reordered, false)).toBe(reference);
		expect(
			derivedReference(shipment(recipient({ company_name: '', phone_number: null })), false),
		).toBe(reference);
		expect(derivedReference({ ...shipment(), external_reference_id: 'n8n-anything' }, false)).toBe(
			reference,
		);
	});

	test.each([
		['another recipient', recipient({ name: 'Anna' })],
		['another postal code', recipient({ postal_code: '5611 EN' })],
		['another order', { order_number: 'SHOP-2' }],
		['another weight', { parcels: [{ weight: { value: '0.600', unit: 'kg' } }] }],
		[
			'a second parcel',
			{
				parcels: [
					{ weight: { value: '0.500', unit: 'kg' } },
					{ weight: { value: '0.500', unit: 'kg' } },
				],
			},
		],
		[
			'other items',
			{
				parcels: [
					{ weight: { value: '0.500', unit: 'kg' }, parcel_items: [{ sku: 'A', quantity: 1 }] },
				],
			},
		],
		[
			'another shipping option',
			{
				ship_with: {
					type: 'shipping_option_code',
					properties: { shipping_option_code: 'dhl:standard' },
				},
			},
		],
		['another sender', { from_address: { sender_address_id: 193 } }],
		['a ZPL label', { label_details: { mime_type: 'application/zpl' } }],
	])('differs for %s', (_name, overrides) => {
		expect(derivedReference(shipment(overrides as IDataObject), false)).not.toBe(
			derivedReference(shipment(), false),
		);
	});

	test('differs between the plain and the shipping-rules endpoint', () => {
		expect(derivedReference(shipment(), true)).not.toBe(derivedReference(shipment(), false));
	});
});

describe('is the shipment a 409 returned this item’s?', () => {
	test('the same shipment, in Sendcloud’s spelling, is', () => {
		const returned = {
			...shipment(
				recipient({
					name: 'PIET',
					postal_code: '5611EM',
					city: 'EINDHOVEN',
					address_line_1: 'Stadhuisplein 10',
				}),
			),
			id: 's1',
		};
		const asked = shipment(recipient({ address_line_1: 'Stadhuisplein', house_number: '10' }));
		expect(shipmentDifferences(asked, returned)).toEqual([]);
	});

	test('another recipient, order or parcel count is not, and says where it differs', () => {
		const returned = shipment(
			recipient({
				name: 'Anna',
				postal_code: '1012 JS',
				city: 'Amsterdam',
				address_line_1: 'Dam 1',
			}),
		);
		expect(
			shipmentDifferences(shipment(), { ...returned, order_number: 'SHOP-9', parcels: [{}, {}] }),
		).toEqual([
			'recipient name',
			'recipient address',
			'recipient postal code',
			'recipient city',
			'order number',
			'number of parcels',
		]);
	});

	test('an order number is compared even when the request has none', () => {
		expect(shipmentDifferences(shipment({ order_number: undefined }), shipment())).toEqual([
			'order number',
		]);
	});

	test('a field the request leaves out is not compared', () => {
		const asked = shipment(recipient({ city: undefined }));
		expect(shipmentDifferences(asked, shipment(recipient({ city: 'Elsewhere' })))).toEqual([]);
	});
});
