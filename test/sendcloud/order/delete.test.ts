import { runNode } from '../../helpers/engine';
import { byId, shipmentNode } from '../../helpers/nodes';
import { apiCalls, useSandbox } from '../../helpers/sandbox';

// Integration 101 holds 315 seeded orders, 102 holds 35, 103 none; the sandbox serves 100 a page.
const sandbox = useSandbox();

describe('Delete', () => {
	test('by shipment UUID', async () => {
		const target = sandbox.state.shipments.get(101)![5];
		const { json } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: target.shipment_uuid,
			}),
		);
		expect(json).toEqual([
			{ deleted: true, integration_id: 101, shipment_uuid: target.shipment_uuid },
		]);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v2/integrations/101/shipments/delete',
			body: { shipment_uuid: target.shipment_uuid },
		});
		expect(
			sandbox.state.shipments.get(101)!.some((s) => s.shipment_uuid === target.shipment_uuid),
		).toBe(false);
	});

	test('by external order ID, for an order that is not split', async () => {
		const { json } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'externalIds',
				externalOrderId: '100000',
				externalShipmentId: '',
			}),
		);
		expect(json).toEqual([
			{
				deleted: true,
				integration_id: 101,
				external_order_id: '100000',
				external_shipment_id: null,
			},
		]);
		expect(sandbox.requests[0].body).toEqual({
			external_order_id: '100000',
			external_shipment_id: '',
		});
	});

	test('an order Sendcloud does not have', async () => {
		const { error } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: '6b436cb2-65a4-482c-9d25-38be7868ff00',
			}),
		);
		expect(error?.message).toBe(
			'Sendcloud has no such order in integration 101: check the shipment UUID, or the external order and shipment IDs (list the orders with Order → Get Many)',
		);
		expect(error?.description).toContain('No ShipmentBlob matches the given query.');
	});

	test('a malformed UUID is refused before sending', async () => {
		const { error } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: '123',
			}),
		);
		expect(error?.message).toBe('"123" is not a shipment UUID');
		expect(apiCalls(sandbox)).toEqual([]);
	});
});
