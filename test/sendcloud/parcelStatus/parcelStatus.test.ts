import { makeNode, runNode } from '../../helpers/engine';
import { calls } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const statusNode = (parameters: Record<string, unknown>) =>
	makeNode('sendcloud', { resource: 'parcelStatus', operation: 'getAll', ...parameters } as never);

test('Parcel Status → Get Many lists every status with its code and message', async () => {
	const { json, error } = await runNode(statusNode({ returnAll: true }));
	expect(error).toBeUndefined();
	expect(json).toContainEqual({ code: 'READY_TO_SEND', message: 'Ready to send' });
	expect(json).toContainEqual({ code: 'DELIVERED', message: 'Delivered' });
	expect(json.length).toBeGreaterThan(5);
	expect(calls(sandbox)).toEqual(['GET /api/v3/parcels/statuses']);
});

test('Parcel Status → Get Many with a Limit returns that many, from one request', async () => {
	const { json } = await runNode(statusNode({ returnAll: false, limit: 2 }));
	expect(json).toHaveLength(2);
	expect(calls(sandbox)).toEqual(['GET /api/v3/parcels/statuses']);
});
