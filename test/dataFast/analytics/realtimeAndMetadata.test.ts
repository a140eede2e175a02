import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	SITE_B,
	WEBSITE_KEY,
	dataFastCalls,
	dataFastNode,
	useToken,
} from '../../helpers/dataFast';
import { SEEDED_UNTIL, useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

test('Realtime counts the visitors active in the last 5 minutes of the sandbox clock', async () => {
	// The first seeded visitor viewed a page 30 minutes before the seed's end.
	sandbox.setClock(() => SEEDED_UNTIL - 29 * 60_000);
	expect((await runNode(dataFastNode('analytics', 'realtime'))).json).toEqual([{ visitors: 1 }]);
	sandbox.setClock(() => SEEDED_UNTIL + 60 * 60_000);
	expect((await runNode(dataFastNode('analytics', 'realtime'))).json).toEqual([{ visitors: 0 }]);
	expect(dataFastCalls(sandbox)[0]).toBe(`GET /analytics/realtime?websiteId=${SITE_A}`);
});

test('Metadata of the chosen website, and of the key’s own website', async () => {
	const { json } = await runNode(
		dataFastNode('analytics', 'metadata', { website: { __rl: true, mode: 'id', value: SITE_B } }),
	);
	expect(json).toEqual([
		{
			domain: 'blog.example.org',
			timezone: 'Europe/Berlin',
			name: 'Example Blog',
			kpiColorScheme: 'blue',
			kpi: null,
			currency: 'EUR',
		},
	]);
	useToken(sandbox, WEBSITE_KEY);
	const own = await runNode(
		dataFastNode('analytics', 'metadata', { website: { __rl: true, mode: 'list', value: '' } }),
	);
	expect(own.json[0]).toMatchObject({ domain: 'shop.example.com', currency: 'USD' });
	expect(dataFastCalls(sandbox)).toEqual([
		`GET /analytics/metadata?websiteId=${SITE_B}`,
		'GET /analytics/metadata',
	]);
});
