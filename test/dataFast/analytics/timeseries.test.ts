import { runNode } from '../../helpers/engine';
import { SITE_A, dataFastCalls, dataFastNode } from '../../helpers/dataFast';
import { SEEDED_UNTIL, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();
const series = (parameters: Record<string, unknown> = {}) =>
	dataFastNode('analytics', 'timeseries', { returnAll: true, ...parameters });

test('one item per day with the fields asked for; revenue brings payments and its breakdown', async () => {
	const { json, error } = await runNode(
		series({
			fields: ['visitors', 'revenue'],
			interval: 'day',
			startAt: '2026-11-18',
			endAt: '2026-11-20',
		}),
	);
	expect(error).toBeUndefined();
	expect(json).toEqual([
		{
			visitors: 2,
			revenue: 49,
			payments: 1,
			revenueBreakdown: { new: 49, renewal: 0, refund: 0 },
			name: '18 Nov',
			timestamp: '2026-11-18T00:00:00Z',
		},
		{
			visitors: 2,
			revenue: 0,
			payments: 0,
			revenueBreakdown: { new: 0, renewal: 0, refund: 0 },
			name: '19 Nov',
			timestamp: '2026-11-19T00:00:00Z',
		},
		{
			visitors: 2,
			revenue: 49,
			payments: 1,
			revenueBreakdown: { new: 49, renewal: 0, refund: 0 },
			name: '20 Nov',
			timestamp: '2026-11-20T00:00:00Z',
		},
	]);
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /analytics/timeseries?startAt=2026-11-18&endAt=2026-11-20&fields=visitors,revenue&interval=day&limit=1000&offset=0&websiteId=${SITE_A}`,
	]);
});

test('without a range, the last 30 days up to the sandbox clock; Limit asks for no more than it keeps', async () => {
	sandbox.setClock(() => SEEDED_UNTIL);
	const { json } = await runNode(
		series({ returnAll: false, limit: 5, fields: ['visitors'], interval: 'day' }),
	);
	expect(json).toHaveLength(5);
	expect(json[0]).toMatchObject({ name: '21 Oct', timestamp: '2026-10-21T00:00:00Z' });
	expect(dataFastCalls(sandbox)[0]).toContain('limit=5&offset=0');
});

test('Return All walks the offsets when DataFast hands out fewer rows than asked', async () => {
	sandbox.options.dataFastPageCap = 2;
	try {
		const { json } = await runNode(
			series({
				fields: ['sessions'],
				interval: 'week',
				startAt: '2026-11-01',
				endAt: '2026-11-20',
			}),
		);
		expect(json.map((row) => row.name)).toEqual(['26 Oct', '02 Nov', '09 Nov', '16 Nov']);
		expect(dataFastCalls(sandbox).map((call) => /offset=\d+/.exec(call)?.[0])).toEqual([
			'offset=0',
			'offset=2',
		]);
	} finally {
		delete sandbox.options.dataFastPageCap;
	}
});

test('a range within one day comes by the hour, as DataFast upgrades it', async () => {
	const { json } = await runNode(
		series({ fields: ['visitors'], interval: 'day', startAt: '2026-11-20', endAt: '2026-11-20' }),
	);
	expect(json).toHaveLength(24);
	expect(json[0]).toMatchObject({ name: '00:00', timestamp: '2026-11-20T00:00:00Z' });
});

test('no field chosen fails before sending', async () => {
	// n8n itself stops an empty required field; an expression can still give none.
	const { error } = await runNode(series({ fields: '={{ [] }}' }));
	expect(error?.message).toBe('Choose at least one of Fields');
	expect(dataFastCalls(sandbox)).toEqual([]);
});
