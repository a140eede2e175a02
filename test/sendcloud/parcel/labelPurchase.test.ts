import type { IDataObject } from 'n8n-workflow';

import { makeNode, runNode } from '../../helpers/engine';
import { type Sandbox, useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

// Issue 16, item 2: a label costs money, so no run, re-run or other instance may buy one twice,
// and every output must say what was bought.
const sandbox = useSandbox();

const autoMap = (parameters: IDataObject = {}, settings = {}) =>
	makeNode(
		'sendcloud',
		{
			resource: 'parcel',
			operation: 'create',
			dataMode: 'autoMapInputData',
			...parameters,
		} as never,
		settings,
	);
const defineBelow = (parameters: IDataObject = {}, settings = {}) =>
	makeNode(
		'sendcloud',
		{
			resource: 'parcel',
			operation: 'create',
			dataMode: 'defineBelow',
			recipientName: 'Jan Jansen',
			recipientAddressLine1: 'Keizersgracht',
			recipientHouseNumber: '100',
			recipientPostalCode: '1015 CS',
			recipientCity: 'Amsterdam',
			recipientCountryCode: 'nl',
			senderType: 'senderAddressId',
			senderAddressId: 192,
			shippingOptionCode: 'postnl:standard',
			orderNumber: 'SHOP-1',
			parcels: { parcel: [{ weight: 1.2 }] },
			...parameters,
		} as never,
		settings,
	);

/** Orders without a reference of their own: the node derives one. */
const order = (orderNumber: string, toAddress: IDataObject = {}) =>
	apiShipment('', {
		order_number: orderNumber,
		to_address: { ...(apiShipment('').to_address as IDataObject), ...toAddress },
	});
const announces = (box: Sandbox) =>
	box.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v3/shipments'));
const errorOf = (item: { error?: unknown }) => item.error as Error & { description?: string };

describe('a re-run buys nothing again', () => {
	test('the same input in a new execution returns the shipments as existing: 4 orders, 4 labels', async () => {
		const orders = ['R-1', 'R-2', 'R-3', 'R-4'].map((number) => order(number));
		const first = await runNode(autoMap({ downloadLabel: false }), orders, 'manual', {
			executionId: '101',
		});
		const again = await runNode(autoMap({ downloadLabel: false }), orders, 'manual', {
			executionId: '102',
		});
		expect(first.json.map((j) => j.status)).toEqual(['created', 'created', 'created', 'created']);
		expect(again.json.map((j) => j.status)).toEqual([
			'existing',
			'existing',
			'existing',
			'existing',
		]);
		expect(again.json.map((j) => j.id)).toEqual(first.json.map((j) => j.id));
		expect(sandbox.v3.labelsBought()).toBe(4);
	});

	test('Define Below: the same fields in a new execution buy no second label', async () => {
		await runNode(defineBelow({ downloadLabel: false }), [{}], 'manual', { executionId: '7' });
		const { json } = await runNode(defineBelow({ downloadLabel: false }), [{}], 'manual', {
			executionId: '8',
		});
		expect(json[0].status).toBe('existing');
		expect(sandbox.v3.labelsBought()).toBe(1);
	});

	test('two different parcels for one recipient are two labels', async () => {
		const { json } = await runNode(autoMap({ downloadLabel: false }), [
			order('SAME-1'),
			order('SAME-1', {}),
			apiShipment('', {
				order_number: 'SAME-1',
				parcels: [{ weight: { value: '2.000', unit: 'kg' } }],
			}),
		]);
		// The first two are one request: one purchase. The third weighs more: another parcel.
		expect(json.map((j) => j.status).sort()).toEqual(['created', 'created', 'existing']);
		expect(sandbox.v3.labelsBought()).toBe(2);
	});
});

describe('every item is checked before anything is bought', () => {
	test('an invalid item among valid ones, without Continue On Fail: nothing bought, the item named', async () => {
		const { error } = await runNode(autoMap({ downloadLabel: false }), [
			order('V-1'),
			{ to_address: { name: 'No sender' } },
			order('V-3'),
		]);
		expect(error?.message).toBe(
			'The shipment of item 1 lacks a sender (from_address), a shipping option code (ship_with), at least one parcel with its weight (parcels)',
		);
		expect(error?.description).toContain('Nothing was bought');
		expect(announces(sandbox)).toEqual([]);
		expect(sandbox.v3.labelsBought()).toBe(0);
	});

	test('with Continue On Fail the valid items are bought and the invalid one is an error item', async () => {
		const { items } = await runNode(autoMap({ downloadLabel: false }, { continueOnFail: true }), [
			order('W-1'),
			{ to_address: {} },
		]);
		expect(items.map((item) => (item.error ? 'error' : item.json.status))).toEqual([
			'created',
			'error',
		]);
		expect(sandbox.v3.labelsBought()).toBe(1);
	});
});

describe('a 409 is `existing` only for the same shipment', () => {
	test('colliding execution ids (another instance, a reset database) never return another recipient’s shipment', async () => {
		await runNode(autoMap({ downloadLabel: false }), [order('C-1', { name: 'Piet' })], 'manual', {
			executionId: '1',
		});
		const { json } = await runNode(
			autoMap({ downloadLabel: false }),
			[order('C-9', { name: 'Anna', postal_code: '1011 AB', city: 'Amsterdam' })],
			'manual',
			{ executionId: '1' },
		);
		expect(json[0]).toMatchObject({ status: 'created', to_address: { name: 'Anna' } });
		expect(sandbox.v3.labelsBought()).toBe(2);
	});

	test('a reference of your own already used for another recipient fails the item, saying so', async () => {
		await runNode(autoMap({ downloadLabel: false }), [
			apiShipment('shop-42', { order_number: 'A-42' }),
		]);
		const other = apiShipment('shop-42', {
			order_number: 'B-42',
			to_address: {
				name: 'Anna',
				address_line_1: 'Dam 1',
				postal_code: '1012 JS',
				city: 'Amsterdam',
				country_code: 'NL',
			},
		});
		const { items } = await runNode(autoMap({ downloadLabel: false }, { continueOnFail: true }), [
			other,
		]);
		const error = errorOf(items[0]);
		expect(error.message).toMatch(/^Another shipment already uses the reference "shop-42"/);
		expect(error.message).toContain('recipient name');
		expect(error.message).toContain('order number');
		expect(error.description).toContain('No label was bought for this item');
		expect(items[0].json.status).toBeUndefined();
		expect(sandbox.v3.labelsBought()).toBe(1);
	});
});

describe('a label bought is always reported', () => {
	const labelFails = () =>
		sandbox.injectFaults({
			kind: '404',
			method: 'GET',
			path: '^/api/v3/parcels/\\d+/documents/label$',
			times: 20,
		});

	test('with Continue On Fail: the error item carries the shipment and says the label was bought', async () => {
		labelFails();
		const { items } = await runNode(autoMap({}, { continueOnFail: true }), [apiShipment('dl-1')]);
		sandbox.clearFaults();
		const [shipment] = sandbox.v3.shipments();
		const parcelId = (shipment.parcels as IDataObject[])[0].id;
		const error = errorOf(items[0]) as Error & { description?: string; context?: IDataObject };
		// n8n keeps only the message in an error item's JSON: the message names the shipment.
		expect(items[0].json).toEqual({ error: error.message });
		expect(error.message).toBe(
			`The label of shipment ${String(shipment.id)} ("dl-1", parcel ${String(parcelId)}) was bought, but downloading it failed: Sendcloud could not find parcel ${String(parcelId)}: check the parcel ID (in a shipment's parcels), or find it with Parcel & Label → Get Many`,
		);
		expect(error.context).toMatchObject({
			label_bought: true,
			status: 'created',
			shipment_id: shipment.id,
			external_reference_id: 'dl-1',
			parcel_ids: [parcelId],
		});
		expect(error.description).toContain('Download Document');
		expect(sandbox.v3.labelsBought()).toBe(1);
	});

	test('without Continue On Fail: the error names the shipments bought, and a re-run buys none again', async () => {
		labelFails();
		const first = await runNode(autoMap(), [order('E-1'), order('E-2')], 'manual', {
			executionId: '55',
		});
		sandbox.clearFaults();
		const ids = sandbox.v3.shipments().map((s) => String(s.id));
		expect(first.error?.message).toMatch(/was bought, but downloading it failed/);
		for (const id of ids) expect(first.error?.description).toContain(id);
		const again = await runNode(autoMap(), [order('E-1'), order('E-2')], 'manual', {
			executionId: '56',
		});
		expect(again.json.map((j) => j.status)).toEqual(['existing', 'existing']);
		expect(again.items.every((item) => item.binary?.data.mimeType === 'application/pdf')).toBe(
			true,
		);
		expect(sandbox.v3.labelsBought()).toBe(2);
	});
});
