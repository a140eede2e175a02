/**
 * The sandbox's v3 account data (sender addresses, brands, contracts, parcel statuses) over plain HTTP: every
 * answer is checked against the vendored specs (as amended in test/sandbox/spec/NOTICE.md).
 */
import { testSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

const sandbox = testSandbox();
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;

beforeAll(async () => {
	await sandbox.listen();
});
beforeEach(() => sandbox.reset());
afterEach(() => {
	// A test that sends a wrong request on purpose takes its violation out.
	expect(sandbox.violations).toEqual([]);
});
afterAll(async () => {
	await sandbox.close();
});

/** One GET (a path, or a next link's full URL); its answer must hold to the spec. */
async function get(pathOrUrl: string) {
	const url = pathOrUrl.startsWith('http')
		? pathOrUrl
		: `${sandbox.sendcloudV3BaseUrl}${pathOrUrl}`;
	const response = await fetch(url, { headers: { Authorization: API_KEY } });
	const contentType = response.headers.get('content-type') ?? '';
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const body = (await response.json()) as any;
	const pathname = new URL(url).pathname.slice('/api/v3'.length);
	expect(
		validateV3Response({ method: 'GET', pathname, status: response.status, contentType, body }),
	).toEqual([]);
	return { status: response.status, body, link: response.headers.get('link') };
}

const nextOf = (link: string | null) => /<([^>]*)>; rel="next"/.exec(link ?? '')?.[1];

test('sender addresses: 120 over cursor pages of at most 100, each page valid, in ID order', async () => {
	const first = await get('/addresses/sender-addresses?page_size=100');
	expect(first.body.data).toHaveLength(100);
	expect(first.body.data[0]).toMatchObject({ id: 192, name: 'Marie Doe', postal_code: '5611 EM' });
	const next = nextOf(first.link);
	expect(next).toMatch(
		/^http:\/\/127\.0\.0\.1:\d+\/api\/v3\/addresses\/sender-addresses\?page_size=100&cursor=/,
	);
	const second = await get(next!);
	expect(second.body.data.map((a: { id: number }) => a.id)).toEqual(
		Array.from({ length: 20 }, (_, n) => 292 + n),
	);
	expect(nextOf(second.link)).toBeUndefined();
	expect(second.link).toMatch(/rel="prev"/);
	// Without page_size: the sandbox's default of 40.
	expect((await get('/addresses/sender-addresses')).body.data).toHaveLength(40);
});

test('a page size over the spec’s maximum is refused and reported', async () => {
	const { status, body } = await get('/addresses/sender-addresses?page_size=101');
	expect(status).toBe(400);
	expect(body.errors[0]).toMatchObject({ code: 'invalid', source: { parameter: 'page_size' } });
	expect(sandbox.violations).toHaveLength(1);
	sandbox.violations.length = 0;
});

test('one record by ID, and a 404 in the errors shape for each resource', async () => {
	expect((await get('/addresses/sender-addresses/192')).body.data.signature).toEqual({
		full_name: 'Marie Doe',
		initials: 'MD',
	});
	expect((await get('/brands/42')).body.data).toMatchObject({ id: 42, domain: 'mybrand' });
	expect((await get('/contracts/517')).body.data).toMatchObject({ id: 517, country_code: 'NL' });
	for (const path of ['/addresses/sender-addresses/1', '/brands/1', '/contracts/1']) {
		const { status, body } = await get(path);
		expect(status).toBe(404);
		expect(body.errors[0]).toMatchObject({ status: '404', code: 'not_found' });
	}
});

test('brands list without the sandbox’s own fields; contracts filtered as the spec describes', async () => {
	const brands = await get('/brands');
	expect(brands.body.data.map((b: { id: number }) => b.id)).toEqual([42, 43, 44]);
	expect(JSON.stringify(brands.body)).not.toContain('returnPortalUrl');
	const ids = async (query: string) =>
		(await get(`/contracts?${query}`)).body.data.map((c: { id: number }) => c.id);
	expect(await ids('is_active=true')).toEqual([517, 518, 521]);
	expect(await ids('is_active=false&carrier_code=postnl')).toEqual([519]);
	expect(await ids('name=postnl%20main')).toEqual([]);
	expect(await ids('name=PostNL%20main')).toEqual([517]);
	expect(await ids('country_code=DE')).toEqual([518]);
	expect(await ids('client_id=ups-0815')).toEqual([520]);
});

test('parcel statuses: one list of codes and messages, with the statuses shipments take', async () => {
	const { body, link } = await get('/parcels/statuses');
	expect(link).toBeNull();
	expect(body.data).toContainEqual({ code: 'READY_TO_SEND', message: 'Ready to send' });
	expect(body.data).toContainEqual({ code: 'CANCELLED', message: 'Cancelled' });
});
