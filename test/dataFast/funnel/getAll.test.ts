import { runNode } from '../../helpers/engine';
import {
	SITE_A,
	SITE_B,
	WEBSITE_KEY,
	dataFastCalls,
	dataFastNode,
	useToken,
} from '../../helpers/dataFast';
import { useSandbox } from '../../helpers/sandbox';

const sandbox = useSandbox();

test("a website's active funnels with their steps", async () => {
	const { json } = await runNode(dataFastNode('funnel', 'getAll', { returnAll: true }));
	expect(json).toEqual([
		expect.objectContaining({
			name: 'Pricing to signup',
			isActive: true,
			steps: [
				expect.objectContaining({ type: 'pageview', url: '/pricing' }),
				expect.objectContaining({ type: 'goal', goalName: 'newsletter_signup' }),
			],
		}),
	]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /admin/websites/${SITE_A}/funnels`]);
});

test('a website key lists the funnels of its own website (its ID in the path), not of another', async () => {
	useToken(sandbox, WEBSITE_KEY);
	const own = await runNode(
		dataFastNode('funnel', 'getAll', { website: { __rl: true, mode: 'id', value: SITE_A } }),
	);
	expect(own.json).toHaveLength(1);
	const other = await runNode(
		dataFastNode('funnel', 'getAll', { website: { __rl: true, mode: 'id', value: SITE_B } }),
	);
	expect(other.error?.description).toBe('This API key does not have access to this website');
	expect(other.error?.message).toMatch(
		/^DataFast refused: a website API key \(df_\) reaches only its own website/,
	);
});

test('403 names funnels:read', async () => {
	useToken(sandbox, 'dft_sandbox_noscope');
	const { error } = await runNode(dataFastNode('funnel', 'getAll', {}));
	expect(error?.message).toBe(
		'The DataFast token may not read this website: it needs the funnels:read permission and access to the website',
	);
});
