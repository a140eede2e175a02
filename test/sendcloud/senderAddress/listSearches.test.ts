/** The pick lists (list searches) of sender addresses, brands, contracts and parcel statuses, through n8n-core. */
import { listSearch, makeNode } from '../../helpers/engine';
import { calls } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const node = makeNode('sendcloud', { resource: 'parcel', operation: 'create' } as never);
const values = async (method: string, filter?: string) =>
	(await listSearch(node, method, filter)).results.map((r) => r.value);

test('sender addresses: every page is read, and the search matches name, company, city, country or ID', async () => {
	const all = await listSearch(node, 'searchSenderAddresses');
	expect(all.results).toHaveLength(120);
	expect(all.results[0]).toEqual({
		name: 'Sendcloud, Marie Doe (Stadhuisplein 10, 5611 EM Eindhoven, NL, ID 192)',
		value: '192',
	});
	const requests = calls(sandbox);
	expect(requests).toHaveLength(2);
	expect(requests[0]).toBe('GET /api/v3/addresses/sender-addresses?page_size=100');
	expect(requests[1]).toMatch(/cursor=/);

	expect(await values('searchSenderAddresses', 'eindhoven')).toEqual(['192']);
	expect(await values('searchSenderAddresses', 'ID 250')).toEqual(['250']);
	expect(await values('searchSenderAddresses', 'wien')).toHaveLength(9);
	expect(await values('searchSenderAddresses', 'nowhere at all')).toEqual([]);
});

test('brands: by name, domain or ID', async () => {
	expect((await listSearch(node, 'searchBrands')).results).toEqual([
		{ name: 'My Brand (mybrand, ID 42)', value: '42' },
		{ name: 'Outlet Store (ID 43)', value: '43' },
		{ name: 'Sendcloud B.V (sendcloud-shop, ID 44)', value: '44' },
	]);
	expect(await values('searchBrands', 'OUTLET')).toEqual(['43']);
	expect(await values('searchBrands', 'sendcloud-shop')).toEqual(['44']);
	expect(calls(sandbox)[0]).toBe('GET /api/v3/brands?page_size=100');
});

test('contracts: by carrier, name, client ID, state or ID', async () => {
	const all = await listSearch(node, 'searchContracts');
	expect(all.results[0]).toEqual({
		name: 'PostNL: PostNL main, sendcloud-1 (direct, active, NL, default, ID 517)',
		value: '517',
	});
	expect(await values('searchContracts', 'postnl')).toEqual(['517', '519']);
	expect(await values('searchContracts', 'inactive')).toEqual(['519']);
	expect(await values('searchContracts', 'broker')).toEqual(['521']);
	expect(calls(sandbox)[0]).toBe('GET /api/v3/contracts?page_size=100');
});

test('parcel statuses: by message or code, the code as the value', async () => {
	const all = await listSearch(node, 'searchParcelStatuses');
	expect(all.results).toContainEqual({
		name: 'Ready to send (READY_TO_SEND)',
		value: 'READY_TO_SEND',
	});
	expect(await values('searchParcelStatuses', 'deliv')).toEqual(['DELIVERED']);
	expect(await values('searchParcelStatuses', 'cancel')).toEqual([
		'CANCELLATION_REQUESTED',
		'CANCELLED',
	]);
	expect(calls(sandbox)[0]).toBe('GET /api/v3/parcels/statuses');
});
