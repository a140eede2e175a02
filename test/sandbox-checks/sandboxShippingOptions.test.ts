/**
 * The sandbox's v3 shipping options over plain HTTP: every answer holds to the vendored spec, and the catalogue
 * behaves as test/sandbox/spec/NOTICE.md says (cheapest and fastest differ, weight limits, multicollo).
 */
import { testSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

const sandbox = testSandbox();
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;

beforeAll(async () => {
	await sandbox.listen();
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
	await sandbox.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function options(body: unknown): Promise<{ status: number; body: any }> {
	const response = await fetch(`${sandbox.sendcloudV3BaseUrl}/shipping-options`, {
		method: 'POST',
		headers: { Authorization: API_KEY, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const parsed = await response.json();
	expect(
		validateV3Response({
			method: 'POST',
			pathname: '/shipping-options',
			status: response.status,
			contentType: response.headers.get('content-type'),
			body: parsed,
		}),
	).toEqual([]);
	return { status: response.status, body: parsed };
}

const kg = (value: string) => ({ weight: { value, unit: 'kg' } });
const route = (to: string) => ({
	from_address: { country_code: 'NL' },
	to_address: { country_code: to },
});

test('quotes in the spec’s shape, weight and destination priced, lead times in hours', async () => {
	const { status, body } = await options({
		...route('NL'),
		parcels: [kg('1')],
		calculate_quotes: true,
	});
	expect(status).toBe(200);
	const quoted = body.data.map(
		(o: {
			code: string;
			quotes: Array<{ price: { total: { value: string } }; lead_time: number }>;
		}) => [o.code, o.quotes[0].price.total.value, o.quotes[0].lead_time],
	);
	expect(quoted).toContainEqual(['sandbox:letterbox', '2.95', 24]);
	expect(quoted).toContainEqual(['dhl:express', '15.00', 12]);
	const heavier = await options({ ...route('DE'), parcels: [kg('10')], calculate_quotes: true });
	expect(
		heavier.body.data.find((o: { code: string }) => o.code === 'dhl:express').quotes[0].price.total
			.value,
	).toBe('34.00');
	expect(sandbox.violations).toEqual([]);
});

test('heavy parcels fit fewer options; several parcels only multicollo ones; none: an empty list with a message', async () => {
	const heavy = await options({ ...route('NL'), parcels: [kg('30')] });
	expect(heavy.body.data.map((o: { code: string }) => o.code)).toEqual([
		'dhl:express',
		'dpd:classic',
	]);
	expect(heavy.body.data[0].quotes).toBeNull();
	const two = await options({
		...route('NL'),
		parcels: [kg('1'), kg('1')],
		calculate_quotes: true,
	});
	expect(
		two.body.data.every(
			(o: { functionalities: { multicollo: boolean } }) => o.functionalities.multicollo,
		),
	).toBe(true);
	const none = await options({ ...route('NL'), parcels: [kg('40')] });
	expect(none.body).toEqual({ data: [], message: expect.stringContaining("We couldn't find") });
	expect(sandbox.violations).toEqual([]);
});

test('errors: no parcels, an unknown contract, address and flat fields together, and a request off the spec', async () => {
	expect((await options({ ...route('NL'), parcels: [] })).body.errors[0].detail).toBe(
		'At least one parcel must be provided.',
	);
	expect(
		(await options({ ...route('NL'), parcels: [kg('1')], contract_id: 999 })).body.errors[0],
	).toMatchObject({
		detail: 'Invalid contract.',
		source: { pointer: '/contract_id' },
	});
	expect(
		(await options({ ...route('NL'), from_country_code: 'NL', parcels: [kg('1')] })).status,
	).toBe(400);
	const offSpec = await options({
		...route('NL'),
		parcels: [{ weight: { value: 1, unit: 'stone' } }],
	});
	expect(offSpec.status).toBe(400);
	expect(sandbox.violations).toHaveLength(1);
	sandbox.violations.length = 0;
});
