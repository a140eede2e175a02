/**
 * The sandbox's v3 Shipments and Parcel documents API, over plain HTTP: what node tests will rely on. Every answer
 * is checked against the specs (as amended in test/sandbox/spec/NOTICE.md).
 */
import { execFileSync } from 'child_process';
import { inflateSync } from 'zlib';

import { testSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateV3Response } = require('../sandbox/specValidator');

interface Answer {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	file: Buffer;
}

const sandbox = testSandbox();
const API_KEY = `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`;

beforeAll(async () => {
	await sandbox.listen();
});
beforeEach(() => sandbox.reset());
afterEach(() => {
	// A test that sends a wrong request on purpose takes its violation out.
	expect(sandbox.violations).toEqual([]);
});
afterAll(async () => {
	await sandbox.close();
});

/** One v3 request; its answer must hold to the spec. */
async function call(
	method: string,
	path: string,
	{ body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
	const response = await fetch(`${sandbox.sendcloudV3BaseUrl}${path}`, {
		method,
		headers: {
			Authorization: API_KEY,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...headers,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const contentType = response.headers.get('content-type') ?? '';
	const file = Buffer.from(await response.arrayBuffer());
	const parsed = contentType.startsWith('application/json')
		? JSON.parse(file.toString('utf8'))
		: undefined;
	const pathname = new URL(`${sandbox.sendcloudV3BaseUrl}${path}`).pathname.slice('/api/v3'.length);
	expect(
		validateV3Response({ method, pathname, status: response.status, contentType, body: parsed }),
	).toEqual([]);
	return { status: response.status, headers: response.headers, body: parsed, file };
}

const TO_ADDRESS = {
	name: 'John Doe',
	company_name: 'Sendcloud',
	address_line_1: 'Insulindelaan',
	house_number: '115',
	postal_code: '5642 CV',
	city: 'Eindhoven',
	country_code: 'NL',
	email: 'john.doe@sendcloud.com',
};

function shipment(overrides: Record<string, unknown> = {}, parcels = 1) {
	return {
		to_address: TO_ADDRESS,
		from_address: { sender_address_id: 192 },
		ship_with: {
			type: 'shipping_option_code',
			properties: { shipping_option_code: 'postnl:standard', contract_id: 517 },
		},
		order_number: '1234567890',
		parcels: Array.from({ length: parcels }, () => ({ weight: { value: '1.320', unit: 'kg' } })),
		...overrides,
	};
}

/** An access token of the sandbox's OAuth2 client, another account than the API key's. */
async function oauthToken(): Promise<string> {
	const response = await fetch(sandbox.tokenUrl, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

function pdfText(file: Buffer): string {
	try {
		return execFileSync('pdftotext', ['-', '-'], { input: file }).toString('utf8');
	} catch {
		// Without poppler-utils: the text operators of the (uncompressed) content streams.
		return [...file.toString('latin1').matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]).join('\n');
	}
}

describe('announcing a shipment', () => {
	test('synchronously: a label at once, base64 in label_file for a single parcel, and documents to download', async () => {
		const { status, body } = await call('POST', '/shipments/announce', {
			body: shipment({ external_reference_id: 'order-1' }),
		});
		expect(status).toBe(201);
		const [parcel] = body.data.parcels;
		expect(typeof body.data.id).toBe('string');
		expect(parcel).toMatchObject({
			id: expect.any(Number),
			status: { code: 'READY_TO_SEND', message: 'Ready to send' },
			tracking_number: expect.stringMatching(/^3SYZXG\d{7}$/),
		});
		expect(parcel.tracking_url).toContain(`code=${parcel.tracking_number}`);
		expect(parcel.documents).toEqual([
			{
				type: 'label',
				document_type: 'label',
				size: 'a6',
				link: `${sandbox.sendcloudV3BaseUrl}/parcels/${parcel.id}/documents/label`,
			},
		]);
		expect(body.data.errors).toEqual([]);
		expect(body.data.from_address).toMatchObject({ name: 'Marie Doe', postal_code: '5611 EM' });
		expect(pdfText(Buffer.from(parcel.label_file, 'base64'))).toContain(parcel.tracking_number);
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-1' })).toBe(1);
	});

	test('several parcels: no label_file, a label link each', async () => {
		const { body } = await call('POST', '/shipments/announce', { body: shipment({}, 2) });
		expect(body.data.parcels.map((p: { label_file: unknown }) => p.label_file)).toEqual([
			null,
			null,
		]);
		expect(body.data.parcels.map((p: { documents: unknown[] }) => p.documents.length)).toEqual([
			1, 1,
		]);
	});

	test.each([
		[
			'a recipient postal code the carrier refuses',
			{ to_address: { ...TO_ADDRESS, postal_code: '9999 ZZ' } },
			'400',
			'postal code 9999 ZZ',
		],
		[
			'an unreachable carrier',
			{
				ship_with: {
					type: 'shipping_option_code',
					properties: { shipping_option_code: 'sandbox:unreachable' },
				},
			},
			'500',
			'connecting to the carrier',
		],
	])('a failed announcement is a 201 too: %s', async (_, overrides, errorStatus, detail) => {
		const { status, body } = await call('POST', '/shipments/announce', {
			body: shipment({ external_reference_id: 'failing', ...overrides }),
		});
		expect(status).toBe(201);
		expect(body.data.parcels[0]).toMatchObject({
			status: { code: 'ANNOUNCEMENT_FAILED' },
			documents: [],
			label_file: null,
			tracking_url: null,
		});
		expect(body.data.errors).toEqual([
			expect.objectContaining({
				status: errorStatus,
				code: 'parcel_announcement_error',
				detail: expect.stringContaining(detail),
			}),
		]);
		expect(sandbox.v3.labelsBought()).toBe(0);
	});

	test('asynchronously: announcing at first, announced on the next read', async () => {
		const created = await call('POST', '/shipments', { body: shipment({}, 2) });
		expect(created.status).toBe(201);
		expect(
			created.body.data.parcels.map((p: { status: { code: string } }) => p.status.code),
		).toEqual(['ANNOUNCING', 'ANNOUNCING']);
		const read = await call('GET', `/shipments/${created.body.data.id}`);
		expect(read.body.data.parcels.map((p: { status: { code: string } }) => p.status.code)).toEqual([
			'READY_TO_SEND',
			'READY_TO_SEND',
		]);
		expect(sandbox.v3.labelsBought()).toBe(2);
	});

	test('with shipping rules: the rule picks the shipping option, the defaults fill in the weight', async () => {
		const { body } = await call('POST', '/shipments/announce-with-shipping-rules', {
			body: { to_address: TO_ADDRESS, from_address: { sender_address_id: 192 }, parcels: [{}] },
		});
		expect(body.data.applied_shipping_rules).toEqual([
			{
				rule: { id: 315157, name: 'Ship with PostNL for NL' },
				result: { shipping_option_code: 'postnl:standard' },
			},
		]);
		expect(body.data.parcels[0]).toMatchObject({
			weight: { value: '1.000', unit: 'kg' },
			status: { code: 'READY_TO_SEND' },
		});
	});
});

describe('a label is never bought twice', () => {
	test('a repeated external_reference_id answers 409 with the existing shipment', async () => {
		const first = await call('POST', '/shipments/announce', {
			body: shipment({ external_reference_id: 'order-7' }),
		});
		const again = await call('POST', '/shipments', {
			body: shipment({ external_reference_id: 'order-7' }),
		});
		expect(again.status).toBe(409);
		expect(again.body).toEqual({
			data: {
				...first.body.data,
				label_details: undefined,
				parcels: [expect.objectContaining({ id: first.body.data.parcels[0].id })],
			},
		});
		expect(sandbox.v3.shipments()).toHaveLength(1);
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-7' })).toBe(1);
	});

	test('applied-then-reset: the shipment exists though the client saw no answer, and the retry finds it', async () => {
		sandbox.injectFaults({
			kind: 'applied-then-reset',
			method: 'POST',
			path: '^/api/v3/shipments/announce$',
		});
		await expect(
			call('POST', '/shipments/announce', { body: shipment({ external_reference_id: 'order-9' }) }),
		).rejects.toThrow();
		const retry = await call('POST', '/shipments/announce', {
			body: shipment({ external_reference_id: 'order-9' }),
		});
		expect(retry.status).toBe(409);
		expect(sandbox.v3.shipments()).toHaveLength(1);
		expect(retry.body.data.id).toBe(sandbox.v3.shipments()[0].id);
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-9' })).toBe(1);
	});

	test('uniqueness is per account: the OAuth client has its own shipments', async () => {
		const bearer = { Authorization: `Bearer ${await oauthToken()}` };
		await call('POST', '/shipments/announce', {
			body: shipment({ external_reference_id: 'order-3' }),
		});
		expect(
			(
				await call('POST', '/shipments/announce', {
					body: shipment({ external_reference_id: 'order-3' }),
					headers: bearer,
				})
			).status,
		).toBe(201);
		expect((await call('GET', '/shipments', { headers: bearer })).body.data).toHaveLength(1);
		expect(sandbox.v3.labelsBought({ externalReferenceId: 'order-3' })).toBe(2);
	});
});

describe('listing shipments', () => {
	test('cursor pages through the Link header, absolute URLs, newest first', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++)
			ids.push(
				(
					await call('POST', '/shipments/announce', {
						body: shipment({ order_number: `order-${i}` }),
					})
				).body.data.id,
			);
		const seen: string[] = [];
		let next: string | undefined = '/shipments?page_size=2';
		const links: string[] = [];
		while (next) {
			const page: Answer = await call('GET', next);
			seen.push(...page.body.data.map((s: { id: string }) => s.id));
			const link = page.headers.get('link') ?? '';
			links.push(link);
			const url = /<([^>]+)>; rel="next"/.exec(link)?.[1];
			expect(
				url === undefined ||
					url.startsWith(`${sandbox.sendcloudV3BaseUrl}/shipments?page_size=2&cursor=`),
			).toBe(true);
			next = url?.slice(sandbox.sendcloudV3BaseUrl.length);
		}
		expect(seen).toEqual([...ids].reverse());
		expect(links[1]).toMatch(/rel="prev", <[^>]+>; rel="next"$/);
	});

	test('filters: parcel status by code or number, tracking number, external reference, parcel ids', async () => {
		const a = (
			await call('POST', '/shipments/announce', { body: shipment({ external_reference_id: 'a' }) })
		).body.data;
		await call('POST', '/shipments/announce', {
			body: shipment({ to_address: { ...TO_ADDRESS, postal_code: '9999 ZZ' } }),
		});
		const only = async (query: string) =>
			(await call('GET', `/shipments?${query}`)).body.data.map((s: { id: string }) => s.id);
		expect(await only('parcel_status=READY_TO_SEND')).toEqual([a.id]);
		expect(await only('parcel_status=1000')).toEqual([a.id]);
		expect(await only(`tracking_number=${a.parcels[0].tracking_number}`)).toEqual([a.id]);
		expect(await only('external_reference_id=a')).toEqual([a.id]);
		expect(await only(`ids=${a.parcels[0].id},1`)).toEqual([a.id]);
		expect(await only('external_reference_id=none')).toEqual([]);
		const bad = await call('GET', '/shipments?announced_after=yesterday');
		expect(bad.body.errors[0]).toMatchObject({
			status: '400',
			code: 'invalid',
			detail: 'Validation failed, announced_after is not a datetime',
		});
	});
});

describe('parcel statuses move forward', () => {
	test('over time and through advanceParcels()', async () => {
		let now = Date.parse('2026-03-02T09:00:00Z');
		sandbox.setClock(() => now);
		try {
			const { body } = await call('POST', '/shipments/announce', { body: shipment() });
			const status = async () =>
				(await call('GET', `/shipments/${body.data.id}`)).body.data.parcels[0].status.code;
			now += 25 * 3600 * 1000;
			expect(await status()).toBe('EN_ROUTE_TO_SORTING_CENTER');
			expect(sandbox.v3.advanceParcels({ shipmentId: body.data.id })).toEqual([
				{ id: body.data.parcels[0].id, status: 'DELIVERED' },
			]);
			expect(await status()).toBe('DELIVERED');
		} finally {
			sandbox.setClock();
		}
	});
});

describe('cancelling', () => {
	test('200 without a label, 202 queued with one, 409 once cancelled or delivered', async () => {
		const failed = (
			await call('POST', '/shipments/announce', {
				body: shipment({ to_address: { ...TO_ADDRESS, postal_code: '9999 ZZ' } }),
			})
		).body.data;
		expect(await call('POST', `/shipments/${failed.id}/cancel`)).toMatchObject({
			status: 200,
			body: { data: { status: 'cancelled' } },
		});

		const announced = (await call('POST', '/shipments/announce', { body: shipment() })).body.data;
		expect(await call('POST', `/shipments/${announced.id}/cancel`)).toMatchObject({
			status: 202,
			body: { data: { status: 'queued' } },
		});
		expect((await call('GET', `/shipments/${announced.id}`)).body.data.parcels[0].status.code).toBe(
			'CANCELLATION_REQUESTED',
		);
		const again = await call('POST', `/shipments/${announced.id}/cancel`);
		expect(again).toMatchObject({
			status: 409,
			body: { errors: [{ status: '409', detail: 'This shipment is already being cancelled.' }] },
		});

		const delivered = (await call('POST', '/shipments/announce', { body: shipment() })).body.data;
		sandbox.v3.advanceParcels({ shipmentId: delivered.id });
		sandbox.v3.advanceParcels({ shipmentId: delivered.id });
		expect((await call('POST', `/shipments/${delivered.id}/cancel`)).status).toBe(409);
		expect((await call('POST', '/shipments/unknown/cancel')).status).toBe(404);
	});
});

describe('documents', () => {
	async function announcedParcels(count: number) {
		const { body } = await call('POST', '/shipments/announce', { body: shipment({}, count) });
		return body.data.parcels as Array<{ id: number; tracking_number: string }>;
	}

	test('PDF, with the tracking number in its text', async () => {
		const [parcel] = await announcedParcels(1);
		const { headers, file } = await call('GET', `/parcels/${parcel.id}/documents/label`, {
			headers: { Accept: 'application/pdf' },
		});
		expect(headers.get('content-type')).toBe('application/pdf');
		expect(headers.get('content-disposition')).toBe(
			`attachment; filename="label-${parcel.id}.pdf"`,
		);
		expect(file.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
		expect(pdfText(file)).toContain(`Tracking number: ${parcel.tracking_number}`);
	});

	test('PNG at 300 dpi by default: a valid image of an A6 label, the tracking number in a text chunk', async () => {
		const [parcel] = await announcedParcels(1);
		const { headers, file } = await call('GET', `/parcels/${parcel.id}/documents/label`, {
			headers: { Accept: 'image/png' },
		});
		expect(headers.get('content-type')).toBe('image/png');
		expect(file.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		const chunks: Record<string, Buffer[]> = {};
		for (let at = 8; at < file.length;) {
			const length = file.readUInt32BE(at);
			const type = file.subarray(at + 4, at + 8).toString('latin1');
			(chunks[type] ??= []).push(file.subarray(at + 8, at + 8 + length));
			at += 12 + length;
		}
		expect(Object.keys(chunks)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
		const [width, height] = [chunks.IHDR[0].readUInt32BE(0), chunks.IHDR[0].readUInt32BE(4)];
		expect([width, height]).toEqual([1240, 1748]);
		expect(inflateSync(chunks.IDAT[0]).length).toBe((width + 1) * height);
		expect(chunks.tEXt[0].toString('latin1')).toContain(parcel.tracking_number);
	});

	test('ZPL, and the spec table of resolutions', async () => {
		const [parcel] = await announcedParcels(1);
		const zpl = await call('GET', `/parcels/${parcel.id}/documents/label?dpi=203`, {
			headers: { Accept: 'application/zpl' },
		});
		expect(zpl.file.toString('latin1')).toMatch(
			new RegExp(`^\\^XA[\\s\\S]*\\^FD${parcel.tracking_number}\\^FS[\\s\\S]*\\^XZ\\n$`),
		);
		const pdfAt300 = await call('GET', `/parcels/${parcel.id}/documents/label?dpi=300`, {
			headers: { Accept: 'application/pdf' },
		});
		expect(pdfAt300.body.errors[0]).toMatchObject({ status: '400', source: { parameter: 'dpi' } });
		expect(
			(
				await call('GET', `/parcels/${parcel.id}/documents/customs-declaration`, {
					headers: { Accept: 'application/pdf' },
				})
			).status,
		).toBe(404);
	});

	test('bulk: one file for two parcels, a page or a label format each', async () => {
		const parcels = await announcedParcels(2);
		const query = `parcels=${parcels[0].id}&parcels=${parcels[1].id}&paper_size=A4`;
		const pdf = await call('GET', `/parcel-documents/label?${query}`, {
			headers: { Accept: 'application/pdf' },
		});
		expect(pdf.file.toString('latin1').match(/\/Type \/Page /g)).toHaveLength(2);
		expect(pdf.file.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
		const text = pdfText(pdf.file);
		for (const parcel of parcels) expect(text).toContain(parcel.tracking_number);
		const zpl = await call('GET', `/parcel-documents/label?${query}`, {
			headers: { Accept: 'application/zpl' },
		});
		expect(zpl.file.toString('latin1').match(/\^XA/g)).toHaveLength(2);
	});
});

describe('requests that break the spec, and errors in the v3 shape', () => {
	test('a violation is answered 400 with pointers and reported', async () => {
		const { status, body } = await call('POST', '/shipments/announce', {
			body: shipment({ to_address: { ...TO_ADDRESS, name: undefined } }),
		});
		expect(status).toBe(400);
		expect(body.errors).toEqual([
			{
				status: '400',
				code: 'required',
				detail: "body/to_address must have required property 'name'",
				source: { pointer: '/to_address/name' },
			},
		]);
		expect(sandbox.violations.splice(0)).toEqual([
			{
				method: 'POST',
				path: '/api/v3/shipments/announce',
				violations: ["body/to_address must have required property 'name'"],
			},
		]);
	});

	test('Accept */* is not one of the document formats', async () => {
		const [parcel] = (await call('POST', '/shipments/announce', { body: shipment() })).body.data
			.parcels;
		const { body } = await call('GET', `/parcels/${parcel.id}/documents/label`, {
			headers: { Accept: '*/*' },
		});
		expect(body.errors[0]).toMatchObject({ code: 'invalid_choice', source: { header: 'Accept' } });
		expect(sandbox.violations.splice(0)).toHaveLength(1);
	});

	test('401, 404, 422 and 429', async () => {
		const unauthenticated = await call('GET', '/shipments', {
			headers: { Authorization: 'Basic bm86bm8=' },
		});
		expect(unauthenticated).toMatchObject({
			status: 401,
			body: {
				errors: [
					{ status: '401', code: 'authentication_failed', detail: 'Invalid username/password.' },
				],
			},
		});
		expect(await call('GET', '/shipments/nope')).toMatchObject({
			status: 404,
			body: { errors: [{ status: '404', code: 'not_found' }] },
		});

		sandbox.injectFaults({ kind: '422', path: '^/api/v3/shipments$', message: 'Unprocessable.' });
		expect(await call('GET', '/shipments')).toMatchObject({
			status: 422,
			body: { errors: [{ status: '422', code: 'invalid', detail: 'Unprocessable.' }] },
		});

		sandbox.options.rateLimits = {
			read: [{ limit: 1, periodMs: 60_000 }],
			write: [{ limit: 1, periodMs: 60_000 }],
		};
		try {
			await call('GET', '/shipments');
			const throttled = await call('GET', '/shipments');
			expect(throttled).toMatchObject({
				status: 429,
				body: {
					errors: [
						{
							status: '429',
							code: 'throttled',
							detail: expect.stringMatching(/^Request was throttled/),
						},
					],
				},
			});
			expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
		} finally {
			sandbox.options.rateLimits = null;
		}
	});

	test('address validation takes API keys only, as its spec says', async () => {
		const request = {
			address: {
				address_line_1: 'Insulindelaan 115',
				postal_code: '5642cv',
				city: 'Eindhoven',
				country_code: 'NL',
			},
			carrier_code: 'postnl',
		};
		expect(
			(
				await call('POST', '/addresses/validate', {
					body: request,
					headers: { Authorization: `Bearer ${await oauthToken()}` },
				})
			).status,
		).toBe(401);
		expect(sandbox.violations.splice(0)).toHaveLength(1);
		const { body } = await call('POST', '/addresses/validate', { body: request });
		expect(body).toEqual({
			input_address_is_valid: true,
			results: [
				{
					address: {
						address_line_1: 'Insulindelaan',
						house_number: '115',
						postal_code: '5642 CV',
						city: 'Eindhoven',
						country_code: 'NL',
					},
					recommended: true,
					analysis: {
						validation_result: { is_valid: true, reasons: [] },
						changed_attributes: ['address_line_1', 'house_number', 'postal_code'],
					},
				},
			],
		});
	});

	test('return portal URL for a shipment with a brand, 404 without', async () => {
		const branded = (
			await call('POST', '/shipments/announce', { body: shipment({ brand_id: 42 }) })
		).body.data;
		expect((await call('GET', `/shipments/${branded.id}/return-portal-url`)).body).toEqual({
			data: { url: `http://mybrand.returns-portal.com/initiate/${branded.id}` },
		});
		const plain = (await call('POST', '/shipments/announce', { body: shipment() })).body.data;
		const missing = await call('GET', `/shipments/${plain.id}/return-portal-url`);
		expect(missing).toMatchObject({
			status: 404,
			body: { errors: [{ detail: 'No return portal is configured for this shipment.' }] },
		});
	});
});
