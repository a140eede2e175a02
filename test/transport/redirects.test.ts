/**
 * Redirects (issue 16): no credential may reach another origin, and another origin's answer is
 * never used as data, on every path a request takes: routed operations, custom operations, file
 * downloads, both triggers, webhook registration, list search and credential tests. The sandbox
 * answers 302 to a second loopback server (another port: another origin) that records what it got.
 */
import * as http from 'http';

import type { IDataObject } from 'n8n-workflow';

import {
	listSearch,
	makeNode,
	runNode,
	testCredential,
	TriggerRunner,
	WebhookTriggerRunner,
} from '../helpers/engine';
import { shopOrder } from '../helpers/orders';
import { API_KEY, DATAFAST_TOKEN, OAUTH_CLIENT, useSandbox } from '../helpers/sandbox';
import { apiShipment } from '../helpers/shipments';

const sandbox = useSandbox();

/** Another origin: answers everything with what would pass for the API's answer, and records each request. */
const foreign = {
	url: '',
	requests: [] as Array<{ method: string; path: string; authorization?: string }>,
	server: http.createServer((req, res) => {
		foreign.requests.push({
			method: req.method ?? '',
			path: req.url ?? '',
			authorization: req.headers.authorization,
		});
		if (String(req.headers.accept).includes('pdf')) {
			res.writeHead(200, { 'Content-Type': 'application/pdf' });
			res.end('%PDF-1.4 a label from somewhere else');
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(
			JSON.stringify({
				id: 101,
				shop_name: 'Foreign',
				results: [],
				next: null,
				data: [],
				status: 'success',
			}),
		);
	}),
};

beforeAll(async () => {
	await new Promise<void>((resolve) => foreign.server.listen(0, '127.0.0.1', resolve));
	foreign.url = `http://127.0.0.1:${(foreign.server.address() as { port: number }).port}`;
});
beforeEach(() => (foreign.requests.length = 0));
afterEach(() => {
	// Not one request, so no credential of any kind: the redirect was not followed.
	expect(foreign.requests).toEqual([]);
});
afterAll(async () => {
	foreign.server.closeAllConnections();
	await new Promise((resolve) => foreign.server.close(resolve));
});

const rl = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const toForeign = (target: IDataObject) =>
	sandbox.injectFaults({ ...target, kind: 'redirect', location: `${foreign.url}/elsewhere` });
const REFUSED =
	/answered with a redirect to another host \(http:\/\/127\.0\.0\.1:\d+\); the request was not followed/;
const getIntegration = (parameters: IDataObject = {}) =>
	makeNode('sendcloud', {
		resource: 'integration',
		operation: 'get',
		integrationId: rl(101),
		...parameters,
	} as never);
let seededCount = 0;
const seededParcel = () =>
	(
		sandbox.v3.seedShipments([apiShipment(`redirected-${++seededCount}`)])[0]
			.parcels as IDataObject[]
	)[0].id;

describe('a redirect to another origin is not followed, and the request fails saying so', () => {
	test.each([
		['API key', {}],
		['OAuth2', { authentication: 'oAuth2' }],
	])('routed operation (%s)', async (_name, parameters) => {
		toForeign({ method: 'GET', path: '^/integrations/101$' });
		const { error, json } = await runNode(getIntegration(parameters));
		expect(error?.message).toMatch(REFUSED);
		expect(json).toEqual([]);
	});

	test('routed list, on a later page', async () => {
		toForeign({ method: 'GET', path: '^/integrations/logs$', query: 'cursor=' });
		const { error } = await runNode(
			makeNode('sendcloud', {
				resource: 'integrationLog',
				operation: 'getAll',
				scope: 'all',
				returnAll: true,
			} as never),
		);
		expect(error?.message).toMatch(REFUSED);
	});

	test('routed v3 operation', async () => {
		const [shipment] = sandbox.v3.seedShipments([apiShipment('redirected-get')]);
		toForeign({ method: 'GET', path: '^/api/v3/shipments/[^/]+$' });
		const { error } = await runNode(
			makeNode('sendcloud', {
				resource: 'parcel',
				operation: 'get',
				shipmentId: shipment.id,
			} as never),
		);
		expect(error?.message).toMatch(REFUSED);
	});

	test('custom operation: Order Get Many', async () => {
		toForeign({ method: 'GET', path: '^/integrations/101/shipments$' });
		const { error } = await runNode(
			makeNode('sendcloud', {
				resource: 'shipment',
				operation: 'getAll',
				integrationId: rl(101),
				returnAll: true,
				simplify: false,
			} as never),
		);
		expect(error?.message).toMatch(REFUSED);
	});

	test('custom operation: Order Create or Update (a POST)', async () => {
		toForeign({ method: 'POST', path: '^/integrations/101/shipments$' });
		const { error } = await runNode(
			makeNode('sendcloud', {
				resource: 'shipment',
				operation: 'upsert',
				integrationId: rl(101),
				dataMode: 'autoMapInputData',
			} as never),
			[shopOrder(1)],
		);
		expect(error?.message).toMatch(REFUSED);
	});

	test.each([
		['one file per parcel', 'perParcel', '^/api/v3/parcels/\\d+/documents/label$'],
		['print batch', 'printBatch', '^/api/v3/parcel-documents/label$'],
	])(
		'file download (%s): no foreign PDF is saved as a label',
		async (_name, documentMode, path) => {
			const parcels = [seededParcel(), seededParcel()].map((parcel) => ({ parcel }));
			toForeign({ method: 'GET', path });
			const { error, items } = await runNode(
				makeNode('sendcloud', {
					resource: 'parcel',
					operation: 'downloadDocument',
					documentMode,
					parcelId: '={{ $json.parcel }}',
				} as never),
				parcels,
			);
			expect(error?.message).toMatch(REFUSED);
			expect(items.filter((item) => item.binary)).toEqual([]);
		},
	);

	test('DataFast routed operation (its dft_ token)', async () => {
		toForeign({ method: 'GET', path: '^/datafast/api/v1/admin/websites/' });
		const { error } = await runNode(
			makeNode('dataFast', {
				resource: 'paymentIntegration',
				operation: 'getStatus',
				websiteId: '66f1c0ffee0123456789abcd',
			}),
		);
		expect(error?.message).toMatch(/DataFast answered with a redirect to another host/);
	});

	test.each(['newShipment', 'integrationFailing'])('trigger poll (%s)', async (event) => {
		toForeign({ method: 'GET', path: '^/integrations/101' });
		const runner = new TriggerRunner(
			makeNode('sendcloudTrigger', { event, integrationId: rl(101) } as never),
		);
		await expect(runner.poll()).rejects.toThrow(REFUSED);
	});

	test('webhook registration', async () => {
		const runner = new WebhookTriggerRunner(
			makeNode('sendcloudWebhookTrigger', {
				integrationId: rl(101),
				events: ['parcel_status_changed'],
				options: {},
			} as never),
		);
		await runner.listen();
		try {
			toForeign({ method: 'GET', path: '^/integrations/101$' });
			await expect(runner.activate()).rejects.toThrow(REFUSED);
		} finally {
			await runner.close();
		}
	});

	test('list search', async () => {
		toForeign({ method: 'GET', path: '^/integrations$' });
		await expect(listSearch(getIntegration(), 'searchIntegrations')).rejects.toThrow(REFUSED);
	});

	test.each([
		// n8n 2.x words it with the credential's redirect rule; the n8n-workflow 1.120 pair here drops
		// the error's cause that the tester reads the status from, and says n8n's own words.
		[
			'sendcloudApi',
			() => ({ ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl }),
			'^/integrations$',
			/redirect|status code 302/,
		],
		[
			'sendcloudOAuth2Api',
			() => ({
				...OAUTH_CLIENT,
				accessTokenUrl: sandbox.tokenUrl,
				baseUrl: sandbox.sendcloudBaseUrl,
			}),
			'^/integrations$',
			/redirect|status code 302/,
		],
		[
			'dataFastApi',
			() => ({ apiToken: DATAFAST_TOKEN, baseUrl: sandbox.dataFastBaseUrl }),
			// An account token's test lists its websites.
			'^/datafast/api/v1/admin/websites$',
			/did not come from the DataFast API/,
		],
	])('credential test (%s)', async (type, data, path, says) => {
		toForeign({ method: 'GET', path });
		const result = await testCredential(type, data());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(says);
	});
});

describe('a redirect within the same origin is followed, with the credentials', () => {
	test('GET of a routed operation', async () => {
		sandbox.injectFaults({
			method: 'GET',
			path: '^/integrations/101$',
			kind: 'redirect',
			status: 301,
			location: '/api/v2/integrations/101',
		});
		const { error, json } = await runNode(getIntegration());
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(101);
		const calls = sandbox.requests.filter((r) => r.path === '/api/v2/integrations/101');
		expect(calls.map((r) => [r.query, r.status, r.account])).toEqual([
			['', 301, 'key:pk_sandbox'],
			['', 200, 'key:pk_sandbox'],
		]);
	});

	test('a label file, by a relative Location', async () => {
		const parcel = seededParcel();
		sandbox.injectFaults({
			method: 'GET',
			path: '^/api/v3/parcels/\\d+/documents/label$',
			kind: 'redirect',
			status: 307,
			location: `/api/v3/parcels/${String(parcel)}/documents/label?paper_size=A6&dpi=72`,
		});
		const { error, items } = await runNode(
			makeNode('sendcloud', {
				resource: 'parcel',
				operation: 'downloadDocument',
				documentMode: 'perParcel',
				parcelId: '={{ $json.parcel }}',
			} as never),
			[{ parcel }],
		);
		expect(error).toBeUndefined();
		expect(
			Buffer.from(items[0].binary!.data.data, 'base64').subarray(0, 5).toString('latin1'),
		).toBe('%PDF-');
	});

	test('but not a 302 of a write, which would turn it into a GET', async () => {
		sandbox.injectFaults({
			method: 'PATCH',
			path: '^/integrations/101$',
			kind: 'redirect',
			location: `${sandbox.sendcloudBaseUrl}/integrations/101`,
		});
		const node = makeNode('sendcloud', {
			resource: 'integration',
			operation: 'update',
			integrationId: rl(101),
			updateFields: { webhookActive: true, webhookUrl: 'https://a.example.com/hook' },
		} as never);
		const { error } = await runNode(node);
		expect(error?.message).toMatch(/answered with a redirect \(HTTP 302\) that was not followed/);
		expect(
			sandbox.requests.filter((r) => r.path === '/api/v2/integrations/101').map((r) => r.method),
		).toEqual(['PATCH']);
	});
});
