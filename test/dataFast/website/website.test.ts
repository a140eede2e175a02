import { listSearch, runNode } from '../../helpers/engine';
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

test('Get Many: the websites the token may reach', async () => {
	const { json } = await runNode(dataFastNode('website', 'getAll', { returnAll: true }));
	expect(json.map((w) => [w._id, w.domain])).toEqual([
		[SITE_A, 'shop.example.com'],
		[SITE_B, 'blog.example.org'],
	]);
	useToken(sandbox, 'dft_sandbox_analytics_b');
	const limited = await runNode(dataFastNode('website', 'getAll', { limit: 5 }));
	expect(limited.json.map((w) => w._id)).toEqual([SITE_B]);
	expect(dataFastCalls(sandbox)).toEqual(['GET /admin/websites', 'GET /admin/websites']);
});

test('Get Many with a website key says it needs an account token, before sending', async () => {
	useToken(sandbox, WEBSITE_KEY);
	const { error } = await runNode(dataFastNode('website', 'getAll', {}));
	expect(error?.message).toBe(
		'Listing websites needs an account token (dft_): a website API key (df_) belongs to one website',
	);
	expect(dataFastCalls(sandbox)).toEqual([]);
});

test('Get: one website by ID; 403 names settings:read', async () => {
	const { json } = await runNode(dataFastNode('website', 'get', {}));
	expect(json).toEqual([
		expect.objectContaining({
			_id: SITE_A,
			name: 'Example Shop',
			timezone: 'UTC',
			kpi: 'newsletter_signup',
		}),
	]);
	expect(dataFastCalls(sandbox)).toEqual([`GET /admin/websites/${SITE_A}`]);
	useToken(sandbox, 'dft_sandbox_analytics_b');
	const { error } = await runNode(
		dataFastNode('website', 'get', { website: { __rl: true, mode: 'id', value: SITE_B } }),
	);
	expect(error?.message).toBe(
		'The DataFast token may not read this website: it needs the settings:read permission and access to the website',
	);
});

test('the Website list: name and domain per website; a website key gets a clear message', async () => {
	const node = dataFastNode('analytics', 'overview');
	expect(await listSearch(node, 'searchWebsites')).toEqual({
		results: [
			{ name: 'Example Shop (shop.example.com)', value: SITE_A, url: 'https://shop.example.com' },
			{ name: 'Example Blog (blog.example.org)', value: SITE_B, url: 'https://blog.example.org' },
		],
	});
	expect((await listSearch(node, 'searchWebsites', 'blog')).results.map((r) => r.value)).toEqual([
		SITE_B,
	]);
	useToken(sandbox, WEBSITE_KEY);
	await expect(listSearch(node, 'searchWebsites')).rejects.toThrow(/belongs to one website/);
});
