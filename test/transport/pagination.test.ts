/**
 * Page walks are bounded (issue 16): a next-page link back to a page already read is a malformed
 * answer, and no walk reads more than TRANSPORT_LIMITS.maxPages pages. The API here is a loopback
 * server whose links go round in circles or never end; it ends every walk after 50 pages itself,
 * so that code without these bounds finishes (and fails) instead of looping for ever.
 */
import * as http from 'http';

import type { INode } from 'n8n-workflow';

import { TRANSPORT_LIMITS } from '../../nodes/shared/transport';
import {
	credentialsHelper,
	makeNode,
	runNode,
	stopEngineTimers,
	TriggerRunner,
} from '../helpers/engine';
import { API_KEY } from '../helpers/sandbox';

type Links = 'to itself' | 'to the first page' | 'never ending';

const RECORD = {
	id: 1,
	shipment_uuid: 'a1',
	external_order_id: '1',
	created_at: '2026-11-20T10:00:00Z',
	updated_at: '2026-11-20T10:00:00Z',
};
const STOP_AFTER = 50;

const api = {
	url: '',
	links: 'to itself' as Links,
	requests: [] as string[],
	server: http.createServer((req, res) => {
		api.requests.push(req.url ?? '');
		const { pathname } = new URL(req.url ?? '', api.url);
		const n = api.requests.length;
		const target = {
			'to itself': `${pathname}?cursor=same`,
			'to the first page': api.requests[0],
			'never ending': `${pathname}?cursor=${n}`,
		}[api.links];
		const next = n >= STOP_AFTER ? null : `${api.url}${target}`;
		if (pathname.startsWith('/api/v3/')) {
			res.writeHead(200, {
				'Content-Type': 'application/json',
				...(next ? { Link: `<${next}>; rel="next"` } : {}),
			});
			res.end(JSON.stringify({ data: [RECORD] }));
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify({ results: [RECORD], next }));
	}),
};

beforeAll(async () => {
	await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
	api.url = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
});
beforeEach(() => {
	api.requests.length = 0;
	credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: `${api.url}/api/v2` });
});
afterAll(async () => {
	api.server.closeAllConnections();
	await new Promise((resolve) => api.server.close(resolve));
	stopEngineTimers();
});

const rl = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });

/** The walks of every kind: routed with `next` in the body, routed with a Link header, custom code, a trigger's poll. */
const WALKS: Array<[string, () => INode | TriggerRunner]> = [
	[
		'Integration Exception Log Get Many (routed, next in the body)',
		() =>
			makeNode('sendcloud', {
				resource: 'integrationLog',
				operation: 'getAll',
				scope: 'all',
				returnAll: true,
			} as never),
	],
	[
		'Parcel Get Many (routed v3, Link header)',
		() =>
			makeNode('sendcloud', { resource: 'parcel', operation: 'getAll', returnAll: true } as never),
	],
	[
		'Order Get Many (custom code)',
		() =>
			makeNode('sendcloud', {
				resource: 'shipment',
				operation: 'getAll',
				integrationId: rl(101),
				returnAll: true,
				simplify: false,
			} as never),
	],
	[
		'New Order trigger (its first poll)',
		() =>
			new TriggerRunner(
				makeNode('sendcloudTrigger', { event: 'newShipment', integrationId: rl(101) } as never),
			),
	],
];

async function walk(make: () => INode | TriggerRunner): Promise<string | undefined> {
	const subject = make();
	if (subject instanceof TriggerRunner) {
		try {
			await subject.poll();
			return undefined;
		} catch (error) {
			return (error as Error).message;
		}
	}
	return (await runNode(subject)).error?.message;
}

describe('a next-page link back to a page already read ends the walk with an error', () => {
	test.each(WALKS)('%s: a link to itself', async (_name, make) => {
		api.links = 'to itself';
		expect(await walk(make)).toBe(
			"Sendcloud's answer could not be used: the next page link leads back to a page already read, after 2 pages",
		);
		expect(api.requests).toHaveLength(2);
	});

	test.each(WALKS)('%s: a link to the first page', async (_name, make) => {
		api.links = 'to the first page';
		expect(await walk(make)).toBe(
			"Sendcloud's answer could not be used: the next page link leads back to a page already read, after 1 page",
		);
		expect(api.requests).toHaveLength(1);
	});
});

describe('no walk reads more than TRANSPORT_LIMITS.maxPages pages', () => {
	const { maxPages } = TRANSPORT_LIMITS;
	beforeAll(() => (TRANSPORT_LIMITS.maxPages = 5));
	afterAll(() => (TRANSPORT_LIMITS.maxPages = maxPages));

	test.each(WALKS)('%s', async (_name, make) => {
		api.links = 'never ending';
		expect(await walk(make)).toBe(
			'Sendcloud sent more than 5 pages of one list; the rest was not read: narrow the list with filters or a Limit',
		);
		expect(api.requests).toHaveLength(5);
	});
});
