import { makeNode, runNode } from '../../helpers/engine';
import { apiCalls, useSandbox } from '../../helpers/sandbox';

// 120 seeded logs (80 of integration 101, 40 of 102), 50 to a page as the sandbox serves them.
const sandbox = useSandbox();

const logsNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'integrationLog', ...parameters } as never, settings);
const cursorOf = (call: string) =>
	new URL(call.split(' ')[1], 'http://x').searchParams.get('cursor');

describe('Get Many', () => {
	test('Return All follows next links across every page', async () => {
		const { json, error } = await runNode(
			logsNode({ operation: 'getAll', scope: 'all', returnAll: true }),
		);
		expect(error).toBeUndefined();
		expect(json).toHaveLength(120);
		expect(new Set(json.map((l) => l.id)).size).toBe(120);
		const calls = apiCalls(sandbox);
		expect(calls).toHaveLength(3);
		expect(calls[0]).toBe('GET /api/v2/integrations/logs');
		expect(calls.slice(1).every((c) => c.startsWith('GET /api/v2/integrations/logs?cursor='))).toBe(
			true,
		);
		expect(new Set(calls.map(cursorOf)).size).toBe(3);
	});

	test.each([
		[50, 1],
		[51, 2],
		[100, 2],
		[7, 1],
	])(
		'Limit %i stops after %i request(s), requesting no page beyond it',
		async (limit, requests) => {
			const { json } = await runNode(
				logsNode({ operation: 'getAll', scope: 'all', returnAll: false, limit }),
			);
			expect(json).toHaveLength(limit);
			expect(apiCalls(sandbox)).toHaveLength(requests);
		},
	);

	test('logs of one integration', async () => {
		const { json } = await runNode(
			logsNode({
				operation: 'getAll',
				scope: 'integration',
				integrationId: { __rl: true, mode: 'list', value: '102' },
				returnAll: true,
			}),
		);
		expect(json).toHaveLength(40);
		expect(apiCalls(sandbox)[0]).toBe('GET /api/v2/integrations/102/logs');
	});

	test('an integration without logs gives no items', async () => {
		const { json, error } = await runNode(
			logsNode({
				operation: 'getAll',
				scope: 'integration',
				integrationId: { __rl: true, mode: 'id', value: '103' },
				returnAll: true,
			}),
		);
		expect(error).toBeUndefined();
		expect(json).toEqual([]);
		expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations/103/logs']);
	});
});

describe('Create', () => {
	const create = {
		operation: 'create',
		integrationId: { __rl: true, mode: 'id', value: '101' },
		baseUrl: 'https://amsterdam.example.com',
		additionalFields: {
			fullUrl: 'https://amsterdam.example.com/orders/9.json',
			method: 'POST',
			responseCode: 502,
			exception: 'Shop answered 502',
			response: '{"headers": {"Content-Type": "text/html"}, "body": "Bad Gateway"}',
		},
	};

	test('sends the entry as the spec describes and returns the stored log', async () => {
		const { json, error } = await runNode(logsNode(create));
		expect(error).toBeUndefined();
		expect(sandbox.requests.at(-1)).toMatchObject({
			method: 'POST',
			path: '/api/v2/integrations/101/logs',
			body: {
				integration_id: 101,
				base_url: 'https://amsterdam.example.com',
				full_url: 'https://amsterdam.example.com/orders/9.json',
				method: 'POST',
				response_code: 502,
				exception: 'Shop answered 502',
				response: { headers: { 'Content-Type': 'text/html' }, body: 'Bad Gateway' },
			},
		});
		expect(json[0]).toMatchObject({
			base_url: 'https://amsterdam.example.com',
			response_code: 502,
			protected: false,
		});
		expect(typeof json[0].id).toBe('number');
	});

	test('is never repeated after a transient failure: a second entry would show twice', async () => {
		sandbox.injectFaults({ kind: '503', method: 'POST', path: '/logs$' });
		const { error } = await runNode(logsNode(create));
		expect(error?.message).toBe('Sendcloud had a server error (HTTP 503)');
		expect(apiCalls(sandbox)).toEqual(['POST /api/v2/integrations/101/logs']);
	});

	test('is repeated after a 429, which Sendcloud answers before doing anything', async () => {
		sandbox.injectFaults({ kind: '429', retryAfter: 0, method: 'POST', path: '/logs$' });
		const { json, error } = await runNode(logsNode(create));
		expect(error).toBeUndefined();
		expect(sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([
			429, 201,
		]);
		expect(sandbox.state.integrationLogs.filter((log) => log.id === json[0].id)).toHaveLength(1);
	});

	test('invalid JSON in Response is refused for its item', async () => {
		const { error } = await runNode(
			logsNode({ ...create, additionalFields: { response: '{not json' } }),
		);
		expect(error?.message).toBe('Response is not valid JSON');
		expect(apiCalls(sandbox)).toEqual([]);
	});
});
