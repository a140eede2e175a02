/** examples/sendcloud-parcel-delivered.json: a delivered parcel reaches the trigger, and its shipment has the customer. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INode } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';
import { eventsOf, eventTrigger } from './eventTriggerKit';

const sandbox = useSandbox();
const example = JSON.parse(
	readFileSync(join(__dirname, '../../../examples/sendcloud-parcel-delivered.json'), 'utf8'),
) as { nodes: INode[]; connections: Record<string, unknown> };
const nodeNamed = (name: string) => example.nodes.find((n) => n.name === name)!;

test('only the delivery starts a run, and the parcel lookup finds the customer to write to', async () => {
	const triggerNode = nodeNamed('Sendcloud Parcel Event Trigger');
	const trigger = await eventTrigger(triggerNode.parameters as never);
	try {
		await trigger.activate();
		const [shipment] = sandbox.v3.seedShipments([
			apiShipment('delivered-1', {
				order_number: 'NL-1001',
				to_address: { ...(apiShipment('x').to_address as object), email: 'piet@example.com' },
			}),
		]);
		for (let step = 0; step < 2; step++)
			sandbox.v3.advanceParcels({ shipmentId: String(shipment.id) });
		await eventsOf(sandbox).settled();
		expect(trigger.calls.map((c) => c.started)).toEqual([false, false, true]);

		const lookup = nodeNamed("Find the parcel's shipment");
		const found = await runNode(
			{
				...lookup,
				credentials: { sendcloudApi: { id: 'cred-sendcloudApi', name: 'sendcloudApi' } },
			},
			trigger.executions[0],
			'trigger',
		);
		expect(found.error).toBeUndefined();
		expect(found.json).toEqual([
			expect.objectContaining({
				id: shipment.id,
				order_number: 'NL-1001',
				to_address: expect.objectContaining({ name: 'Piet', email: 'piet@example.com' }),
			}),
		]);
		// The message node reads what the lookup returns.
		const message = nodeNamed('Message the customer');
		expect(message.parameters.toEmail).toBe('={{ $json.to_address.email }}');
		expect(Object.keys(example.connections)).toEqual([
			'Sendcloud Parcel Event Trigger',
			"Find the parcel's shipment",
		]);
	} finally {
		await trigger.close();
	}
});
