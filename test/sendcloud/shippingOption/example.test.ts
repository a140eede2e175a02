/**
 * examples/sendcloud-cheapest-label.json, node by node through the engine: the paid orders the trigger would emit →
 * Get Best Option (cheapest) → Create and Announce with the picked code → one print batch.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { makeNode, runNode } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const example = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../../examples/sendcloud-cheapest-label.json'), 'utf8'),
) as { nodes: Array<{ name: string; parameters: INodeParameters }> };
const parametersOf = (name: string) => example.nodes.find((node) => node.name === name)!.parameters;

test('the cheapest-label example: each paid order gets its cheapest option, a label with that code, one print batch', async () => {
	const orders = (sandbox.state.shipments.get(101) ?? [])
		.filter((order) => (order.payment_status as IDataObject).id === 'paid')
		.slice(0, 6) as IDataObject[];
	expect(new Set(orders.map((order) => order.country)).size).toBeGreaterThan(3);

	const best = await runNode(
		makeNode('sendcloud', parametersOf('Cheapest shipping option')),
		orders,
	);
	expect(best.error).toBeUndefined();
	const codes = best.json.map((j) => [j.country, (j.shipping_option as IDataObject).code]);
	expect(codes).toContainEqual(['NL', 'sandbox:letterbox']);
	expect(codes).toContainEqual(['DE', 'dpd:classic']);

	const labels = await runNode(makeNode('sendcloud', parametersOf('Create label')), best.json);
	expect(labels.error).toBeUndefined();
	const announced = sandbox.requests
		.filter((r) => r.path === '/api/v3/shipments/announce')
		.map(
			(r) =>
				(r.body as { ship_with: { properties: IDataObject } }).ship_with.properties
					.shipping_option_code,
		);
	expect(announced).toEqual(codes.map(([, code]) => code));
	expect(sandbox.v3.labelsBought()).toBe(orders.length);

	const batch = await runNode(makeNode('sendcloud', parametersOf('Print batch')), labels.json);
	expect(batch.error).toBeUndefined();
	expect(batch.items).toHaveLength(1);
	expect(batch.items[0].binary?.labels?.mimeType).toBe('application/pdf');
	expect(batch.json[0].parcel_count).toBe(orders.length);
});
