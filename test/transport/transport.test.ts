import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	MAX_ATTEMPTS_ON_SERVER_ERROR,
	parseRetryAfter,
} from '../../nodes/shared/retry';
import { makeNode, runNode } from '../helpers/engine';
import { apiCalls, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox();

const getIntegration = () =>
	makeNode('sendcloud', {
		resource: 'integration',
		operation: 'get',
		integrationId: { __rl: true, mode: 'id', value: '101' },
	} as never);
const statuses = () =>
	sandbox.requests.filter((r) => r.path.startsWith('/api/v2')).map((r) => r.status ?? 'dropped');

describe('transient failures of requests safe to repeat are retried', () => {
	test.each([
		['429 with Retry-After in seconds', { kind: '429', retryAfter: 0 }, 429],
		[
			'429 with Retry-After as an HTTP date',
			{ kind: '429', retryAfter: new Date(Date.now() - 1000).toUTCString() },
			429,
		],
		['429 without Retry-After (backoff)', { kind: '429' }, 429],
		['500', { kind: '500', retryAfter: 0 }, 500],
		['502', { kind: '502', retryAfter: 0 }, 502],
		['503', { kind: '503', retryAfter: 0 }, 503],
		['504', { kind: '504', retryAfter: 0 }, 504],
	])('%s', async (_name, fault, status) => {
		sandbox.injectFaults(fault);
		const { json, error } = await runNode(getIntegration());
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(101);
		expect(statuses()).toEqual([status, 200]);
	});

	test('a dropped connection', async () => {
		sandbox.injectFaults({ kind: 'reset' });
		const { json, error } = await runNode(getIntegration());
		expect(error).toBeUndefined();
		expect(json[0].id).toBe(101);
		expect(apiCalls(sandbox)).toHaveLength(2);
	});

	test('a 200 whose body is not JSON', async () => {
		sandbox.injectFaults({ kind: 'malformed' });
		const { json } = await runNode(getIntegration());
		expect(json[0].id).toBe(101);
		expect(statuses()).toEqual([200, 200]);
	});

	test('a slow answer is waited for', async () => {
		sandbox.injectFaults({ kind: 'slow', delayMs: 300 });
		const { json } = await runNode(getIntegration());
		expect(json[0].id).toBe(101);
		expect(statuses()).toEqual([200]);
	});

	test('a PATCH is retried too', async () => {
		sandbox.injectFaults({ kind: '503', retryAfter: 0 });
		const node = makeNode('sendcloud', {
			resource: 'integration',
			operation: 'update',
			integrationId: { __rl: true, mode: 'id', value: '101' },
			updateFields: { webhookActive: true, webhookUrl: 'https://a.example.com/hook' },
		} as never);
		const { error } = await runNode(node);
		expect(error).toBeUndefined();
		expect(statuses()).toEqual([503, 200]);
	});

	test('retries are bounded: after the last attempt the error says how many were made', async () => {
		sandbox.injectFaults({ kind: '503', retryAfter: 0, times: 10 });
		const { error } = await runNode(getIntegration());
		expect(error?.message).toBe(
			`Sendcloud had a server error (HTTP 503) (after ${DEFAULT_RETRY_POLICY.maxAttempts} attempts)`,
		);
		expect(statuses()).toEqual(Array(DEFAULT_RETRY_POLICY.maxAttempts).fill(503));
	});

	test('a 500 that keeps coming is reported after a few attempts, not the full retry budget', async () => {
		sandbox.injectFaults({ kind: '500', retryAfter: 0, times: 10 });
		const { error } = await runNode(getIntegration());
		expect(error?.message).toBe(
			`Sendcloud had a server error (HTTP 500) (after ${MAX_ATTEMPTS_ON_SERVER_ERROR} attempts)`,
		);
		expect(statuses()).toEqual(Array(MAX_ATTEMPTS_ON_SERVER_ERROR).fill(500));
	});

	test('a Retry-After longer than the wait budget fails at once instead of hanging', async () => {
		sandbox.injectFaults({ kind: '429', retryAfter: 3600 });
		// Another account: the pacer holds every request of this one for a minute after such an answer.
		const node = {
			...getIntegration(),
			credentials: { sendcloudApi: { id: 'cred-account-out-of-quota', name: 'Out of quota' } },
		};
		const { error } = await runNode(node);
		expect(error?.message).toBe(
			"Sendcloud's rate limit was still exceeded: other clients may be using the same account's quota",
		);
		expect(statuses()).toEqual([429]);
	});
});

test.each([400, 401, 403, 404, 422])('%i is permanent: one request, no retry', async (status) => {
	sandbox.injectFaults({ kind: String(status) });
	const { error } = await runNode(getIntegration());
	expect(error?.httpCode).toBe(String(status));
	expect(statuses()).toEqual([status]);
});

describe('Retry-After and backoff', () => {
	test('Retry-After is read as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	test('backoff doubles per attempt, stays within half and all of its ceiling, and is capped', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
			50, 100, 200, 400, 500, 500,
		]);
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
			100, 200, 400, 800, 1000, 1000,
		]);
	});
});
