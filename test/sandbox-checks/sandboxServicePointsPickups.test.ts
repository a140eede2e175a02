/**
 * The sandbox's v3 Service Points and Pickups APIs over plain HTTP: every answer must hold to the vendored specs
 * (as amended in test/sandbox/spec/NOTICE.md), and the prose rules the sandbox enforces must hold.
 */
import { testSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

const sandbox = testSandbox();
const AUTH = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;

beforeAll(async () => {
	await sandbox.listen();
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: any; link: string | null }> {
	const response = await fetch(`${sandbox.sendcloudV3BaseUrl}${path}`, {
		method,
		headers: { Authorization: AUTH, ...(body ? { 'Content-Type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const parsed = await response.json();
	const pathname = new URL(`${sandbox.sendcloudV3BaseUrl}${path}`).pathname.slice('/api/v3'.length);
	expect(
		validateV3Response({
			method,
			pathname,
			status: response.status,
			contentType: response.headers.get('content-type'),
			body: parsed,
		}),
	).toEqual([]);
	return { status: response.status, body: parsed, link: response.headers.get('link') };
}

const PICKUP = {
	carrier_code: 'ups',
	address: {
		name: 'W',
		address_line_1: 'Dam',
		house_number: '1',
		postal_code: '1012 JS',
		city: 'Amsterdam',
		country_code: 'NL',
		phone_number: '+31612345678',
	},
	time_slots: [{ start_at: '2026-12-05T09:00:00Z', end_at: '2026-12-05T12:00:00Z' }],
	quantity: 2,
	total_weight: { value: '3', unit: 'kg' },
	items: [
		{
			quantity: 2,
			container_type: 'pallet',
			destination_country_code: 'GB',
			shipping_option: 'express',
			total_weight: { value: '3', unit: 'kg' },
		},
	],
};

describe('service points', () => {
	test('searches answer in the spec’s shape; the prose’s exclusive parameters are refused', async () => {
		const near = await call(
			'GET',
			'/service-points?country_code=NL&carrier_code=postnl&address=Dam%201%20Amsterdam&radius=5000',
		);
		expect(near.status).toBe(200);
		expect(near.body.data.geocoding).toEqual({
			status: 'matched',
			precision: 'house_number',
			formatted_address: 'Dam 1, Amsterdam, Nederland',
		});
		const partly = await call(
			'GET',
			'/service-points?country_code=NL&carrier_code=postnl&address_street=Nowhere&address_postal_code=1015%20CS',
		);
		expect(partly.body.data.geocoding.status).toBe('partially_matched');
		const none = await call(
			'GET',
			'/service-points?country_code=NL&carrier_code=dhl&carrier_service_point_id=NL-00001',
		);
		expect(none.body.data).toMatchObject({
			geocoding: null,
			results: [{ id: 2000011, distance: null }],
		});
		for (const query of [
			'country_code=NL&carrier_code=dhl&use_integration_carriers=true',
			'country_code=NL&carrier_code=dhl&address=Amsterdam&latitude=52&longitude=4',
			'country_code=NL&carrier_code=dhl&latitude=52&longitude=4&radius=500&ne_latitude=52.1&ne_longitude=4.1&sw_latitude=52&sw_longitude=4',
			'country_code=NL&carrier_code=dhl&ne_latitude=53&ne_longitude=5&sw_latitude=52&sw_longitude=4',
			'country_code=NL&carrier_code=dhl&address_house_number=10',
			'country_code=XX&carrier_code=dhl',
		])
			expect((await call('GET', `/service-points?${query}`)).status).toBe(400);
	});

	test('one service point, its availability, a 404', async () => {
		expect((await call('GET', '/service-points/2000013')).body.data.is_expired).toBe(true);
		expect((await call('POST', '/service-points/2000013/check-availability')).body).toEqual({
			data: { is_available: false },
		});
		expect((await call('GET', '/service-points/42')).status).toBe(404);
	});
});

describe('pickups', () => {
	test('booked, read, listed in pages; a past window and another account’s pickup are refused', async () => {
		const created = await call('POST', '/pickups', PICKUP);
		expect([created.status, created.body]).toEqual([201, expect.anything()]);
		expect(created.body.data).toMatchObject({
			status: 'ANNOUNCING',
			tracking_number: '',
			contract_id: 10,
		});
		await call('POST', '/pickups', { ...PICKUP, carrier_code: 'dhl', items: undefined });
		const read = await call('GET', `/pickups/${created.body.data.id}`);
		expect(read.body.data.items[0].container_type).toBe('pallet');
		const page = await call('GET', '/pickups?page_size=1');
		expect(page.body.data.map((p: { id: number }) => p.id)).toEqual([300002]);
		expect(page.link).toContain('rel="next"');
		const past = await call('POST', '/pickups', {
			...PICKUP,
			time_slots: [{ start_at: '2026-11-30T09:00:00Z', end_at: '2026-11-30T12:00:00Z' }],
		});
		expect(past.status).toBe(400);
		expect(sandbox.v3.pickups.bookings()).toBe(2);
		expect(sandbox.v3.pickups.pickups('key:someone-else')).toEqual([]);
	});
});
