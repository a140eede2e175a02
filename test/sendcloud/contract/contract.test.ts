import { makeNode, runNode } from '../../helpers/engine';
import { byId, calls } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const contractNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'contract', ...parameters } as never, settings);

describe('Contract → Get Many', () => {
	test('without filters: every contract', async () => {
		const { json, error } = await runNode(contractNode({ operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(json.map((c) => c.id)).toEqual([517, 518, 519, 520, 521]);
		expect(json[0]).toMatchObject({
			carrier: { code: 'postnl', name: 'PostNL' },
			state: 'active',
			type: 'direct',
			is_default_per_carrier: true,
		});
		expect(calls(sandbox)).toEqual(['GET /api/v3/contracts?page_size=100']);
	});

	test('the filters go to the API as the spec names them', async () => {
		const { json } = await runNode(
			contractNode({
				operation: 'getAll',
				returnAll: true,
				filters: { carrierCode: 'PostNL', isActive: 'inactive', countryCode: 'nl' },
			}),
		);
		expect(json.map((c) => c.id)).toEqual([519]);
		expect(calls(sandbox)).toEqual([
			'GET /api/v3/contracts?carrier_code=postnl&country_code=NL&is_active=false&page_size=100',
		]);
		const byName = await runNode(
			contractNode({
				operation: 'getAll',
				limit: 5,
				filters: { name: 'DHL Germany', clientId: 'dhl-4711' },
			}),
		);
		expect(byName.json.map((c) => c.id)).toEqual([518]);
	});

	test('a country that is no ISO code is refused before anything is sent', async () => {
		const { items } = await runNode(
			contractNode(
				{ operation: 'getAll', filters: { countryCode: 'Netherlands' } },
				{ continueOnFail: true },
			),
		);
		expect((items[0].error as Error).message).toBe('"NETHERLANDS" is not a country code');
		expect(calls(sandbox)).toEqual([]);
	});
});

test('Contract → Get returns one contract; an unknown one says where to look', async () => {
	const { json } = await runNode(contractNode({ operation: 'get', contractId: byId(520) }));
	expect(json[0]).toMatchObject({
		id: 520,
		state: 'validation_failed',
		error: 'Missing or invalid shipper number',
	});
	const { error } = await runNode(contractNode({ operation: 'get', contractId: byId(1) }));
	expect(error?.message).toBe(
		"Sendcloud could not find contract 1: check the ID, or list the account's contracts with Contract → Get Many",
	);
});
