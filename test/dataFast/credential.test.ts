import { testCredential } from '../helpers/engine';
import { SITE_A, WEBSITE_KEY, dataFastCalls, dataFastStore } from '../helpers/dataFast';
import { DATAFAST_TOKEN, useSandbox } from '../helpers/sandbox';

const sandbox = useSandbox({
	dataFastTokens: {
		dft_sandbox_full: { websites: [SITE_A], scopes: ['analytics:read', 'websites:read'] },
		dft_sandbox_noscope: { websites: [SITE_A], scopes: ['analytics:read'] },
		dft_sandbox_nowebsite: { websites: ['66f1c0ffee0123456789ffff'], scopes: ['websites:read'] },
	},
	dataFastKeys: { df_sandbox_gone: '66f1c0ffee0123456789ffff' },
});

const check = (apiToken: string, extra: Record<string, unknown> = {}) =>
	testCredential('dataFastApi', { apiToken, baseUrl: sandbox.dataFastBaseUrl, ...extra });
const OK = { status: 'OK', message: 'Connection successful!' };

test('an account token (dft_) is checked by listing its websites', async () => {
	expect(await check(DATAFAST_TOKEN)).toEqual(OK);
	expect(dataFastCalls(sandbox)).toEqual(['GET /admin/websites']);
});

test('a website API key (df_) is checked by reading its website, without a website ID', async () => {
	expect(await check(WEBSITE_KEY)).toEqual(OK);
	expect(dataFastCalls(sandbox)).toEqual(['GET /analytics/metadata']);
});

test('a saved credential without Token Type (from before it existed) keeps working', async () => {
	expect(await check(DATAFAST_TOKEN, { kind: undefined })).toEqual(OK);
});

test('an invalid token says so', async () => {
	expect(await check('dft_revoked')).toEqual({
		status: 'Error',
		message:
			'DataFast did not accept the token: it is wrong or revoked, or Token Type names the other kind (df_ website key, dft_ account token)',
	});
	expect((await check('df_revoked')).status).toBe('Error');
});

test('an account token without websites:read names the missing permission', async () => {
	const result = await check('dft_sandbox_noscope');
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/needs the websites:read permission/);
});

test('an account token with access to no website says so', async () => {
	expect(await check('dft_sandbox_nowebsite')).toEqual({
		status: 'Error',
		message:
			'DataFast accepted the account token, but it has access to no website: give it access to a website in DataFast',
	});
});

test('a website key whose website is gone, or whose tracking is suspended, says so', async () => {
	expect(await check('df_sandbox_gone')).toEqual({
		status: 'Error',
		message: 'DataFast accepted the key, but its website no longer exists',
	});
	dataFastStore(sandbox).suspend(SITE_A);
	expect((await check(WEBSITE_KEY)).message).toMatch(/tracking may be suspended/);
});

test('Token Type overrides the prefix: a df_ key sent as an account token is refused with a reason', async () => {
	const result = await check(WEBSITE_KEY, { kind: 'accountToken' });
	expect(result.status).toBe('Error');
	expect(dataFastCalls(sandbox)).toEqual(['GET /admin/websites']);
});

test("an answer that is not DataFast's fails, and no token appears in any message", async () => {
	const result = await testCredential('dataFastApi', {
		apiToken: DATAFAST_TOKEN,
		baseUrl: `${sandbox.url}/not-datafast`,
	});
	expect(result).toEqual({
		status: 'Error',
		message:
			'Could not check the token: the answer did not come from the DataFast API (check the API Base URL)',
	});
	for (const token of [DATAFAST_TOKEN, WEBSITE_KEY, 'dft_revoked'])
		expect(JSON.stringify([result, await check(token)])).not.toContain(token);
});
