import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { byId, fileOf } from '../../helpers/nodes';
import { afterLabel, apiReturn, createReturn, returnNode, v3Calls } from '../../helpers/returns';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';
import { derivedReturnReference } from '../../../nodes/Sendcloud/actions/return/returnBody';

// Issue 20, item 2: a return label costs money: one per item, whatever is lost or run again.
const sandbox = useSandbox();
let now = CLOCK_START;
beforeEach(() => {
	now = CLOCK_START;
	sandbox.setClock(() => now);
});
afterAll(() => sandbox.setClock());

const autoMap = (parameters: IDataObject = {}, settings = {}) =>
	returnNode({ operation: 'create', dataMode: 'autoMapInputData', ...parameters }, settings);
const creates = () =>
	v3Calls(sandbox, '/returns').filter(
		(c) => c.startsWith('POST /returns') && !c.includes('validate'),
	);

describe('Return → Create (waiting for the carrier)', () => {
	test('the return and its label: a PDF with the tracking number, the request as the spec has it', async () => {
		const { json, items } = await runNode(createReturn({ externalReference: 'RMA-1' }));
		const [ret] = afterLabel(sandbox).returns();
		expect(json[0]).toMatchObject({
			status: 'created',
			return_id: ret.id,
			parcel_id: ret.parcelId,
			external_reference: 'RMA-1',
			tracking_number: ret.tracking_number,
			is_cancellable: true,
		});
		const label = items[0].binary!.data;
		expect(label).toMatchObject({
			mimeType: 'application/pdf',
			fileName: 'return-label-RMA-1.pdf',
		});
		expect(fileOf(label).toString('latin1')).toContain(`Tracking number: ${ret.tracking_number}`);
		expect(ret.body).toEqual({
			from_address: {
				name: 'Jan Jansen',
				address_line_1: 'Keizersgracht',
				house_number: '100',
				postal_code: '1015 CS',
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
			weight: { value: 1.2, unit: 'kg' },
			order_number: 'SHOP-1',
			external_reference: 'RMA-1',
		});
		expect(creates()).toEqual(['POST /returns/announce-synchronously 201']);
	});

	test('label options as Parcel → Create: a PNG at 150 dpi into the field asked for', async () => {
		const { items } = await runNode(
			createReturn({
				binaryPropertyName: 'returnLabel',
				documentOptions: { format: 'png', dpi: 150, paperSize: 'A6' },
			}),
		);
		expect(items[0].binary!.returnLabel.mimeType).toBe('image/png');
		const download = sandbox.requests.find((r) => r.path.includes('/documents/label'))!;
		expect(download.query).toBe('?paper_size=A6&dpi=150');
		expect(download.headers.accept).toBe('image/png');
	});

	test('an answer lost after Sendcloud created it: the retry finds it, one label bought', async () => {
		sandbox.injectFaults({
			kind: 'applied-then-reset',
			method: 'POST',
			path: '^/api/v3/returns/announce-synchronously$',
		});
		const { json, items, error } = await runNode(createReturn({ externalReference: 'RMA-2' }));
		expect(error).toBeUndefined();
		expect(creates()).toEqual([
			'POST /returns/announce-synchronously no answer',
			'POST /returns/announce-synchronously 400',
		]);
		expect(json[0]).toMatchObject({ status: 'existing', external_reference: 'RMA-2' });
		expect(json[0].return_id).toBe(afterLabel(sandbox).returns()[0].id);
		expect(items[0].binary!.data.mimeType).toBe('application/pdf');
		expect(afterLabel(sandbox).returnLabelsBought()).toBe(1);
	});

	test('a re-run with the same input (no reference given) buys nothing again', async () => {
		const input = [apiReturn({ order_number: 'A-1' }), apiReturn({ order_number: 'A-2' })];
		const first = await runNode(autoMap(), input, 'manual', { executionId: '1' });
		now += 3600 * 1000;
		const again = await runNode(autoMap(), input, 'manual', { executionId: '2' });
		expect(first.json.map((j) => j.status)).toEqual(['created', 'created']);
		expect(again.json.map((j) => j.status)).toEqual(['existing', 'existing']);
		expect(again.json.map((j) => j.return_id)).toEqual(first.json.map((j) => j.return_id));
		expect(again.json[0].external_reference).toBe(derivedReturnReference(input[0]));
		expect(again.items.map((i) => i.binary?.data.mimeType)).toEqual([
			'application/pdf',
			'application/pdf',
		]);
		expect(afterLabel(sandbox).returnLabelsBought()).toBe(2);
	});

	test('a reference another return holds: an error naming it, and no second label', async () => {
		await runNode(createReturn({ externalReference: 'RMA-3' }));
		const { error } = await runNode(
			createReturn({
				externalReference: 'RMA-3',
				customerName: 'Someone Else',
				orderNumber: 'SHOP-2',
			}),
		);
		expect(error?.message).toBe(
			'Another return already uses the reference "RMA-3", and it is not this item’s return',
		);
		expect(error?.description).toContain('No return label was bought for this item');
		expect(afterLabel(sandbox).returnLabelsBought()).toBe(1);
	});

	test('the carrier refuses: the reason, nothing kept, and a corrected return goes through', async () => {
		const { error } = await runNode(
			createReturn({ externalReference: 'RMA-4', customerPostalCode: '9999 ZZ' }),
		);
		expect(error?.message).toBe(
			'Sendcloud could not create the return "RMA-4": Carrier error: postal code 9999 ZZ does not exist.',
		);
		expect(afterLabel(sandbox).returns()).toHaveLength(0);
		const { json } = await runNode(createReturn({ externalReference: 'RMA-4' }));
		expect(json[0].status).toBe('created');
	});

	test('every item is checked first: an incomplete one stops the run before any label is bought', async () => {
		const { error } = await runNode(autoMap(), [apiReturn(), { from_address: {} }]);
		expect(error?.message).toBe(
			'The return of item 1 lacks the customer’s address (from_address), the address it goes back to (to_address), a shipping option code (ship_with), a weight above 0 (weight)',
		);
		expect(error?.description).toContain('No return was created');
		expect(creates()).toEqual([]);
	});

	test('Continue On Fail: one output item per input, the bad one an error item', async () => {
		const { items } = await runNode(autoMap({}, { continueOnFail: true }), [
			apiReturn({ order_number: 'C-1' }),
			{ weight: { value: 1, unit: 'kg' } },
			apiReturn({ order_number: 'C-3', ship_with: { shipping_option_code: 'nocarrier:x' } }),
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.status).toBe('created');
		expect(String(items[1].json.error)).toContain('The return of item 1 lacks');
		expect(items[2].json.error).toMatch(
			/^Sendcloud could not create the return "n8n-[0-9a-f]{32}": Shipping option "nocarrier:x" is not available\.$/,
		);
		expect(afterLabel(sandbox).returnLabelsBought()).toBe(1);
	});
});

describe('Return → Create in the background', () => {
	test('answers at once without a label; Get shows the label once Sendcloud announced it', async () => {
		const { json, items } = await runNode(
			createReturn({ announce: 'asynchronously', externalReference: 'RMA-5' }),
		);
		expect(json[0]).toMatchObject({ status: 'created', external_reference: 'RMA-5' });
		expect(items[0].binary).toBeUndefined();
		expect(creates()).toEqual(['POST /returns 201']);
		const got = await runNode(
			returnNode({
				operation: 'get',
				returnId: byId(String(json[0].return_id)),
				downloadLabel: true,
			}),
		);
		expect(got.json[0]).toMatchObject({ parcel_status: 'Announced', is_cancellable: true });
		expect(got.items[0].binary!.data.mimeType).toBe('application/pdf');
	});

	test('a lost answer and its retry: one return', async () => {
		sandbox.injectFaults({ kind: 'applied-then-reset', method: 'POST', path: '^/api/v3/returns$' });
		const { json } = await runNode(createReturn({ announce: 'asynchronously' }));
		expect(json[0].status).toBe('existing');
		expect(creates()).toEqual(['POST /returns no answer', 'POST /returns 400']);
		expect(afterLabel(sandbox).returns()).toHaveLength(1);
	});
});
