import { credentialsHelper, listSearch, makeNode, runNode } from '../../helpers/engine';
import { DATAFAST_TOKEN, apiCalls, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

const WEBSITE = '66f1c0ffee0123456789abcd';
const statusNode = (parameters: Record<string, unknown> = {}, settings = {}) =>
	makeNode(
		'dataFast',
		{
			resource: 'paymentIntegration',
			operation: 'getStatus',
			websiteId: WEBSITE,
			...parameters,
		} as never,
		settings,
	);

test('Simplify (the default) gives one flat item per website with the connected providers', async () => {
	const { json, error } = await runNode(statusNode());
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			stripe: true,
			lemonSqueezy: false,
			polar: false,
			paddle: true,
			shopify: false,
			wooCommerce: false,
			paddleKeyExpiresAt: '2027-03-01T00:00:00.000Z',
			currency: 'USD',
			connectedProviders: ['stripe', 'paddle'],
		},
	]);
	expect(apiCalls(sandbox)).toEqual([
		`GET /datafast/api/v1/admin/websites/${WEBSITE}/integrations`,
	]);
	expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${DATAFAST_TOKEN}`);
});

test('without Simplify, the API data comes out as it is', async () => {
	const { json } = await runNode(statusNode({ simplify: false }));
	expect(json).toEqual([
		{
			stripe: { connected: true },
			lemonsqueezy: { connected: false },
			polar: { connected: false },
			paddle: { connected: true, keyExpiresAt: '2027-03-01T00:00:00.000Z' },
			shopify: { connected: false },
			woocommerce: { connected: false },
			currency: 'USD',
		},
	]);
});

test('a website with nothing connected', async () => {
	const { json } = await runNode(statusNode({ websiteId: '66f1c0ffee0123456789abce' }));
	expect(json[0]).toMatchObject({
		connectedProviders: [],
		paddleKeyExpiresAt: null,
		currency: 'EUR',
	});
});

describe('errors become clear messages', () => {
	test('400: a website ID DataFast does not accept', async () => {
		const { error } = await runNode(statusNode({ websiteId: 'not-an-objectid' }));
		expect(error?.message).toBe('DataFast rejected the request as invalid: check the website ID');
		expect(error?.description).toBe('Invalid websiteId');
	});

	test('401: a token DataFast does not know', async () => {
		credentialsHelper.set('dataFastApi', {
			apiToken: 'dft_unknown_token',
			baseUrl: sandbox.dataFastBaseUrl,
		});
		const { error, run } = await runNode(statusNode());
		expect(error?.message).toBe(
			'DataFast did not accept the token: check the token in the DataFast credential (a df_ website API key or a dft_ account token)',
		);
		expect(JSON.stringify(run)).not.toContain('dft_unknown_token');
	});

	test('403: a token without settings:read', async () => {
		credentialsHelper.set('dataFastApi', {
			apiToken: 'dft_sandbox_noscope',
			baseUrl: sandbox.dataFastBaseUrl,
		});
		const { error } = await runNode(statusNode());
		expect(error?.message).toBe(
			'The DataFast token may not read this website: it needs the settings:read permission and access to the website',
		);
	});

	test('404: a website that does not exist', async () => {
		// A token that may read a website DataFast has no data for.
		sandbox.options.dataFastTokens = {
			...(sandbox.options.dataFastTokens as object),
			dft_sandbox_gone: { websites: ['66f1c0ffee0123456789ffff'], scopes: ['settings:read'] },
		};
		credentialsHelper.set('dataFastApi', {
			apiToken: 'dft_sandbox_gone',
			baseUrl: sandbox.dataFastBaseUrl,
		});
		const { error } = await runNode(statusNode({ websiteId: '66f1c0ffee0123456789ffff' }));
		expect(error?.message).toBe('DataFast could not find this website');
	});

	test('an ID with characters no ObjectId has is refused before sending, naming the item', async () => {
		const node = statusNode(
			{ websiteId: '={{ $json.site }}' },
			{ onError: 'continueRegularOutput' },
		);
		const { items } = await runNode(node, [{ site: WEBSITE }, { site: '../../users' }]);
		expect(items[0].json.connectedProviders).toEqual(['stripe', 'paddle']);
		expect(items[1].error?.message).toBe('"../../users" is not a DataFast website ID');
		expect(apiCalls(sandbox)).toHaveLength(1);
	});
});

test('the website picked From List (a resource locator) is the one asked about; its list is the account’s websites', async () => {
	const picked = { __rl: true, mode: 'list', value: WEBSITE, cachedResultName: 'Shop' };
	const { json, error } = await runNode(statusNode({ websiteId: picked }));
	expect(error).toBeUndefined();
	expect(json[0].connectedProviders).toEqual(['stripe', 'paddle']);
	expect(apiCalls(sandbox)).toEqual([
		`GET /datafast/api/v1/admin/websites/${WEBSITE}/integrations`,
	]);
	const listed = await listSearch(statusNode(), 'searchWebsites');
	expect(listed.results.map((r) => r.value)).toContain(WEBSITE);
});
