import type { IDataObject } from 'n8n-workflow';

import { listSearch, makeNode, runNode } from '../../helpers/engine';
import { byId } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

// Issue 19: service points near an address, a postal code or coordinates; one by ID; availability.
const sandbox = useSandbox();

const node = (parameters: IDataObject, settings = {}) =>
	makeNode('sendcloud', { resource: 'servicePoint', ...parameters } as never, settings);
const getAll = (parameters: IDataObject, settings = {}) =>
	node({ operation: 'getAll', countryCode: 'NL', ...parameters }, settings);
const v3Calls = () =>
	sandbox.requests
		.filter((r) => r.path.startsWith('/api/v3'))
		.map((r) => `${r.method} ${r.path}${decodeURIComponent(r.query)}`);

describe('Get Many', () => {
	test('near a postal code, within a radius, for two carriers: nearest first, distances from the coordinates', async () => {
		const { json } = await runNode(
			getAll({
				carriers: ['postnl', 'dhl'],
				searchNear: 'structured',
				postalCode: '1015 CS',
				city: 'Amsterdam',
				radius: 1000,
			}),
		);
		expect(v3Calls()).toEqual([
			'GET /api/v3/service-points?country_code=NL&carrier_code=postnl&carrier_code=dhl&address_postal_code=1015 CS&address_city=Amsterdam&radius=1000&limit=50',
		]);
		expect(json.map((p) => [p.id, p.carrier, p.distance_m])).toEqual([
			[2000005, 'dhl', 99],
			[2000001, 'postnl', 715],
		]);
		expect(json[0]).toEqual({
			id: 2000005,
			name: 'DHL Parcel Locker Keizersgracht',
			carrier: 'dhl',
			carrier_name: 'DHL',
			carrier_service_point_id: 'NL-LOCK-1015',
			type: 'locker',
			address: 'Keizersgracht 120, 1015 CW Amsterdam, NL',
			distance_m: 99,
			latitude: 52.3765,
			longitude: 4.8862,
			opening_hours: 'Mon-Sun 00:00-23:59',
			is_open_tomorrow: true,
			next_open_at: expect.any(String),
			is_expired: false,
		});
		// Distances are the great-circle distances from the geocoded postal code, as the sandbox computes them.
		const reference = { latitude: 52.376, longitude: 4.885 };
		const locker = sandbox.v3.servicePoints.all().find((p) => p.id === 2000005)!;
		expect(sandbox.v3.servicePoints.distanceM(reference, locker.position as IDataObject)).toBe(99);
	});

	test('near coordinates, the carriers of the integration, a limit; opening hours grouped by day', async () => {
		const { json } = await runNode(
			getAll({ searchNear: 'coordinates', latitude: 52.3731, longitude: 4.8926, limit: 3 }),
		);
		expect(v3Calls()[0]).toBe(
			'GET /api/v3/service-points?country_code=NL&use_integration_carriers=true&latitude=52.3731&longitude=4.8926&limit=3',
		);
		expect(json).toHaveLength(3);
		expect(json.map((p) => p.carrier).every((c) => c === 'postnl' || c === 'dhl')).toBe(true);
		const distances = json.map((p) => p.distance_m as number);
		expect([...distances].sort((a, b) => a - b)).toEqual(distances);
		const shop = json.find((p) => p.id === 2000002);
		expect(shop?.opening_hours).toBe(
			'Mon 09:00-12:30, 13:30-18:00; Tue-Fri 09:00-12:30; Sat 10:00-16:00; Sun closed',
		);
	});

	test('a free-text address, Return All, whole records; an expired service point is not offered', async () => {
		const { json } = await runNode(
			getAll({
				carriers: ['dpd', 'postnl', 'dhl'],
				address: 'Stadhuisplein 10, Eindhoven',
				returnAll: true,
				simplify: false,
			}),
		);
		expect(v3Calls()[0]).toContain('limit=200');
		expect(json.slice(0, 2).map((p) => p.id)).toEqual([2000011, 2000012]);
		// Sendcloud returns only fresh records around a place: DPD Pickup Strijp (Eindhoven) is expired.
		expect(json.map((p) => p.id)).not.toContain(2000013);
		expect(json).toHaveLength(9);
		expect(json[0]).toMatchObject({
			carrier: { code: 'dhl', name: 'DHL' },
			position: { latitude: 51.438022, longitude: 5.478543 },
			opening_times: { saturday: null },
			distance: expect.any(Number),
		});
	});

	test('a map area, filtered by type', async () => {
		const { json } = await runNode(
			getAll({
				carriers: ['postnl', 'dhl', 'dpd', 'ups'],
				searchNear: 'box',
				neLatitude: 52.39,
				neLongitude: 4.91,
				swLatitude: 52.36,
				swLongitude: 4.87,
				filters: { generalShopTypes: ['locker'] },
			}),
		);
		expect(json.map((p) => p.id).sort()).toEqual([2000003, 2000005]);
		expect(json.every((p) => p.distance_m === null)).toBe(true);
	});

	test('an address Sendcloud cannot locate is an error, not an empty list', async () => {
		const { items } = await runNode(
			getAll(
				{ carriers: ['postnl'], address: 'Nowhere Lane 1, Atlantis' },
				{ continueOnFail: true },
			),
		);
		expect(items[0].json.error).toBe(
			'Sendcloud could not locate the address to search near (Nowhere Lane 1, Atlantis, NL)',
		);
	});

	test('input the API would refuse fails before anything is sent, one error item per input item', async () => {
		const { items } = await runNode(
			node(
				{
					operation: 'getAll',
					countryCode: '={{ $json.country }}',
					searchNear: 'coordinates',
					latitude: 52.37,
					longitude: 4.89,
					radius: '={{ $json.radius }}',
				},
				{ continueOnFail: true },
			),
			[
				{ country: 'Netherlands', radius: 500 },
				{ country: 'NL', radius: 50 },
				{ country: 'NL', radius: 500 },
			],
		);
		expect(items.slice(0, 2).map((item) => item.json.error)).toEqual([
			'"Netherlands" is not a country code',
			'A radius of 50 m is out of range',
		]);
		const found = items.slice(2);
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((item) => item.json.error === undefined)).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			...found.map(() => ({ item: 2 })),
		]);
		expect(v3Calls()).toHaveLength(1);
	});

	test('an unsupported carrier: Sendcloud’s message names it', async () => {
		const { error } = await runNode(getAll({ carriers: ['bpost'], address: 'Amsterdam' }));
		expect(error?.message).toBe('Sendcloud rejected the request as invalid');
		expect(error?.description).toContain(
			'Service points are not supported for the requested carriers: bpost.',
		);
	});
});

describe('Get and Check Availability', () => {
	test('Get by ID: an expired service point is still returned, saying so', async () => {
		const { json } = await runNode(node({ operation: 'get', servicePointId: byId(2000013) }));
		expect(json[0]).toMatchObject({
			id: 2000013,
			carrier: 'dpd',
			is_expired: true,
			distance_m: null,
		});
	});

	test('Get of an unknown ID fails with a 404', async () => {
		const { error } = await runNode(node({ operation: 'get', servicePointId: byId(1) }));
		expect(error?.message).toBe(
			'Sendcloud could not find service point 1: check the ID, or find service points near an address with Service Point → Get Many',
		);
	});

	test('Check Availability: one output item per input item', async () => {
		const { json } = await runNode(
			node({ operation: 'checkAvailability', servicePointId: byId('={{ $json.id }}') }),
			[{ id: 2000005 }, { id: 2000004 }],
		);
		expect(json).toEqual([
			{ id: 2000005, is_available: true },
			{ id: 2000004, is_available: false },
		]);
		expect(v3Calls()).toEqual([
			'POST /api/v3/service-points/2000005/check-availability',
			'POST /api/v3/service-points/2000004/check-availability',
		]);
	});

	test('a lost answer to Check Availability is asked again (it only reads)', async () => {
		sandbox.injectFaults({ kind: 'reset', method: 'POST', path: 'check-availability' });
		const { json } = await runNode(
			node({ operation: 'checkAvailability', servicePointId: byId(2000005) }),
		);
		expect(json).toEqual([{ id: 2000005, is_available: true }]);
		expect(v3Calls()).toHaveLength(2);
	});

	test('From List: service points near what is typed, in the Search Country Code', async () => {
		const picker = node({
			operation: 'get',
			searchCountryCode: 'DE',
			servicePointId: { __rl: true, mode: 'list', value: '' },
		});
		const { results } = await listSearch(
			picker,
			'searchServicePoints',
			'Friedrichstraße 40 Berlin',
		);
		expect(results[0]).toEqual({
			name: 'Packstation 101: Friedrichstraße 50, 10117 Berlin (DHL, 723 m)',
			value: '2000031',
		});
		expect(v3Calls()[0]).toContain(
			'country_code=DE&use_integration_carriers=true&address=Friedrichstraße 40 Berlin',
		);
	});
});
