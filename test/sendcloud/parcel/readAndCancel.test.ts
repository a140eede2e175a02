import { runNode } from '../../helpers/engine';
import { calls, parcelNode } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

const sandbox = useSandbox();

describe('Get, Get Many, Cancel, Return portal, Validate Address', () => {
	const shipments = (count: number) =>
		sandbox.v3.seedShipments(
			Array.from({ length: count }, (_, n) => apiShipment(`list-${n}`, { order_number: `O-${n}` })),
		);

	test('Get returns the shipment, simplified or whole', async () => {
		const [shipment] = shipments(1);
		const simple = await runNode(parcelNode({ operation: 'get', shipmentId: shipment.id }));
		expect(simple.json).toEqual([
			{
				id: shipment.id,
				external_reference_id: 'list-0',
				order_number: 'O-0',
				carrier: expect.any(String),
				shipping_option_code: 'postnl:standard',
				recipient_name: 'Piet',
				recipient_city: 'Eindhoven',
				recipient_country: 'NL',
				parcels: [
					expect.objectContaining({
						status: 'READY_TO_SEND',
						tracking_number: expect.any(String),
						tracking_url: expect.any(String),
					}),
				],
			},
		]);
		const whole = await runNode(
			parcelNode({ operation: 'get', shipmentId: shipment.id, simplify: false }),
		);
		expect(whole.json[0]).toMatchObject({ id: shipment.id, to_address: { name: 'Piet' } });
		expect(calls(sandbox)).toEqual([
			`GET /api/v3/shipments/${shipment.id}`,
			`GET /api/v3/shipments/${shipment.id}`,
		]);
	});

	test('Get Many follows the Link header across pages; a Limit asks for no more than it needs', async () => {
		shipments(130);
		const all = await runNode(parcelNode({ operation: 'getAll', returnAll: true }));
		expect(all.json).toHaveLength(130);
		expect(new Set(all.json.map((s) => s.id)).size).toBe(130);
		expect(calls(sandbox)).toEqual([
			'GET /api/v3/shipments?page_size=100',
			expect.stringMatching(/^GET \/api\/v3\/shipments\?.*cursor=/),
		]);

		sandbox.requests.length = 0;
		const some = await runNode(parcelNode({ operation: 'getAll', limit: 30 }));
		expect(some.json).toHaveLength(30);
		expect(calls(sandbox)).toEqual(['GET /api/v3/shipments?page_size=30']);
	});

	test('Get Many filters are sent as the spec names them', async () => {
		shipments(3);
		const { json } = await runNode(
			parcelNode({
				operation: 'getAll',
				returnAll: true,
				filters: {
					externalReferenceId: 'list-1',
					parcelStatus: 'READY_TO_SEND',
					announcedAfter: '2020-01-01T00:00:00Z',
				},
			}),
		);
		expect(json.map((s) => s.external_reference_id)).toEqual(['list-1']);
		expect(calls(sandbox)).toEqual([
			'GET /api/v3/shipments?parcel_status=READY_TO_SEND&external_reference_id=list-1&announced_after=2020-01-01T00%3A00%3A00.000Z&page_size=100',
		]);
	});

	test('Cancel: queued while the carrier has it, then refused with the reason', async () => {
		const [shipment] = shipments(1);
		const first = await runNode(parcelNode({ operation: 'cancel', shipmentId: shipment.id }));
		expect(first.json).toEqual([
			{
				shipment_id: shipment.id,
				cancelled: false,
				queued: true,
				status: expect.any(String),
				message: expect.any(String),
			},
		]);
		const again = await runNode(parcelNode({ operation: 'cancel', shipmentId: shipment.id }));
		expect(again.error?.message).toBe('Sendcloud answered with HTTP 409');
		expect(again.error?.description).toContain('within 42 days of its announcement');
	});

	test('Get Return Portal URL: the brand’s portal, or Sendcloud’s 404 when the brand has none', async () => {
		const [branded, plain] = sandbox.v3.seedShipments([
			apiShipment('portal-1', { brand_id: 42 }),
			apiShipment('portal-2'),
		]);
		const { json } = await runNode(
			parcelNode({ operation: 'getReturnPortalUrl', shipmentId: branded.id }),
		);
		expect(json).toEqual([
			{ shipment_id: branded.id, url: `http://mybrand.returns-portal.com/initiate/${branded.id}` },
		]);
		const { error } = await runNode(
			parcelNode({ operation: 'getReturnPortalUrl', shipmentId: plain.id }),
		);
		expect(error?.message).toBe(
			`Sendcloud has no return portal for shipment ${String(plain.id)}: the shipment does not exist, or its brand has no return portal set up in Sendcloud`,
		);
		expect(calls(sandbox)).toEqual([
			`GET /api/v3/shipments/${branded.id}/return-portal-url`,
			`GET /api/v3/shipments/${plain.id}/return-portal-url`,
		]);
	});

	test('Validate Address returns the verdict and suggestions', async () => {
		const { json } = await runNode(
			parcelNode({
				operation: 'validateAddress',
				carrierCode: 'postnl',
				addressAddressLine1: 'Stadhuisplein 10',
				addressPostalCode: '5611EM',
				addressCity: 'Eindhoven',
				addressCountryCode: 'nl',
			}),
		);
		expect(sandbox.requests[0].body).toEqual({
			carrier_code: 'postnl',
			address: {
				address_line_1: 'Stadhuisplein 10',
				postal_code: '5611EM',
				city: 'Eindhoven',
				country_code: 'NL',
			},
		});
		expect(json[0]).toHaveProperty('input_address_is_valid');
		expect(Array.isArray(json[0].results)).toBe(true);
	});

	test('an unknown shipment fails with Sendcloud’s reason; a bad ID fails before any request', async () => {
		const unknown = await runNode(parcelNode({ operation: 'get', shipmentId: 'no-such-shipment' }));
		expect(unknown.error?.message).toBe(
			'Sendcloud could not find shipment no-such-shipment: check the ID, or find shipments with Parcel & Label → Get Many',
		);
		sandbox.requests.length = 0;
		const bad = await runNode(parcelNode({ operation: 'get', shipmentId: 'a/b' }));
		expect(bad.error?.message).toBe('"a/b" is not a shipment ID');
		expect(sandbox.requests).toEqual([]);
	});
});
