import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { parcelNode } from '../../helpers/nodes';
import { trackingNode, v3Calls } from '../../helpers/returns';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

// Issue 20, item 1: a tracking number of a label bought in the sandbox gives a timeline that follows its parcel.
const sandbox = useSandbox();
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let now = CLOCK_START;
beforeEach(() => {
	now = CLOCK_START;
	sandbox.setClock(() => now);
});
afterAll(() => sandbox.setClock());

const buy = (reference: string) => {
	const [shipment] = sandbox.v3.seedShipments([apiShipment(reference)]);
	return ((shipment.parcels as IDataObject[])[0].tracking_number as string) ?? '';
};
const get = (trackingNumber: string, parameters: IDataObject = {}, settings = {}) =>
	trackingNode({ operation: 'get', trackingNumber, ...parameters }, settings);

describe('Tracking → Get', () => {
	test('a label just bought: ready to send, one event, its carrier, tracking URL and expected delivery', async () => {
		const number = buy('track-1');
		const { json } = await runNode(get(number));
		expect(json[0]).toMatchObject({
			tracking_number: number,
			carrier: 'postnl',
			status: 'READY_TO_SEND',
			status_description: 'Ready to send',
			last_event_at: new Date(CLOCK_START).toISOString(),
			expected_delivery_date: '2026-12-04',
			is_return: false,
			source_id: 'track-1',
			event_count: 1,
		});
		expect(String(json[0].tracking_url)).toContain(`code=${number}`);
		expect(v3Calls(sandbox, '/parcels/tracking')).toEqual([`GET /parcels/tracking/${number} 200`]);
	});

	test('the timeline follows the sandbox clock: en route after a day, delivered after three', async () => {
		const number = buy('track-2');
		now = CLOCK_START + DAY + HOUR;
		expect((await runNode(get(number))).json[0]).toMatchObject({
			status: 'EN_ROUTE_TO_SORTING_CENTER',
			event_count: 2,
		});
		now = CLOCK_START + 5 * DAY;
		const { json } = await runNode(get(number, { simplify: false }));
		const events = json[0].events as IDataObject[];
		// Newest first, each at the time the parcel reached it.
		expect(events.map((e) => [e.status_code, e.event_at])).toEqual([
			['DELIVERED', new Date(CLOCK_START + 3 * DAY).toISOString()],
			['EN_ROUTE_TO_SORTING_CENTER', new Date(CLOCK_START + DAY).toISOString()],
			['READY_TO_SEND', new Date(CLOCK_START).toISOString()],
		]);
		expect((json[0].details as IDataObject).expected_delivery_date).toBe('2026-12-04');
	});

	test('a cancelled label: ready to send, then the cancellation asked for and carried out 14 days later', async () => {
		const [shipment] = sandbox.v3.seedShipments([apiShipment('track-3')]);
		const number = (shipment.parcels as IDataObject[])[0].tracking_number as string;
		now = CLOCK_START + HOUR;
		const cancelled = await runNode(parcelNode({ operation: 'cancel', shipmentId: shipment.id }));
		expect(cancelled.json[0]).toMatchObject({ queued: true });
		expect((await runNode(get(number))).json[0].status).toBe('CANCELLATION_REQUESTED');
		now = CLOCK_START + 15 * DAY;
		const { json } = await runNode(get(number, { simplify: false }));
		expect((json[0].events as IDataObject[]).map((e) => [e.status_code, e.event_at])).toEqual([
			['CANCELLED', new Date(CLOCK_START + HOUR + 14 * DAY).toISOString()],
			['CANCELLATION_REQUESTED', new Date(CLOCK_START + HOUR).toISOString()],
			['READY_TO_SEND', new Date(CLOCK_START).toISOString()],
		]);
	});

	test('an unknown number: the error names it and where to look, and Continue On Fail keeps one item per input', async () => {
		const known = buy('track-4');
		const { items } = await runNode(
			trackingNode(
				{ operation: 'get', trackingNumber: '={{ $json.number }}' },
				{ continueOnFail: true },
			),
			[{ number: 'NOPE123' }, { number: known }, { number: 'a/b' }],
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.error).toBe(
			'Sendcloud has no parcel with tracking number NOPE123: check the number, or register a parcel bought elsewhere with Tracking → Register External Parcel',
		);
		expect(items[1].json.status).toBe('READY_TO_SEND');
		expect(items[2].json.error).toBe('"a/b" is not a tracking number');
		// The wrong number was refused before anything was sent.
		expect(v3Calls(sandbox, '/parcels/tracking')).toHaveLength(2);
	});

	test('without Continue On Fail the unknown number fails the node with its item', async () => {
		const { error } = await runNode(get('UNKNOWN-9'));
		expect(error?.message).toContain('Sendcloud has no parcel with tracking number UNKNOWN-9');
		expect(error?.description).toBe('Parcel does not exist');
	});
});
