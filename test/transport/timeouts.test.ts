/**
 * Request timeouts (issue 16): a server that accepts a request and never answers must not hold a
 * run, a poll or the account's pacer for ever. The transport's timeouts are lowered here so that
 * a hung request fails within a second instead of a minute.
 */
import type { IDataObject } from 'n8n-workflow';

import { pacerFor } from '../../nodes/shared/RequestPacer';
import { TRANSPORT_LIMITS } from '../../nodes/shared/transport';
import { makeNode, runNode, TriggerRunner } from '../helpers/engine';
import { useSandbox } from '../helpers/sandbox';
import { apiShipment } from '../helpers/shipments';

const sandbox = useSandbox();

const defaults = { ...TRANSPORT_LIMITS };
beforeAll(() => Object.assign(TRANSPORT_LIMITS, { requestTimeoutMs: 1000, fileTimeoutMs: 1000 }));
afterAll(() => Object.assign(TRANSPORT_LIMITS, defaults));

const rl = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const calls = (path: string) =>
	sandbox.requests.filter((r) => r.path === path).map((r) => r.status ?? 'unanswered');
/** The pacer every write of the test's API-key account goes through. */
const writePacer = () =>
	pacerFor(`${sandbox.sendcloudBaseUrl} sendcloudApi:cred-sendcloudApi write`, []);

test('the timeouts are the transport’s own, well under n8n’s 300 s', () => {
	expect(defaults).toEqual({ requestTimeoutMs: 60_000, fileTimeoutMs: 120_000, maxPages: 10_000 });
});

test('a GET that is never answered is given up and sent again', async () => {
	sandbox.injectFaults({ method: 'GET', path: '^/integrations/101$', kind: 'hang' });
	const { error, json } = await runNode(
		makeNode('sendcloud', {
			resource: 'integration',
			operation: 'get',
			integrationId: rl(101),
		} as never),
	);
	expect(error).toBeUndefined();
	expect(json[0].id).toBe(101);
	expect(calls('/api/v2/integrations/101')).toEqual(['unanswered', 200]);
});

test('a write that may not be repeated fails saying its answer was lost, and frees its pacer slot', async () => {
	sandbox.injectFaults({ method: 'POST', path: '^/integrations/101/logs$', kind: 'hang' });
	const parameters = {
		resource: 'integrationLog',
		operation: 'create',
		integrationId: rl(101),
		baseUrl: 'https://amsterdam.example.com',
		additionalFields: { exception: 'Read timed out' },
	};
	const { error } = await runNode(makeNode('sendcloud', parameters as never));
	expect(error?.message).toBe("Sendcloud's answer was lost: it did not come in time");
	expect(error?.description).toMatch(/may have carried the request out/);
	expect(calls('/api/v2/integrations/101/logs')).toEqual(['unanswered']);
	expect(writePacer().inFlight).toBe(0);
});

test('a label file that is never sent is asked for again', async () => {
	const parcel = (
		sandbox.v3.seedShipments([apiShipment('timeout-1')])[0].parcels as IDataObject[]
	)[0].id;
	sandbox.injectFaults({
		method: 'GET',
		path: '^/api/v3/parcels/\\d+/documents/label$',
		kind: 'hang',
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
	expect(Buffer.from(items[0].binary!.data.data, 'base64').subarray(0, 5).toString('latin1')).toBe(
		'%PDF-',
	);
	expect(calls(`/api/v3/parcels/${String(parcel)}/documents/label`)).toEqual(['unanswered', 200]);
});

test("a trigger's poll does not hang on a request never answered", async () => {
	const runner = new TriggerRunner(
		makeNode('sendcloudTrigger', { event: 'integrationFailing', integrationId: rl(101) } as never),
	);
	sandbox.injectFaults({ method: 'GET', path: '^/integrations/101$', kind: 'hang' });
	await runner.poll();
	expect(calls('/api/v2/integrations/101')).toEqual(['unanswered', 200]);
});

test('DataFast: a request never answered is sent again', async () => {
	sandbox.injectFaults({ method: 'GET', path: '^/datafast/api/v1/admin/websites/', kind: 'hang' });
	const { error } = await runNode(
		makeNode('dataFast', {
			resource: 'paymentIntegration',
			operation: 'getStatus',
			websiteId: '66f1c0ffee0123456789abcd',
		}),
	);
	expect(error).toBeUndefined();
});
