import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { afterLabel, trackingNode, v3Calls } from '../../helpers/returns';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';
import { derivedSourceId } from '../../../nodes/Sendcloud/actions/tracking/register.operation';

// Issue 20, item 1: a parcel bought elsewhere, registered for tracking; a repeat registers nothing twice.
const sandbox = useSandbox();
const DAY = 24 * 3600 * 1000;
let now = CLOCK_START;
beforeEach(() => {
	now = CLOCK_START;
	sandbox.setClock(() => now);
});
afterAll(() => sandbox.setClock());

const FIELDS = {
	operation: 'register',
	dataMode: 'defineBelow',
	trackingNumber: 'JVGL0001',
	carrierCode: 'PostNL',
	announcedAt: '2026-11-30T10:00:00Z',
	contractId: 517,
	senderPostalCode: '5611 EM',
	senderCountryCode: 'nl',
	recipientPostalCode: '1015 CS',
	recipientCountryCode: 'NL',
	additionalFields: {
		recipientName: 'Jan Jansen',
		orderNumber: 'SHOP-9',
		trackingUrl: 'https://t.example/JVGL0001',
	},
};
const register = (parameters: IDataObject = {}, settings = {}) =>
	trackingNode({ ...FIELDS, ...parameters }, settings);

describe('Tracking → Register External Parcel', () => {
	test('the request holds to the spec, with a source ID derived from the carrier and number', async () => {
		const { json } = await runNode(register());
		const sourceId = derivedSourceId('postnl', 'JVGL0001');
		expect(json[0]).toMatchObject({ status: 'created', created: true, source_id: sourceId });
		expect(afterLabel(sandbox).registeredParcels()).toEqual([
			{
				tracking_number: {
					carrier_code: 'postnl',
					tracking_number: 'JVGL0001',
					tracking_url: 'https://t.example/JVGL0001',
				},
				announced_at: '2026-11-30T10:00:00.000Z',
				ship_with: { type: 'contract', properties: { contract_id: 517 } },
				from_address: { postal_code: '5611 EM', country_code: 'NL' },
				to_address: { name: 'Jan Jansen', postal_code: '1015 CS', country_code: 'NL' },
				source_id: sourceId,
				shipment: { source_id: sourceId, order: { source_id: 'SHOP-9', order_number: 'SHOP-9' } },
			},
		]);
	});

	test('a re-run registers nothing twice: the parcel comes back as existing', async () => {
		await runNode(register(), [{}], 'manual', { executionId: '1' });
		const { json } = await runNode(register(), [{}], 'manual', { executionId: '2' });
		expect(json[0]).toMatchObject({ status: 'existing', created: false });
		expect(afterLabel(sandbox).registeredParcels()).toHaveLength(1);
	});

	test('an answer lost after Sendcloud registered it: the retry gets it back as existing', async () => {
		sandbox.injectFaults({
			kind: 'applied-then-reset',
			method: 'POST',
			path: '^/api/v3/parcels/tracking$',
		});
		const { json, error } = await runNode(register());
		expect(error).toBeUndefined();
		expect(json[0].status).toBe('existing');
		expect(v3Calls(sandbox, '/parcels/tracking')).toEqual([
			'POST /parcels/tracking no answer',
			'POST /parcels/tracking 200',
		]);
		expect(afterLabel(sandbox).registeredParcels()).toHaveLength(1);
	});

	test('a 409 race (registered at the same moment by another request) is asked again once', async () => {
		sandbox.injectFaults({ kind: '409', method: 'POST', path: '^/api/v3/parcels/tracking$' });
		const { json } = await runNode(register());
		expect(json[0].status).toBe('created');
		expect(v3Calls(sandbox, '/parcels/tracking')).toEqual([
			'POST /parcels/tracking 409',
			'POST /parcels/tracking 200',
		]);
	});

	test('a number Sendcloud already tracks under another source ID: a clear error, nothing registered', async () => {
		await runNode(register({ sourceId: 'first' }));
		const { error } = await runNode(register({ sourceId: 'second' }));
		expect(error?.message).toBe(
			'Sendcloud already tracks tracking number JVGL0001 under another source ID, or as a label bought through Sendcloud',
		);
		expect(afterLabel(sandbox).registeredParcels()).toHaveLength(1);
	});

	test('the registered parcel is then tracked, moving on with the sandbox clock', async () => {
		await runNode(register({ announcedAt: new Date(CLOCK_START).toISOString() }));
		now = CLOCK_START + 2 * DAY;
		const { json } = await runNode(trackingNode({ operation: 'get', trackingNumber: 'JVGL0001' }));
		expect(json[0]).toMatchObject({
			status: 'EN_ROUTE_TO_SORTING_CENTER',
			carrier: 'postnl',
			tracking_url: 'https://t.example/JVGL0001',
			event_count: 2,
		});
	});

	test('Auto-Map: each item is the API request; an incomplete one is refused before sending, one item per input', async () => {
		const item = {
			tracking_number: { carrier_code: 'dhl', tracking_number: 'DHL-77' },
			announced_at: '2026-11-30T08:00:00Z',
			ship_with: { type: 'contract', properties: { contract_id: 9 } },
			from_address: { postal_code: '10115', country_code: 'DE' },
			to_address: { postal_code: '1015 CS', country_code: 'NL' },
			source_id: 'fulfilment-77',
		};
		const { items } = await runNode(
			trackingNode(
				{ operation: 'register', dataMode: 'autoMapInputData' },
				{ continueOnFail: true },
			),
			[item, { tracking_number: { tracking_number: 'X' } }],
		);
		expect(items[0].json).toMatchObject({ status: 'created', source_id: 'fulfilment-77' });
		expect(items[1].json.error).toBe(
			'The parcel of item 1 lacks a carrier code, when it was announced (announced_at), a contract (ship_with), the sender’s postal code, the recipient’s postal code',
		);
		expect(v3Calls(sandbox, '/parcels/tracking')).toHaveLength(1);
	});
});
