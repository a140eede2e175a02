import type { IDataObject } from 'n8n-workflow';

import { derivedReference } from '../../../nodes/Sendcloud/actions/parcel/labelReference';
import { credentialsHelper, runNode } from '../../helpers/engine';
import { announces, autoMap, calls, create, errorOf, fileOf } from '../../helpers/nodes';
import { API_KEY, useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

const sandbox = useSandbox();

describe('Create and Announce', () => {
	test('sends the shipment the fields describe, and returns it with its label as a PDF file', async () => {
		const { items, error } = await runNode(create({ externalReferenceId: 'order-1001' }));
		expect(error).toBeUndefined();
		expect(announces(sandbox).map((r) => r.body)).toEqual([
			{
				to_address: {
					name: 'Jan Jansen',
					address_line_1: 'Keizersgracht',
					house_number: '100',
					postal_code: '1015 CS',
					city: 'Amsterdam',
					country_code: 'NL',
				},
				from_address: { sender_address_id: 192 },
				ship_with: {
					type: 'shipping_option_code',
					properties: { shipping_option_code: 'postnl:standard' },
				},
				order_number: 'SHOP-1',
				parcels: [
					{
						weight: { value: '1.2', unit: 'kg' },
						dimensions: { length: '30', width: '20', height: '10', unit: 'cm' },
					},
				],
				external_reference_id: 'order-1001',
			},
		]);
		const [parcel] = sandbox.v3.shipments()[0].parcels as IDataObject[];
		expect(calls(sandbox)).toEqual([
			'POST /api/v3/shipments/announce',
			`GET /api/v3/parcels/${parcel.id}/documents/label?paper_size=A6&dpi=72`,
		]);
		expect(sandbox.requests[1].headers.accept).toBe('application/pdf');

		expect(items).toHaveLength(1);
		const { json, binary } = items[0];
		expect(json).toMatchObject({
			status: 'created',
			external_reference_id: 'order-1001',
			parcels: [
				{
					id: parcel.id,
					tracking_number: parcel.tracking_number,
					status: { code: 'READY_TO_SEND' },
				},
			],
		});
		expect(JSON.stringify(json)).not.toContain('label_file');
		expect(binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: 'label-order-1001.pdf',
			fileExtension: 'pdf',
		});
		const pdf = fileOf(binary!.data);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain(String(parcel.tracking_number));
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-1001' })).toBe(1);
	});

	test('Auto-Map sends each item as the API’s JSON, with its own reference', async () => {
		const { json } = await runNode(autoMap({ downloadLabel: false }), [
			apiShipment('shop-7'),
			apiShipment('shop-8'),
		]);
		expect(announces(sandbox).map((r) => r.body)).toEqual([
			apiShipment('shop-7'),
			apiShipment('shop-8'),
		]);
		expect(json.map((j) => [j.status, j.external_reference_id])).toEqual([
			['created', 'shop-7'],
			['created', 'shop-8'],
		]);
		expect(calls(sandbox).filter((c) => c.startsWith('GET'))).toEqual([]);
	});

	test('without a reference, each item gets one derived from its shipment, whatever the execution', async () => {
		const orders = [
			apiShipment('', { order_number: 'X-1' }),
			apiShipment('', { order_number: 'X-2' }),
		];
		await runNode(autoMap({ downloadLabel: false }), orders);
		const references = announces(sandbox).map((r) => (r.body as IDataObject).external_reference_id);
		expect(references).toEqual(orders.map((order) => derivedReference(order, false)));
		expect(references[0]).not.toBe(references[1]);
	});

	test('a repeated create returns the existing shipment and buys nothing', async () => {
		await runNode(create({ externalReferenceId: 'order-2002', downloadLabel: false }));
		const { json, items } = await runNode(create({ externalReferenceId: 'order-2002' }));
		expect(json[0]).toMatchObject({ status: 'existing', external_reference_id: 'order-2002' });
		expect(items[0].binary?.data.mimeType).toBe('application/pdf');
		expect(announces(sandbox).map((r) => r.status)).toEqual([201, 409]);
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-2002' })).toBe(1);
		expect(sandbox.v3.shipments()).toHaveLength(1);
	});

	test('an answer lost after Sendcloud applied the create: the retry gets the same shipment, one label bought', async () => {
		sandbox.injectFaults({
			kind: 'applied-then-reset',
			method: 'POST',
			path: '^/api/v3/shipments/announce$',
		});
		const { json, error } = await runNode(create({ externalReferenceId: 'order-3003' }));
		expect(error).toBeUndefined();
		expect(announces(sandbox).map((r) => r.status)).toEqual([undefined, 409]);
		expect(json[0]).toMatchObject({ status: 'existing', external_reference_id: 'order-3003' });
		expect(sandbox.v3.labelsBought()).toBe(1);
		expect(sandbox.v3.shipments()).toHaveLength(1);
	});

	test.each([
		['503', { kind: '503' }],
		['429 with Retry-After', { kind: '429', retryAfter: 0 }],
		['a reset before the server saw it', { kind: 'reset' }],
	])('%s is retried with the same reference: one shipment', async (_name, fault) => {
		sandbox.injectFaults({ ...fault, method: 'POST', path: '^/api/v3/shipments/announce$' });
		const { json } = await runNode(
			create({ externalReferenceId: 'order-4004', downloadLabel: false }),
		);
		expect(json[0]).toMatchObject({ status: 'created' });
		expect(announces(sandbox)).toHaveLength(2);
		expect(
			new Set(announces(sandbox).map((r) => (r.body as IDataObject).external_reference_id)),
		).toEqual(new Set(['order-4004']));
		expect(sandbox.v3.labelsBought()).toBe(1);
	});

	test('a 201 whose announcement failed is that item’s failure, with the carrier’s reason', async () => {
		const { items } = await runNode(
			create(
				{ externalReferenceId: 'order-5005', recipientPostalCode: sandbox.v3.failing.postalCode },
				{ continueOnFail: true },
			),
		);
		expect(announces(sandbox).map((r) => r.status)).toEqual([201]);
		expect(items).toHaveLength(1);
		const error = errorOf(items[0]);
		expect(error.message).toMatch(/^Sendcloud could not announce the shipment "order-5005": .+/);
		expect(items[0].json).toEqual({ error: error.message });
		expect(items[0].binary).toBeUndefined();
		expect(sandbox.v3.labelsBought()).toBe(0);
		expect(calls(sandbox).filter((c) => c.includes('/documents'))).toEqual([]);
	});

	test('every item gets one output item, paired with it, whatever happened to it', async () => {
		const { items } = await runNode(autoMap({ downloadLabel: false }, { continueOnFail: true }), [
			apiShipment('a-1'),
			{ to_address: { name: 'No sender' } },
			apiShipment('a-3', {
				to_address: {
					...(apiShipment('').to_address as IDataObject),
					postal_code: sandbox.v3.failing.postalCode,
				},
			}),
			apiShipment('a-1'),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(items.map((item) => (item.error ? 'error' : item.json.status))).toEqual([
			'created',
			'error',
			'error',
			'existing',
		]);
		expect(errorOf(items[1]).message).toBe(
			'The shipment of item 1 lacks a sender (from_address), a shipping option code (ship_with), at least one parcel with its weight (parcels)',
		);
		// The invalid item never reached Sendcloud.
		expect(announces(sandbox)).toHaveLength(3);
	});

	test('without Continue On Fail an invalid item fails the node, naming it, before anything is bought', async () => {
		const { error } = await runNode(autoMap({ downloadLabel: false }), [
			apiShipment('b-1'),
			{ to_address: {} },
		]);
		expect(error?.message).toBe(
			'The shipment of item 1 lacks a sender (from_address), a shipping option code (ship_with), at least one parcel with its weight (parcels)',
		);
		expect(error?.description).toContain('Nothing was bought');
		expect(announces(sandbox)).toEqual([]);
	});

	test('without Continue On Fail a refused item stops the node, which says which labels were bought', async () => {
		const refused = apiShipment('b-2', {
			to_address: {
				...(apiShipment('').to_address as IDataObject),
				postal_code: sandbox.v3.failing.postalCode,
			},
		});
		const { error } = await runNode(autoMap({ downloadLabel: false }), [
			apiShipment('b-1'),
			refused,
		]);
		const [bought] = sandbox.v3.shipments().filter((s) => s.external_reference_id === 'b-1');
		expect(error?.message).toMatch(/^Sendcloud could not announce the shipment "b-2"/);
		expect(error?.description).toContain(
			`Labels bought in this run before it stopped: item 0 (shipment ${String(bought.id)}, "b-1")`,
		);
		expect(error?.description).toContain('returns the shipments already bought as "existing"');
	});

	test('a shipment of two parcels gets one label file holding both', async () => {
		const { items } = await runNode(
			create({
				externalReferenceId: 'order-6006',
				parcels: { parcel: [{ weight: 1 }, { weight: 2 }] },
			}),
		);
		const parcels = sandbox.v3.shipments()[0].parcels as IDataObject[];
		expect(calls(sandbox)[1]).toBe(
			`GET /api/v3/parcel-documents/label?parcels=${parcels[0].id}&parcels=${parcels[1].id}&paper_size=A6`,
		);
		const pdf = fileOf(items[0].binary!.data).toString('latin1');
		for (const parcel of parcels) expect(pdf).toContain(String(parcel.tracking_number));
	});

	test('PNG at 150 DPI on A4, and ZPL asked for when the shipment is created', async () => {
		const png = await runNode(
			create({
				externalReferenceId: 'order-7007',
				binaryPropertyName: 'label',
				documentOptions: { format: 'png', dpi: 150, paperSize: 'A4' },
			}),
		);
		expect(calls(sandbox)[1]).toMatch(/\/documents\/label\?paper_size=A4&dpi=150$/);
		expect(sandbox.requests[1].headers.accept).toBe('image/png');
		expect(png.items[0].binary?.label).toMatchObject({
			mimeType: 'image/png',
			fileName: 'label-order-7007.png',
		});
		expect(fileOf(png.items[0].binary!.label).subarray(1, 4).toString()).toBe('PNG');

		sandbox.reset();
		credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl });
		const zpl = await runNode(
			create({ externalReferenceId: 'order-7008', documentOptions: { format: 'zpl' } }),
		);
		expect((announces(sandbox)[0].body as IDataObject).label_details).toEqual({
			mime_type: 'application/zpl',
		});
		expect(calls(sandbox)[1]).toMatch(/\/documents\/label\?paper_size=A6$/);
		expect(fileOf(zpl.items[0].binary!.data).toString()).toMatch(/^\^XA[\s\S]*\^XZ\s*$/);
	});

	test('Apply Shipping Rules uses the rules endpoint and needs no shipping option', async () => {
		const { json } = await runNode(
			create({
				externalReferenceId: 'order-8008',
				applyShippingRules: true,
				shippingOptionCode: '',
				downloadLabel: false,
			}),
		);
		expect(calls(sandbox)).toEqual(['POST /api/v3/shipments/announce-with-shipping-rules']);
		expect(json[0].status).toBe('created');
	});

	test('a credential whose base URL has no API version fails before any request, saying what to set', async () => {
		credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.url });
		const { error } = await runNode(create({ externalReferenceId: 'order-9009' }));
		expect(error?.message).toBe(
			`The credential's API Base URL (${sandbox.url}) does not end in /api/v2`,
		);
		expect(sandbox.requests).toEqual([]);
	});

	test('OAuth2 credentials buy labels the same way', async () => {
		const { json } = await runNode(
			create({ authentication: 'oAuth2', externalReferenceId: 'order-9010', downloadLabel: false }),
		);
		expect(json[0].status).toBe('created');
		expect(sandbox.v3.labelsBought({ account: 'oauth:sandbox-client' })).toBe(1);
	});
});
