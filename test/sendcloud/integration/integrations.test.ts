import { listSearch, makeNode, runNode } from '../../helpers/engine';
import { apiCalls, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const integrationNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'integration', ...parameters } as never, settings);
const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Get Many', () => {
	test('Return All lists every integration with one request', async () => {
		const { json, error } = await runNode(
			integrationNode({ operation: 'getAll', returnAll: true }),
		);
		expect(error).toBeUndefined();
		expect(json.map((i) => i.id)).toEqual([101, 102, 103]);
		expect(json[0]).toMatchObject({
			shop_name: 'Amsterdam Webshop',
			system: 'api',
			service_point_carriers: ['postnl', 'dhl'],
		});
		expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations']);
	});

	test('Limit and Sort By are applied', async () => {
		const { json } = await runNode(
			integrationNode({ operation: 'getAll', returnAll: false, limit: 2, ordering: '-shop_name' }),
		);
		expect(json.map((i) => i.shop_name)).toEqual(['Empty Test Shop', 'Berlin Store']);
		expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations?ordering=-shop_name']);
	});
});

test('Get returns one integration, chosen by ID', async () => {
	const { json } = await runNode(integrationNode({ operation: 'get', integrationId: byId(102) }));
	expect(json).toEqual([
		expect.objectContaining({
			id: 102,
			shop_name: 'Berlin Store',
			failing_since: '2026-11-19T08:00:00Z',
		}),
	]);
	expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations/102']);
});

test('Get takes the integration from each input item through an expression', async () => {
	const node = integrationNode({
		operation: 'get',
		integrationId: { __rl: true, mode: 'id', value: '={{ $json.integration }}' },
	});
	const { json } = await runNode(node, [{ integration: 101 }, { integration: 103 }]);
	expect(json.map((i) => i.id)).toEqual([101, 103]);
	expect(apiCalls(sandbox)).toEqual([
		'GET /api/v2/integrations/101',
		'GET /api/v2/integrations/103',
	]);
});

test('Update sends only the fields given, shop name included', async () => {
	const { json, error } = await runNode(
		integrationNode({
			operation: 'update',
			integrationId: byId(101),
			updateFields: { shopName: 'Amsterdam Flagship', servicePointCarriers: 'PostNL, ups' },
		}),
	);
	expect(error).toBeUndefined();
	expect(sandbox.requests.at(-1)).toMatchObject({
		method: 'PATCH',
		path: '/api/v2/integrations/101',
		body: { shop_name: 'Amsterdam Flagship', service_point_carriers: ['postnl', 'ups'] },
	});
	expect(json[0]).toMatchObject({
		shop_name: 'Amsterdam Flagship',
		service_point_carriers: ['postnl', 'ups'],
		service_point_enabled: true,
	});
});

test('Replace sends every setting and leaves out an empty webhook URL', async () => {
	const { json, error } = await runNode(
		integrationNode({
			operation: 'replace',
			integrationId: byId(102),
			shopName: 'Berlin Store',
			shopUrl: 'https://berlin.example.com',
			servicePointEnabled: true,
			servicePointCarriers: 'dhl',
			webhookActive: false,
			webhookUrl: '',
		}),
	);
	expect(error).toBeUndefined();
	expect(sandbox.requests.at(-1)).toMatchObject({
		method: 'PUT',
		path: '/api/v2/integrations/102',
		body: {
			shop_name: 'Berlin Store',
			shop_url: 'https://berlin.example.com',
			service_point_enabled: true,
			service_point_carriers: ['dhl'],
			webhook_active: false,
		},
	});
	expect(sandbox.requests.at(-1)!.body).not.toHaveProperty('webhook_url');
	expect(json[0]).toMatchObject({ webhook_url: null, service_point_carriers: ['dhl'] });
});

test('Delete answers which integration was deleted', async () => {
	const { json } = await runNode(
		integrationNode({ operation: 'delete', integrationId: byId(103) }),
	);
	expect(json).toEqual([{ deleted: true, integration_id: 103 }]);
	expect(apiCalls(sandbox)).toEqual(['DELETE /api/v2/integrations/103']);
	expect(sandbox.state.integrations.map((i) => i.id)).toEqual([101, 102]);
});

describe('input is checked before anything is sent', () => {
	test.each([
		[{ shopUrl: 'not a url' }, 'shop_url must be a full http(s) URL, got "not a url"'],
		[{ webhookUrl: 'ftp://hooks.example.com' }, 'webhook_url must be a full http(s) URL'],
		[
			{ servicePointEnabled: true, servicePointCarriers: ' , ' },
			'at least one service point carrier is needed',
		],
	])('%j is refused', async (updateFields, message) => {
		const { error } = await runNode(
			integrationNode({ operation: 'update', integrationId: byId(101), updateFields }),
		);
		expect(error?.message).toContain(message);
		expect(apiCalls(sandbox)).toEqual([]);
	});

	test('an ID that is not a positive whole number names the item', async () => {
		const node = integrationNode({
			operation: 'get',
			integrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		});
		const { error } = await runNode(node, [{ id: 101 }, { id: '-4' }]);
		expect(error?.message).toBe('"-4" is not an integration ID');
		expect((error?.context as { itemIndex?: number }).itemIndex).toBe(1);
	});

	test('with Continue On Fail, the bad item becomes an error item and the others go through', async () => {
		const node = integrationNode(
			{ operation: 'get', integrationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ onError: 'continueRegularOutput' },
		);
		const { items, error } = await runNode(node, [{ id: 101 }, { id: 'abc' }, { id: 102 }]);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe(101);
		expect(items[1].error?.message).toBe('"abc" is not an integration ID');
		expect(items[2].json.id).toBe(102);
		expect(apiCalls(sandbox)).toEqual([
			'GET /api/v2/integrations/101',
			'GET /api/v2/integrations/102',
		]);
	});
});

describe('API errors become clear messages', () => {
	test('404', async () => {
		const { error } = await runNode(
			integrationNode({ operation: 'get', integrationId: byId(999) }),
		);
		expect(error?.message).toBe(
			"Sendcloud could not find integration 999: check the ID, or list the account's integrations with Integration → Get Many",
		);
		expect(error?.description).toBe('No Integration matches the given query.');
		expect(error?.httpCode).toBe('404');
	});

	test('400 with a Python dict message is read field by field', async () => {
		// Enabling service points on an integration that has no carriers: a rule only the API can check.
		const { error } = await runNode(
			integrationNode({
				operation: 'update',
				integrationId: byId(102),
				updateFields: { servicePointEnabled: true },
			}),
		);
		expect(error?.message).toBe('Sendcloud rejected the request as invalid');
		expect(error?.description).toBe(
			'service_point_carriers: At least one carrier must be provided when service point delivery is enabled.',
		);
	});
});

test('the integration list search finds integrations by name, system or ID', async () => {
	const node = integrationNode({ operation: 'get' });
	expect(await listSearch(node, 'searchIntegrations')).toEqual({
		results: [
			{ name: 'Amsterdam Webshop (api, ID 101)', value: '101' },
			{ name: 'Berlin Store (api, ID 102)', value: '102' },
			{ name: 'Empty Test Shop (api, ID 103)', value: '103' },
		],
	});
	expect(
		(await listSearch(node, 'searchIntegrations', 'berl')).results.map((r) => r.value),
	).toEqual(['102']);
	expect(apiCalls(sandbox)).toEqual([
		'GET /api/v2/integrations?ordering=shop_name',
		'GET /api/v2/integrations?ordering=shop_name',
	]);
});
