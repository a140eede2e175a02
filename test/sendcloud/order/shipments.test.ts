import { DateTime } from 'luxon';

import { credentialsHelper, makeNode, runNode } from '../../helpers/engine';
import { orders, shopOrder } from '../../helpers/orders';
import { API_KEY, apiCalls, seed, useSandbox } from '../../helpers/sandbox';

// Integration 101 holds 315 seeded orders, 102 holds 35, 103 none; the sandbox serves 100 a page.
const sandbox = useSandbox();

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const shipmentNode = (parameters: Record<string, unknown>, settings = {}) =>
	makeNode('sendcloud', { resource: 'shipment', ...parameters } as never, settings);
const upsert = (parameters: Record<string, unknown> = {}, settings = {}) =>
	shipmentNode(
		{ operation: 'upsert', integrationId: byId(101), dataMode: 'autoMapInputData', ...parameters },
		settings,
	);
const fieldErrorsOf = (item: { error?: unknown }) =>
	(item.error as { context: { fieldErrors: unknown } }).context.fieldErrors;
const posts = () =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments'));

describe('Get Many', () => {
	const list = (parameters: Record<string, unknown>) =>
		shipmentNode({ operation: 'getAll', integrationId: byId(101), returnAll: true, ...parameters });

	test('Return All follows every page, with no order twice', async () => {
		const { json } = await runNode(list({ simplify: false }));
		expect(json).toHaveLength(315);
		expect(new Set(json.map((s) => s.shipment_uuid)).size).toBe(315);
		expect(apiCalls(sandbox)).toHaveLength(4);
		expect(json[0]).toHaveProperty('parcel_items');
	});

	test.each([
		[100, 1],
		[101, 2],
		[250, 3],
		[1, 1],
	])('Limit %i makes %i request(s)', async (limit, requests) => {
		const { json } = await runNode(list({ returnAll: false, limit }));
		expect(json).toHaveLength(limit);
		expect(apiCalls(sandbox)).toHaveLength(requests);
	});

	test('exactly one page', async () => {
		const { json } = await runNode(list({ integrationId: byId(102) }));
		expect(json).toHaveLength(35);
		expect(apiCalls(sandbox)).toEqual(['GET /api/v2/integrations/102/shipments']);
	});

	test('an empty integration', async () => {
		const { json, error } = await runNode(list({ integrationId: byId(103) }));
		expect(error).toBeUndefined();
		expect(json).toEqual([]);
	});

	test('Simplify keeps the main fields only', async () => {
		const { json } = await runNode(list({ returnAll: false, limit: 1 }));
		expect(Object.keys(json[0]).sort()).toEqual(
			[
				'city',
				'country',
				'created_at',
				'currency',
				'email',
				'external_order_id',
				'external_shipment_id',
				'name',
				'order_number',
				'order_status',
				'payment_status',
				'postal_code',
				'shipment_created_at',
				'shipment_updated_at',
				'shipment_uuid',
				'total_order_value',
			].sort(),
		);
	});

	test('filters are sent as the spec describes: days, exploded lists', async () => {
		const { json } = await runNode(
			list({
				filters: {
					startDate: '2026-11-17T23:30:00+01:00',
					endDate: '={{ DateTime.fromISO("2026-11-20T08:00:00", { zone: "Europe/Amsterdam" }) }}',
					externalOrderIds: '100001, 100002,100150',
					orderNumber: '',
					shippingRules: true,
				},
			}),
		);
		const query = new URLSearchParams(sandbox.requests[0].query);
		expect(query.get('start_date')).toBe('2026-11-17');
		expect(query.get('end_date')).toBe('2026-11-20');
		expect(query.getAll('external_order_ids')).toEqual(['100001', '100002', '100150']);
		expect(query.get('shipping_rules')).toBe('true');
		expect(
			json.every((s) => ['100001', '100002', '100150'].includes(String(s.external_order_id))),
		).toBe(true);
	});

	test('a start date after the end date is refused before sending', async () => {
		const { error } = await runNode(
			list({ filters: { startDate: '2026-11-20', endDate: '2026-11-01' } }),
		);
		expect(error?.message).toBe('The start date is after the end date');
		expect(apiCalls(sandbox)).toEqual([]);
	});

	test('Return All lists more orders than one function call takes as arguments', async () => {
		// 160,000 orders once failed with "Maximum call stack size exceeded" after every page was
		// read: the whole list was spread into one push. Bigger pages keep this test fast.
		sandbox.state.shipments.set(103, seed({ orders: 200_000, ordersOf: 103 }).shipments.get(103));
		const { pageSize } = sandbox.options;
		sandbox.options.pageSize = 10_000;
		try {
			const { json, error } = await runNode(list({ integrationId: byId(103) }));
			expect(error).toBeUndefined();
			expect(json).toHaveLength(200_000);
			expect(new Set(json.map((s) => s.external_order_id)).size).toBe(200_000);
			// Newest first: the last order seeded, then back to the first.
			expect(json[0].external_order_id).toBe('299999');
			expect(json[199_999].external_order_id).toBe('100000');
			expect(apiCalls(sandbox)).toHaveLength(20);
		} finally {
			sandbox.options.pageSize = pageSize;
		}
	});

	test('a date filter turns Luxon dates into days', () => {
		const { toApiDate } = jest.requireActual('../../../nodes/Sendcloud/helpers/dates');
		expect(toApiDate(DateTime.fromISO('2026-01-02T23:59:00', { zone: 'America/New_York' }))).toBe(
			'2026-01-02',
		);
		expect(toApiDate(new Date('2026-01-02T10:00:00Z'))).toBe('2026-01-02');
		expect(toApiDate('yesterday')).toBeUndefined();
	});
});

describe('Create or Update', () => {
	test.each([
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3],
	])('%i orders go in %i request(s) of at most 100', async (count, requests) => {
		const { json, error } = await runNode(upsert(), orders(count));
		expect(error).toBeUndefined();
		expect(posts().map((r) => (r.body as unknown[]).length)).toEqual(
			Array.from({ length: requests }, (_, i) => Math.min(100, count - i * 100)),
		);
		expect(json).toHaveLength(count);
		expect(json.every((o) => o.status === 'created' && typeof o.shipment_uuid === 'string')).toBe(
			true,
		);
	});

	test('each output item is paired with its input item and says what happened to its order', async () => {
		const { items } = await runNode(upsert(), orders(3));
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({
			status: 'created',
			integration_id: 101,
			external_order_id: '900001',
			external_shipment_id: null,
			shipment_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		const sent = (posts()[0].body as Array<Record<string, unknown>>)[1];
		expect(sent).toMatchObject({
			country: 'NL',
			currency: 'EUR',
			external_order_id: '900001',
			external_shipment_id: null,
			total_order_value: '20.95',
			weight: '0.5',
			order_status: { id: 'processing', message: 'processing' },
			parcel_items: [
				{
					description: 'T-shirt',
					quantity: 1,
					value: '19.95',
					weight: '0.5',
					origin_country: 'NL',
				},
			],
			customs_shipment_type: 2,
			updated_at: sent.created_at,
		});
	});

	test('a second send reports updated only for orders whose updated_at changed', async () => {
		await runNode(upsert(), orders(4));
		const again = orders(4);
		again[2].updated_at = '2026-11-22T10:00:00.000Z';
		const { json } = await runNode(upsert(), again);
		expect(json.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'updated', 'unchanged']);
		expect(
			sandbox.state.shipments
				.get(101)!
				.filter((s) => String(s.external_order_id).startsWith('9000')),
		).toHaveLength(4);
	});

	describe('mixed valid and invalid orders in one batch (250 items)', () => {
		const mixed = () => {
			const list = orders(250);
			list[3] = shopOrder(3, { email: 'not-an-email' }); // refused before sending
			list[120] = shopOrder(120, { country: 'Netherlands' }); // refused before sending
			// Refused by the API only: the spec's schema allows any delivery method type, its prose does not.
			list[201] = shopOrder(201, {
				checkout_payload: {
					sender_address_id: 1,
					shipping_product: {
						code: 'postnl:standard',
						name: 'PostNL',
						selected_functionalities: {},
					},
					delivery_method_type: 'teleport',
				},
			});
			return list;
		};

		test('with Continue On Fail, failed orders come out as errors and the rest as successes', async () => {
			const { items, error } = await runNode(
				upsert({}, { onError: 'continueRegularOutput' }),
				mixed(),
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(250);
			const failed = items.flatMap((item, i) => (item.error ? [i] : []));
			expect(failed).toEqual([3, 120, 201]);
			expect(items[3].json).toEqual({
				error: 'Order 900003 was not sent: email: Enter a valid email address.',
			});
			expect(fieldErrorsOf(items[3])).toEqual({ email: ['Enter a valid email address.'] });
			expect(fieldErrorsOf(items[120])).toEqual({
				country: ['"NETHERLANDS" is not a valid choice.'],
			});
			expect(fieldErrorsOf(items[201])).toEqual({
				checkout_payload: { delivery_method_type: ['"teleport" is not a valid choice.'] },
			});
			expect(items[201].json.error).toBe(
				'Sendcloud refused order 900201: checkout_payload.delivery_method_type: "teleport" is not a valid choice.',
			);
			expect(items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
			expect(items.filter((i) => i.json.status === 'created')).toHaveLength(247);
			expect(posts().map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 48]);
		});

		test('without Continue On Fail, the node fails after sending and names every failed item', async () => {
			const { error } = await runNode(upsert(), mixed());
			expect(error?.message).toBe('3 of 250 orders were not accepted');
			expect(error?.description).toContain(
				'item 3: Order 900003 was not sent: email: Enter a valid email address.',
			);
			expect(error?.description).toContain('item 120: Order 900120 was not sent: country:');
			expect(error?.description).toContain('item 201: Sendcloud refused order 900201');
			expect(error?.description).toContain('The other 247 orders were sent.');
			expect(
				sandbox.state.shipments
					.get(101)!
					.filter((s) => String(s.external_order_id).startsWith('900')),
			).toHaveLength(247);
		});
	});

	test('orders go to the integration each item names, batched per integration', async () => {
		const node = upsert({
			integrationId: { __rl: true, mode: 'id', value: '={{ $json.integration }}' },
		});
		const input = orders(6).map((o, i) => ({ ...o, integration: i % 2 ? 102 : 101 }));
		const { json } = await runNode(node, input);
		expect(json.map((o) => o.integration_id)).toEqual([101, 102, 101, 102, 101, 102]);
		expect(
			posts()
				.map((r) => `${r.path} ${(r.body as unknown[]).length}`)
				.sort(),
		).toEqual(['/api/v2/integrations/101/shipments 3', '/api/v2/integrations/102/shipments 3']);
	});

	test('the same order twice in one execution is sent in order, in separate batches', async () => {
		const first = shopOrder(1);
		const second = shopOrder(1, { updated_at: '2026-11-22T12:00:00.000Z', city: 'Utrecht' });
		const { json } = await runNode(upsert(), [first, shopOrder(2), second]);
		expect(json.map((o) => o.status)).toEqual(['created', 'created', 'updated']);
		expect(posts().map((r) => (r.body as unknown[]).length)).toEqual([2, 1]);
		expect(
			sandbox.state.shipments.get(101)!.find((s) => s.external_order_id === '900001')!.city,
		).toBe('Utrecht');
	});

	test('Define Below builds the order from the node fields', async () => {
		const node = upsert({
			dataMode: 'defineBelow',
			name: '={{ $json.customer }}',
			address: 'Meir',
			houseNumber: '50',
			city: 'Antwerpen',
			postalCode: '2000',
			country: 'BE',
			email: 'emma@example.com',
			orderNumber: 'BE-1',
			externalOrderId: 'be-1',
			externalShipmentId: '',
			createdAt: '2026-11-21T10:00:00.000Z',
			currency: 'EUR',
			parcelItems: {
				item: [
					{
						description: 'Mug',
						quantity: 2,
						value: '8.50',
						weight: '0.4',
						hsCode: '691200',
						originCountry: 'be',
					},
				],
			},
			additionalFields: {
				companyName: 'Janssens BV',
				paymentStatus: 'paid',
				totalOrderValue: '17.00',
				customsShipmentType: 2,
				checkoutPayload: '',
			},
		});
		const { json, error } = await runNode(node, [{ customer: 'Emma Janssens' }]);
		expect(error).toBeUndefined();
		expect(json[0].status).toBe('created');
		expect((posts()[0].body as unknown[])[0]).toMatchObject({
			name: 'Emma Janssens',
			company_name: 'Janssens BV',
			country: 'BE',
			external_order_id: 'be-1',
			external_shipment_id: null,
			payment_status: { id: 'paid', message: 'paid' },
			parcel_items: [
				{
					description: 'Mug',
					quantity: 2,
					value: '8.50',
					weight: '0.4',
					hs_code: '691200',
					origin_country: 'BE',
				},
			],
		});
	});

	test('a 403 explains that only official partners may create orders', async () => {
		sandbox.options.requirePartnerId = true;
		try {
			const { error } = await runNode(upsert(), orders(2));
			expect(error?.message).toBe('Sendcloud refused access to this resource');
			expect(error?.description).toContain('only open to official Sendcloud partners');
			expect(error?.description).toContain('Partner ID');
			expect(posts()).toHaveLength(1);
			credentialsHelper.set('sendcloudApi', {
				...API_KEY,
				baseUrl: sandbox.sendcloudBaseUrl,
				partnerId: 'partner-7',
			});
			const { json } = await runNode(upsert(), orders(2));
			expect(json.map((o) => o.status)).toEqual(['created', 'created']);
		} finally {
			sandbox.options.requirePartnerId = false;
		}
	});

	test('an injected 429 mid-import is retried: every order lands exactly once', async () => {
		sandbox.injectFaults({ kind: '429', method: 'POST', retryAfter: 0, times: 2 });
		const { json, error } = await runNode(upsert(), orders(250));
		expect(error).toBeUndefined();
		expect(json.filter((o) => o.status === 'created')).toHaveLength(250);
		expect(
			posts()
				.map((r) => r.status)
				.filter((s) => s === 429),
		).toHaveLength(2);
		const stored = sandbox.state.shipments
			.get(101)!
			.filter((s) => String(s.external_order_id).startsWith('900'));
		expect(new Set(stored.map((s) => s.external_order_id)).size).toBe(250);
		expect(stored).toHaveLength(250);
	});

	test('a 500 on a batch is retried (the upsert is idempotent): all its orders land, none twice', async () => {
		sandbox.injectFaults({ kind: '500', method: 'POST', retryAfter: 0 });
		const { json, error } = await runNode(upsert(), orders(100));
		expect(error).toBeUndefined();
		expect(json.filter((o) => o.status === 'created')).toHaveLength(100);
		expect(posts().map((r) => r.status)).toEqual([500, 200]);
		expect(
			sandbox.state.shipments
				.get(101)!
				.filter((s) => String(s.external_order_id).startsWith('900')),
		).toHaveLength(100);
	});
});

describe('Delete', () => {
	test('by shipment UUID', async () => {
		const target = sandbox.state.shipments.get(101)![5];
		const { json } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: target.shipment_uuid,
			}),
		);
		expect(json).toEqual([
			{ deleted: true, integration_id: 101, shipment_uuid: target.shipment_uuid },
		]);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v2/integrations/101/shipments/delete',
			body: { shipment_uuid: target.shipment_uuid },
		});
		expect(
			sandbox.state.shipments.get(101)!.some((s) => s.shipment_uuid === target.shipment_uuid),
		).toBe(false);
	});

	test('by external order ID, for an order that is not split', async () => {
		const { json } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'externalIds',
				externalOrderId: '100000',
				externalShipmentId: '',
			}),
		);
		expect(json).toEqual([
			{
				deleted: true,
				integration_id: 101,
				external_order_id: '100000',
				external_shipment_id: null,
			},
		]);
		expect(sandbox.requests[0].body).toEqual({
			external_order_id: '100000',
			external_shipment_id: '',
		});
	});

	test('an order Sendcloud does not have', async () => {
		const { error } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: '6b436cb2-65a4-482c-9d25-38be7868ff00',
			}),
		);
		expect(error?.message).toBe(
			'Sendcloud has no such order in integration 101: check the shipment UUID, or the external order and shipment IDs (list the orders with Order → Get Many)',
		);
		expect(error?.description).toContain('No ShipmentBlob matches the given query.');
	});

	test('a malformed UUID is refused before sending', async () => {
		const { error } = await runNode(
			shipmentNode({
				operation: 'delete',
				integrationId: byId(101),
				deleteBy: 'shipmentUuid',
				shipmentUuid: '123',
			}),
		);
		expect(error?.message).toBe('"123" is not a shipment UUID');
		expect(apiCalls(sandbox)).toEqual([]);
	});
});

describe('orders are checked against the spec before sending', () => {
	test.each([
		[
			'a checkout payload missing its delivery data',
			{
				checkout_payload: {
					sender_address_id: 1,
					shipping_product: {},
					delivery_method_type: 'standard_delivery',
					delivery_method_data: { delivery_date: '2026-11-25T10:00:00Z' },
				},
			},
			{
				'checkout_payload.delivery_method_data.formatted_delivery_date': [
					'This field is required.',
				],
				'checkout_payload.delivery_method_data.parcel_handover_date': ['This field is required.'],
			},
		],
		[
			'a checkout name over 100 characters',
			{ shipping_method_checkout_name: 'x'.repeat(101) },
			{ shipping_method_checkout_name: ['Ensure this field has no more than 100 characters.'] },
		],
		[
			'a currency the API does not take',
			{ currency: 'CHF' },
			{ currency: ['"CHF" is not a valid choice.'] },
		],
		[
			'a value that is not a decimal',
			{ total_order_value: '12,5 EUR' },
			{ total_order_value: ['A valid number is required.'] },
		],
		[
			'no external order ID',
			{ external_order_id: undefined },
			{ external_order_id: ['This field is required.'] },
		],
		['an empty email', { email: '' }, { email: ['Enter a valid email address.'] }],
		[
			'a weight under 1 gram',
			{ weight: '0.0001' },
			{ weight: ['Ensure this value is greater than or equal to 0.001.'] },
		],
		[
			'a parcel item without a value',
			{ parcel_items: [{ description: 'Mug', quantity: 1 }] },
			{ 'parcel_items.0.value': ['This field is required.'] },
		],
	])('%s', async (_name, overrides, fieldErrors) => {
		const { items } = await runNode(upsert({}, { onError: 'continueRegularOutput' }), [
			shopOrder(1),
			shopOrder(2, overrides),
		]);
		expect(items[0].json.status).toBe('created');
		expect(items[1].error).toBeDefined();
		expect(fieldErrorsOf(items[1])).toEqual(fieldErrors);
		expect((posts()[0].body as unknown[]).length).toBe(1);
	});

	test('customs costs given as amounts and tax numbers in the spec example shape are converted', async () => {
		const { json } = await runNode(upsert(), [
			shopOrder(1, {
				customs_details: {
					discount_granted: '3.99',
					freight_costs: 5.99,
					tax_numbers: {
						sender: [{ tax_number: { name: 'VAT', country: 'NL', value: 'NL987654321B02' } }],
					},
				},
			}),
		]);
		expect(json[0].status).toBe('created');
		expect((posts()[0].body as Array<Record<string, unknown>>)[0].customs_details).toEqual({
			discount_granted: { value: '3.99', currency: 'EUR' },
			freight_costs: { value: '5.99', currency: 'EUR' },
			tax_numbers: { sender: [{ name: 'VAT', country_code: 'NL', value: 'NL987654321B02' }] },
		});
	});

	test('the generated order schema matches the vendored spec', () => {
		const { execFileSync } = jest.requireActual('child_process');
		expect(() =>
			execFileSync('node', ['scripts/generate-order-schema.js', '--check'], { stdio: 'pipe' }),
		).not.toThrow();
	});
});
