import { makeNode, runNode } from '../../helpers/engine';
import { byId, calls, errorOf } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const senderAddressNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'senderAddress', ...parameters } as never, settings);

describe('Sender Address → Get Many', () => {
	test('Return All walks every cursor page (120 addresses, pages of 100), simplified by default', async () => {
		const { json, error } = await runNode(
			senderAddressNode({ operation: 'getAll', returnAll: true }),
		);
		expect(error).toBeUndefined();
		expect(json).toHaveLength(120);
		expect(json.map((a) => a.id)).toEqual(Array.from({ length: 120 }, (_, n) => 192 + n));
		expect(json[0]).toEqual({
			id: 192,
			name: 'Marie Doe',
			company_name: 'Sendcloud',
			address: 'Stadhuisplein 10, 2e verdieping',
			postal_code: '5611 EM',
			city: 'Eindhoven',
			country_code: 'NL',
			email: 'marie.doe@sendcloud.com',
			phone_number: '+31612345678',
		});
		const requests = calls(sandbox);
		expect(requests).toHaveLength(2);
		expect(requests[0]).toBe('GET /api/v3/addresses/sender-addresses?page_size=100');
		expect(requests[1]).toMatch(
			/^GET \/api\/v3\/addresses\/sender-addresses\?page_size=100&cursor=/,
		);
	});

	test('Limit asks for no more than it needs, and Simplify off returns the whole records', async () => {
		const { json } = await runNode(
			senderAddressNode({ operation: 'getAll', returnAll: false, limit: 3, simplify: false }),
		);
		expect(json.map((a) => a.id)).toEqual([192, 193, 194]);
		expect(json[0]).toMatchObject({
			tax_numbers: [
				{ name: 'VAT', country_code: 'NL', value: 'NL123456789B01' },
				expect.anything(),
			],
			signature: { full_name: 'Marie Doe', initials: 'MD' },
		});
		expect(calls(sandbox)).toEqual(['GET /api/v3/addresses/sender-addresses?page_size=3']);
	});
});

describe('Sender Address → Get', () => {
	test('gets one address, chosen from the list or by ID, one output item per input item', async () => {
		const node = senderAddressNode({
			operation: 'get',
			senderAddressId: { __rl: true, mode: 'list', value: '={{ $json.sender }}' },
		});
		const { json } = await runNode(node, [{ sender: 192 }, { sender: '200' }]);
		expect(json.map((a) => [a.id, a.name])).toEqual([
			[192, 'Marie Doe'],
			[200, expect.stringContaining('Store Manager')],
		]);
		expect(calls(sandbox)).toEqual([
			'GET /api/v3/addresses/sender-addresses/192',
			'GET /api/v3/addresses/sender-addresses/200',
		]);
	});

	test('an unknown ID fails with a message that says where to find one', async () => {
		const { error } = await runNode(
			senderAddressNode({ operation: 'get', senderAddressId: byId(9999) }),
		);
		expect(error?.message).toBe(
			"Sendcloud could not find sender address 9999: check the ID, or list the account's sender addresses with Sender Address → Get Many",
		);
	});

	test('an ID that is no number is refused before anything is sent; Continue On Fail keeps the item', async () => {
		const { items } = await runNode(
			senderAddressNode(
				{
					operation: 'get',
					senderAddressId: { __rl: true, mode: 'id', value: '={{ "abc" }}' },
				},
				{ continueOnFail: true },
			),
		);
		expect(errorOf(items[0]).message).toBe('"abc" is not a sender address ID');
		expect(calls(sandbox)).toEqual([]);
	});
});
