/**
 * The sandbox's tracking, returns and parcel statuses (test/sandbox/v3/tracking.js, returns.js): each answer holds
 * to the spec's declared response, and the rules NOTICE.md lists hold.
 */
import { CLOCK_START, testSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

const sandbox = testSandbox();
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;
const DAY = 24 * 3600 * 1000;
let now = CLOCK_START;

beforeAll(async () => {
	await sandbox.listen();
});
beforeEach(() => {
	sandbox.reset();
	now = CLOCK_START;
	sandbox.setClock(() => now);
});
afterEach(() => expect(sandbox.violations).toEqual([]));
afterAll(async () => {
	await sandbox.close();
});

/** One v3 request; its answer must hold to the spec. */
async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.sendcloudV3BaseUrl}${path}`, {
		method,
		headers: {
			Authorization: API_KEY,
			Accept: 'application/json',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const contentType = response.headers.get('content-type') ?? '';
	const text = await response.text();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const parsed: any = contentType.startsWith('application/json') ? JSON.parse(text) : undefined;
	const pathname = new URL(`${sandbox.sendcloudV3BaseUrl}${path}`).pathname.slice('/api/v3'.length);
	expect(
		validateV3Response({ method, pathname, status: response.status, contentType, body: parsed }),
	).toEqual([]);
	return { status: response.status, body: parsed, date: response.headers.get('date') };
}

const RETURN = {
	from_address: {
		name: 'Anna',
		address_line_1: 'Keizersgracht',
		house_number: '100',
		postal_code: '1015 CS',
		city: 'Amsterdam',
		country_code: 'NL',
	},
	to_address: {
		name: 'Warehouse',
		address_line_1: 'Stadhuisplein',
		house_number: '10',
		postal_code: '5611 EM',
		city: 'Eindhoven',
		country_code: 'NL',
	},
	ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:standard/return' },
	weight: { value: 500, unit: 'g' },
	dimensions: { length: 30, width: 20, height: 10, unit: 'cm' },
};

describe('returns', () => {
	test('created in the background: announcing, then announced with a label on the next read', async () => {
		const created = await call('POST', '/returns', { ...RETURN, external_reference: 'S-1' });
		expect(created).toMatchObject({ status: 201, date: new Date(CLOCK_START).toUTCString() });
		const got = await call('GET', `/returns/${created.body.return_id}`);
		expect(got.body).toMatchObject({
			id: created.body.return_id,
			is_cancellable: true,
			label_url: `${sandbox.sendcloudV3BaseUrl}/parcels/${created.body.parcel_id}/documents/label`,
		});
		expect(got.body.status_history.map((h: { parent_status: string }) => h.parent_status)).toEqual([
			'Being announced',
			'Announced',
		]);
	});

	test('a repeated reference: 400 in each endpoint’s own shape, nothing created', async () => {
		await call('POST', '/returns', { ...RETURN, external_reference: 'S-2' });
		const again = await call('POST', '/returns', { ...RETURN, external_reference: 'S-2' });
		const sync = await call('POST', '/returns/announce-synchronously', {
			...RETURN,
			external_reference: 'S-2',
		});
		const message = 'External reference has already been used in another return.';
		expect(again.body).toEqual({
			errors: [{ field: 'external_reference', code: 'invalid', message }],
		});
		expect(sync.body).toEqual({
			error: { code: 'invalid', request: 'api/v3/returns/announce-synchronously', message },
		});
	});

	test('the journey on the sandbox clock, the list filter and its pages, and the cancel rules', async () => {
		const ids = [];
		for (let n = 0; n < 3; n++)
			ids.push((await call('POST', '/returns/announce-synchronously', RETURN)).body.return_id);
		now = CLOCK_START + 1.5 * DAY;
		const first = await call(
			'GET',
			'/returns?from_date=2026-12-01%2000:00:00&to_date=2026-12-02%2000:00:00&page_size=2&parent_parcel_status=to-sorting',
		);
		expect(first.body.data.map((r: { id: number }) => r.id)).toEqual(ids.slice(0, 2));
		const second = await call(
			'GET',
			new URL(first.body.next).pathname.slice(7) + new URL(first.body.next).search,
		);
		expect(second.body.data.map((r: { id: number }) => r.id)).toEqual(ids.slice(2));
		expect(second.body.next).toBeUndefined();
		const refused = await call('PATCH', `/returns/${ids[0]}/cancel`);
		expect(refused).toMatchObject({
			status: 409,
			body: {
				errors: [
					{
						field: 'returns',
						code: 409,
						message: 'Return is not cancellable: the carrier already has the parcel.',
					},
				],
			},
		});
		now = CLOCK_START + 4 * DAY;
		const delivered = await call('GET', `/returns/${ids[0]}`);
		expect(delivered.body).toMatchObject({
			is_cancellable: false,
			delivered_at: CLOCK_START + 3 * DAY,
			delivered_at_iso: new Date(CLOCK_START + 3 * DAY).toISOString(),
		});
	});

	test('validate: the answer’s weight in kilograms, dimensions without unit; the carrier’s refusal is a 400', async () => {
		const ok = await call('POST', '/returns/validate', RETURN);
		expect(ok.body).toMatchObject({
			weight: 0.5,
			dimensions: { length: 30, width: 20, height: 10 },
		});
		const refused = await call('POST', '/returns/validate', {
			...RETURN,
			from_address: { ...RETURN.from_address, postal_code: '9999 ZZ' },
		});
		expect(refused.status).toBe(400);
	});
});

describe('tracking and statuses', () => {
	test('a return’s tracking number is tracked as a return; an unknown one is 404', async () => {
		const created = await call('POST', '/returns/announce-synchronously', RETURN);
		const ret = await call('GET', `/returns/${created.body.return_id}`);
		const tracked = await call('GET', `/parcels/tracking/${ret.body.tracking_number}`);
		expect(tracked.body.details.is_return).toBe(true);
		expect(await call('GET', '/parcels/tracking/NOPE')).toMatchObject({
			status: 404,
			body: { detail: 'Parcel does not exist' },
		});
	});

	test('a registered parcel: created, then 200 created false; another source ID for its number: 409', async () => {
		const request = {
			tracking_number: { carrier_code: 'dhl', tracking_number: 'DHL1' },
			announced_at: '2026-11-30T00:00:00Z',
			ship_with: { type: 'contract', properties: { contract_id: 1 } },
			from_address: { postal_code: '10115', country_code: 'DE' },
			to_address: { postal_code: '1015 CS', country_code: 'NL' },
			shipment: { source_id: 'S' },
			source_id: 'P-1',
		};
		expect((await call('POST', '/parcels/tracking', request)).body.created).toBe(true);
		expect((await call('POST', '/parcels/tracking', request)).body.created).toBe(false);
		expect((await call('POST', '/parcels/tracking', { ...request, source_id: 'P-2' })).status).toBe(
			409,
		);
	});

	test('the parcel statuses list', async () => {
		const { body } = await call('GET', '/parcels/statuses');
		expect(body.data).toContainEqual({ code: 'READY_TO_SEND', message: 'Ready to send' });
	});
});
