import type { IDataObject } from 'n8n-workflow';

import { listSearch, runNode } from '../../helpers/engine';
import { announces, byId, create } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

// Issue 19: Parcel → Create and Announce delivers to a service point picked near the recipient.
const sandbox = useSandbox();

const toServicePoint = (servicePointId: unknown, parameters: IDataObject = {}, settings = {}) =>
	create(
		{ deliverToServicePoint: true, servicePointId, downloadLabel: false, ...parameters },
		settings,
	);

describe('Create and Announce to a service point', () => {
	test('the shipment carries to_service_point with the Sendcloud ID, and the answer names the carrier’s ID', async () => {
		const { json } = await runNode(toServicePoint(byId(2000001), { orderNumber: 'SP-1' }));
		expect((announces(sandbox)[0].body as IDataObject).to_service_point).toEqual({ id: '2000001' });
		expect(json[0]).toMatchObject({ status: 'created' });
		const [shipment] = sandbox.v3.shipments();
		expect(shipment.to_service_point).toEqual({
			id: '2000001',
			carrier_service_point_id: 'NL-204131',
		});
		expect(sandbox.v3.labelsBought()).toBe(1);
	});

	test('off (the default): no to_service_point is sent', async () => {
		await runNode(create({ downloadLabel: false }));
		expect(announces(sandbox)[0].body).not.toHaveProperty('to_service_point');
	});

	test('another service point is another shipment: a re-run to a new point buys a new label', async () => {
		await runNode(toServicePoint(byId(2000001)), [{}], 'manual', { executionId: '1' });
		const same = await runNode(toServicePoint(byId(2000001)), [{}], 'manual', { executionId: '2' });
		const moved = await runNode(toServicePoint(byId(2000003)), [{}], 'manual', {
			executionId: '3',
		});
		expect(same.json[0].status).toBe('existing');
		expect(moved.json[0].status).toBe('created');
		expect(sandbox.v3.labelsBought()).toBe(2);
	});

	test('a wrong ID fails before anything is bought; Sendcloud refuses a point of another carrier', async () => {
		const { items } = await runNode(
			toServicePoint(byId('={{ $json.point }}'), {}, { continueOnFail: true }),
			[{ point: 'shop 7' }, { point: 2000002 }],
		);
		expect(items[0].json.error).toBe('"shop 7" is not a service point ID');
		expect(items[1].json.error).toBe('Sendcloud rejected the request as invalid');
		expect((items[1].error as Error & { description?: string }).description).toContain(
			'to_service_point.id: Service point 2000002 belongs to carrier "dhl"',
		);
		expect(sandbox.v3.labelsBought()).toBe(0);
	});

	test('From List: the shipping option’s carrier’s service points near the recipient’s postal code', async () => {
		const picker = toServicePoint({ __rl: true, mode: 'list', value: '' });
		const { results } = await listSearch(picker, 'searchServicePoints');
		// Nearest first, PostNL only: Amsterdam's, then Utrecht's and Eindhoven's.
		expect(results.map((r) => r.value)).toEqual([
			'2000001',
			'2000003',
			'2000006',
			'2000021',
			'2000012',
		]);
		expect(results[0].name).toBe(
			'Primera Kalverstraat: Kalverstraat 12, 1012 PC Amsterdam (PostNL, 715 m)',
		);
		const query = decodeURIComponent(
			sandbox.requests.find((r) => r.path === '/api/v3/service-points')!.query,
		);
		expect(query).toBe(
			'?country_code=NL&carrier_code=postnl&address_postal_code=1015 CS&address_city=Amsterdam&limit=50',
		);
	});
});
