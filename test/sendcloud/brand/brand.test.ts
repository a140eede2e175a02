import { makeNode, runNode } from '../../helpers/engine';
import { byId, calls } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const brandNode = (parameters: Record<string, unknown>) =>
	makeNode('sendcloud', { resource: 'brand', ...parameters } as never);

test('Brand → Get Many lists the brands, simplified by default', async () => {
	const { json, error } = await runNode(brandNode({ operation: 'getAll', returnAll: true }));
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			id: 42,
			name: 'My Brand',
			domain: 'mybrand',
			website: 'https://mybrand.example.com',
			color: '#112857',
		},
		expect.objectContaining({ id: 43, name: 'Outlet Store', domain: null }),
		expect.objectContaining({ id: 44, name: 'Sendcloud B.V' }),
	]);
	expect(calls(sandbox)).toEqual(['GET /api/v3/brands?page_size=100']);
});

test('Brand → Get Many with a Limit, whole records', async () => {
	const { json } = await runNode(
		brandNode({ operation: 'getAll', returnAll: false, limit: 1, simplify: false }),
	);
	expect(json).toHaveLength(1);
	expect(json[0]).toMatchObject({
		id: 42,
		google_analytics_id: 'G-1234567890',
		hide_powered_by: false,
	});
	expect(json[0]).not.toHaveProperty('returnPortalUrl');
	expect(calls(sandbox)).toEqual(['GET /api/v3/brands?page_size=1']);
});

test('Brand → Get returns one brand; an unknown one says where to look', async () => {
	const { json } = await runNode(brandNode({ operation: 'get', brandId: byId(43) }));
	expect(json[0]).toMatchObject({
		id: 43,
		name: 'Outlet Store',
		website: 'https://outlet.example.com',
	});
	const { error } = await runNode(brandNode({ operation: 'get', brandId: byId(77) }));
	expect(error?.message).toBe(
		"Sendcloud could not find brand 77: check the ID, or list the account's brands with Brand → Get Many",
	);
	expect(calls(sandbox)).toEqual(['GET /api/v3/brands/43', 'GET /api/v3/brands/77']);
});
