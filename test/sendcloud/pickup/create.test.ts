import type { IDataObject } from 'n8n-workflow';

import { makeNode, runNode } from '../../helpers/engine';
import { CLOCK_START, useSandbox } from '../../helpers/sandbox';

// Issue 19: a pickup is a paid carrier visit, booked at most once per item across lost answers and re-runs.
const sandbox = useSandbox();

const pickup = (parameters: IDataObject = {}, settings = {}) =>
	makeNode(
		'sendcloud',
		{
			resource: 'pickup',
			operation: 'create',
			carrierCode: 'dhl_express',
			name: 'Jan Jansen',
			addressLine1: 'Keizersgracht',
			houseNumber: '100',
			postalCode: '1015 CS',
			city: 'Amsterdam',
			countryCode: 'nl',
			startAt: '2026-12-03T09:00:00Z',
			endAt: '2026-12-03T12:00:00Z',
			quantity: 3,
			totalWeight: 4.5,
			additionalFields: { phoneNumber: '+31612345678', email: 'jan@example.com' },
			...parameters,
		} as never,
		settings,
	);
const posts = () =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/pickups');
const bookings = () => sandbox.v3.pickups.bookings();
const errorOf = (item: { error?: unknown }) =>
	item.error as Error & { description?: string; context?: IDataObject };

describe('booking', () => {
	test('the request holds to the spec; the pickup comes back with outcome "created"', async () => {
		const { json } = await runNode(
			pickup({
				additionalFields: {
					phoneNumber: '+31612345678',
					reference: 'PO-7',
					specialInstructions: 'Ring twice',
				},
			}),
		);
		expect(posts()[0].body).toEqual({
			carrier_code: 'dhl_express',
			address: {
				name: 'Jan Jansen',
				address_line_1: 'Keizersgracht',
				house_number: '100',
				postal_code: '1015 CS',
				city: 'Amsterdam',
				country_code: 'NL',
				phone_number: '+31612345678',
			},
			time_slots: [{ start_at: '2026-12-03T09:00:00Z', end_at: '2026-12-03T12:00:00Z' }],
			quantity: 3,
			total_weight: { value: '4.5', unit: 'kg' },
			items: [
				{ quantity: 3, container_type: 'parcel', total_weight: { value: '4.5', unit: 'kg' } },
			],
			reference: 'PO-7',
			special_instructions: 'Ring twice',
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			outcome: 'created',
			id: 300001,
			carrier_code: 'dhl_express',
			reference: 'PO-7',
		});
		expect(bookings()).toBe(1);
	});

	test('a time with an offset is sent in UTC', async () => {
		await runNode(
			pickup({ startAt: '2026-12-03T09:00:00+01:00', endAt: '2026-12-03T12:30:00+01:00' }),
		);
		expect((posts()[0].body as IDataObject).time_slots).toEqual([
			{ start_at: '2026-12-03T08:00:00Z', end_at: '2026-12-03T11:30:00Z' },
		]);
	});

	test('a time without an offset is read in the workflow’s time zone', async () => {
		await runNode(
			pickup({ startAt: '2026-12-03T09:00:00', endAt: '2026-12-03T12:00:00' }),
			[{}],
			'manual',
			{ timezone: 'Europe/Amsterdam' },
		);
		expect((posts()[0].body as IDataObject).time_slots).toEqual([
			{ start_at: '2026-12-03T08:00:00Z', end_at: '2026-12-03T11:00:00Z' },
		]);
	});

	test('pallets for DHL; another carrier’s pallets are refused before sending', async () => {
		const { items } = await runNode(
			pickup(
				{
					carrierCode: '={{ $json.carrier }}',
					additionalFields: { phoneNumber: '+31612345678', containerType: 'pallet' },
				},
				{ continueOnFail: true },
			),
			[{ carrier: 'dhl' }, { carrier: 'dpd' }],
		);
		expect(items.map((item) => item.json.error ?? item.json.outcome)).toEqual([
			'created',
			'DPD does not collect pallets',
		]);
		expect(((posts()[0].body as IDataObject).items as IDataObject[])[0].container_type).toBe(
			'pallet',
		);
	});

	test('a carrier’s own requirements are checked before anything is sent; Continue On Fail gives one item per input', async () => {
		const { items } = await runNode(
			pickup(
				{
					carrierCode: '={{ $json.carrier }}',
					countryCode: '={{ $json.country }}',
					additionalFields: { phoneNumber: '={{ $json.phone }}' },
				},
				{ continueOnFail: true },
			),
			[
				{ carrier: 'brt', country: 'IT', phone: '+39061234567' },
				{ carrier: 'dhl_express', country: 'NL', phone: '' },
				{ carrier: 'fedex', country: 'NL', phone: '+31612345678' },
				{ carrier: 'dhl_express', country: 'NL', phone: '+31612345678' },
			],
		);
		expect(items.map((item) => item.json.error ?? item.json.outcome)).toEqual([
			'The pickup address lacks state_province_code',
			'The pickup address lacks phone_number',
			'FedEx pickups need origin_detail: give it in Other Fields (JSON)',
			'created',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(posts()).toHaveLength(1);
	});
});

describe('at most one carrier visit', () => {
	test('the same input run again returns the pickup as "existing" and books nothing', async () => {
		const first = await runNode(pickup(), [{}], 'manual', { executionId: '1' });
		const again = await runNode(pickup(), [{}], 'manual', { executionId: '2' });
		expect(again.json[0]).toMatchObject({ outcome: 'existing', id: first.json[0].id });
		expect(posts()).toHaveLength(1);
		expect(bookings()).toBe(1);
	});

	test('two items asking for the same visit in one run: booked once', async () => {
		const { json } = await runNode(pickup(), [{}, {}]);
		expect(json.map((j) => j.outcome)).toEqual(['created', 'existing']);
		expect(json[1].id).toBe(json[0].id);
		expect(bookings()).toBe(1);
	});

	test('a visit already booked with other contents fails the item and books nothing, unless asked to', async () => {
		await runNode(pickup());
		const { error } = await runNode(pickup({ quantity: 5 }));
		expect(error?.message).toBe(
			'A pickup with the same carrier, address and time window is already booked (pickup 300001, ANNOUNCING): it differs in 3 parcels instead of 5',
		);
		expect(error?.description).toContain('Nothing was booked');
		expect(bookings()).toBe(1);
		const { json } = await runNode(pickup({ quantity: 5, allowDuplicate: true }));
		expect(json[0]).toMatchObject({ outcome: 'created', id: 300002 });
		expect(bookings()).toBe(2);
	});

	test('another window, address or carrier is another visit', async () => {
		await runNode(pickup());
		const { json } = await runNode(
			pickup({ startAt: '2026-12-04T09:00:00Z', endAt: '2026-12-04T12:00:00Z' }),
		);
		const other = await runNode(pickup({ carrierCode: 'dpd' }));
		expect(json[0].outcome).toBe('created');
		expect(other.json[0].outcome).toBe('created');
		expect(bookings()).toBe(3);
	});

	test('a failed pickup does not block booking again', async () => {
		await runNode(pickup({ postalCode: sandbox.v3.pickups.refusedPostalCode }));
		sandbox.setClock(() => CLOCK_START + 5 * 60_000);
		const { json } = await runNode(pickup({ postalCode: sandbox.v3.pickups.refusedPostalCode }));
		sandbox.setClock();
		expect(json[0]).toMatchObject({ outcome: 'created', id: 300002 });
		expect(sandbox.v3.pickups.pickups().map((p) => p.status)).toEqual(['FAILED', 'ANNOUNCING']);
		expect(bookings()).toBe(2);
	});
});

describe('a lost answer', () => {
	test('booked, then the connection dropped: the booking is found, never sent again', async () => {
		sandbox.injectFaults({ kind: 'applied-then-reset', method: 'POST', path: '^/api/v3/pickups$' });
		const { json } = await runNode(pickup());
		expect(json[0]).toMatchObject({ outcome: 'created', answer_lost: true, id: 300001 });
		expect(posts()).toHaveLength(1);
		expect(bookings()).toBe(1);
		// And a re-run after that finds it too.
		const again = await runNode(pickup(), [{}], 'manual', { executionId: 'rerun' });
		expect(again.json[0]).toMatchObject({ outcome: 'existing', id: 300001 });
		expect(bookings()).toBe(1);
	});

	test('dropped before booking: the item fails saying the pickup may have been booked; a re-run then books it once', async () => {
		sandbox.injectFaults({ kind: 'reset', method: 'POST', path: '^/api/v3/pickups$' });
		const { error } = await runNode(pickup());
		expect(error?.message).toBe(
			"The pickup may have been booked: Sendcloud's answer was lost: the connection dropped before it came, and no matching pickup is listed yet",
		);
		expect(error?.description).toContain('Check the account');
		expect(posts()).toHaveLength(1);
		expect(bookings()).toBe(0);
		// Once checked (nothing is listed), running again books it, once.
		const { json } = await runNode(pickup(), [{}], 'manual', { executionId: 'after-check' });
		expect(json[0]).toMatchObject({ outcome: 'created' });
		expect(posts()).toHaveLength(2);
		expect(bookings()).toBe(1);
	});

	test('a 502 after sending: not repeated; the item says the pickup may have been booked', async () => {
		sandbox.injectFaults({ kind: '502', method: 'POST', path: '^/api/v3/pickups$' });
		const { items } = await runNode(pickup({}, { continueOnFail: true }));
		const error = errorOf(items[0]);
		expect(error.message).toMatch(
			/^The pickup may have been booked: .*no matching pickup is listed yet$/,
		);
		expect(error.description).toContain(
			'DHL Express, 2026-12-03T09:00:00Z to 2026-12-03T12:00:00Z, Keizersgracht 100, 1015 CS Amsterdam',
		);
		expect(error.description).toContain('It was not sent again');
		expect(error.context?.pickup_may_be_booked).toBe(true);
		expect(posts()).toHaveLength(1);
		expect(bookings()).toBe(0);
	});
});
