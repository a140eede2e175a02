import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	WEBSITE_KEY,
	dataFastCalls,
	dataFastNode,
	dataFastStore,
	useToken,
} from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const overview = (parameters: Record<string, unknown> = {}, settings = {}) =>
	dataFastNode('analytics', 'overview', parameters, settings);

const ALL_TIME = {
	visitors: 48,
	sessions: 64,
	bounce_rate: 25,
	avg_session_duration: 90000,
	currency: '$',
	revenue: 205.5,
	revenue_per_visitor: 4.28,
	conversion_rate: 12.5,
};

test('an account token names the chosen website; all time without a range', async () => {
	const { json, error } = await runNode(overview());
	expect(error).toBeUndefined();
	expect(json).toEqual([ALL_TIME]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /analytics/overview?websiteId=${SITE_A}`]);
});

test('a website key sends no website ID, whatever the Website field holds', async () => {
	useToken(sandbox, WEBSITE_KEY);
	const { json } = await runNode(overview());
	expect(json).toEqual([ALL_TIME]);
	expect(dataFastCalls(sandbox)).toEqual(['GET /analytics/overview']);
});

test('range, filters and fields go out as DataFast documents them, and the totals follow', async () => {
	const { json } = await runNode(
		overview({
			startAt: '2026-11-18',
			endAt: '2026-11-20',
			timezone: 'UTC',
			fields: ['visitors', 'revenue'],
			filters: {
				values: [{ dimension: 'country', operator: 'is', value: 'United States of America' }],
			},
		}),
	);
	expect(json).toEqual([{ visitors: 2, revenue: 98 }]);
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /analytics/overview?startAt=2026-11-18&endAt=2026-11-20&filter_country=is:United States of America&timezone=UTC&fields=visitors,revenue&websiteId=${SITE_A}`,
	]);
});

test('is_not and contains filters narrow the traffic', async () => {
	const { json } = await runNode(
		overview({
			filters: {
				values: [
					{ dimension: 'device', operator: 'is_not', value: 'mobile' },
					{ dimension: 'page', operator: 'contains', value: '/pricing' },
				],
			},
		}),
	);
	expect(json[0]).toMatchObject({ visitors: 20, sessions: 24, revenue: 137 });
});

test('a date-time without a zone is read as UTC and sent as ISO 8601', async () => {
	await runNode(overview({ startAt: '2026-11-18T00:00:00', endAt: '2026-11-20T12:00:00Z' }));
	expect(dataFastCalls(sandbox)[0]).toContain(
		'startAt=2026-11-18T00:00:00.000Z&endAt=2026-11-20T12:00:00.000Z',
	);
});

describe('input checked before anything is sent', () => {
	test.each([
		[{ startAt: '2026-11-18' }, 'Give both Start and End, or neither'],
		[{ startAt: '2026-11-20', endAt: '2026-11-18' }, 'Start is after End'],
		[{ startAt: 'yesterday', endAt: '2026-11-18' }, '"yesterday" is not a date'],
		[{ website: { __rl: true, mode: 'id', value: '' } }, 'Choose the Website'],
		[
			{ filters: { values: [{ dimension: 'country', operator: 'is', value: ' , ' }] } },
			'The country filter has no value',
		],
	])('%j', async (parameters, message) => {
		const { error } = await runNode(overview(parameters));
		expect(error?.message).toBe(message);
		expect(dataFastCalls(sandbox)).toEqual([]);
	});
});

describe('errors name what is wrong', () => {
	test('403: the permission the operation needs', async () => {
		useToken(sandbox, 'dft_sandbox_noscope');
		const { error } = await runNode(overview());
		expect(error?.message).toBe(
			'The DataFast token may not read this website: it needs the analytics:read permission and access to the website',
		);
		expect(error?.description).toBe('This token is missing the analytics:read permission');
	});

	test('403: a website the token may not reach', async () => {
		useToken(sandbox, 'dft_sandbox_analytics_b');
		const { error } = await runNode(overview());
		expect(error?.description).toBe('This token does not have access to this website');
	});

	test('403: suspended tracking', async () => {
		dataFastStore(sandbox).suspend(SITE_A);
		const { error } = await runNode(overview());
		expect(error?.message).toBe(
			'DataFast refused: tracking is suspended for this website (check the website in the DataFast dashboard)',
		);
	});

	test('401 without the token in the error', async () => {
		useToken(sandbox, 'dft_not_a_token');
		const { error, run } = await runNode(overview());
		expect(error?.message).toMatch(/^DataFast did not accept the token/);
		expect(JSON.stringify(run)).not.toContain('dft_not_a_token');
	});

	test('404: a website DataFast does not have', async () => {
		useToken(sandbox, 'dft_sandbox_all');
		const { error } = await runNode(
			overview({ website: { __rl: true, mode: 'id', value: '66f1c0ffee0123456789ffff' } }),
		);
		expect(error?.message).toBe('DataFast could not find this website');
	});

	test('Continue On Fail: one output item per input item, each paired with it', async () => {
		const { items } = await runNode(
			overview(
				{ startAt: '={{ $json.start }}', endAt: '={{ $json.end }}', fields: ['visitors'] },
				{ onError: 'continueRegularOutput' },
			),
			[
				{ start: '2026-11-18', end: '2026-11-20' },
				{ start: '2026-11-18', end: '' },
				{ start: '', end: '' },
			],
		);
		expect(items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ visitors: 5 }, { item: 0 }],
			[{ error: 'Give both Start and End, or neither' }, { item: 1 }],
			[{ visitors: 48 }, { item: 2 }],
		]);
	});
});
