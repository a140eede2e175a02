import { credentialsHelper, runNode } from '../../helpers/engine';
import { fieldErrorsOf, posts, upsert } from '../../helpers/nodes';
import { orders, shopOrder } from '../../helpers/orders';
import { API_KEY, useSandbox } from '../../helpers/sandbox';

// Integration 101 holds 315 seeded orders, 102 holds 35, 103 none; the sandbox serves 100 a page.
const sandbox = useSandbox();

describe('Create or Update', () => {
	test.each([
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3],
	])('%i orders go in %i request(s) of at most 100', async (count, requests) => {
		const { json, error } = await runNode(upsert(), orders(count));
		expect(error).toBeUndefined();
		expect(posts(sandbox).map((r) => (r.body as unknown[]).length)).toEqual(
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
		const sent = (posts(sandbox)[0].body as Array<Record<string, unknown>>)[1];
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
			expect(posts(sandbox).map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 48]);
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
			posts(sandbox)
				.map((r) => `${r.path} ${(r.body as unknown[]).length}`)
				.sort(),
		).toEqual(['/api/v2/integrations/101/shipments 3', '/api/v2/integrations/102/shipments 3']);
	});

	test('the same order twice in one execution is sent in order, in separate batches', async () => {
		const first = shopOrder(1);
		const second = shopOrder(1, { updated_at: '2026-11-22T12:00:00.000Z', city: 'Utrecht' });
		const { json } = await runNode(upsert(), [first, shopOrder(2), second]);
		expect(json.map((o) => o.status)).toEqual(['created', 'created', 'updated']);
		expect(posts(sandbox).map((r) => (r.body as unknown[]).length)).toEqual([2, 1]);
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
		expect((posts(sandbox)[0].body as unknown[])[0]).toMatchObject({
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
			expect(posts(sandbox)).toHaveLength(1);
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
			posts(sandbox)
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
		expect(posts(sandbox).map((r) => r.status)).toEqual([500, 200]);
		expect(
			sandbox.state.shipments
				.get(101)!
				.filter((s) => String(s.external_order_id).startsWith('900')),
		).toHaveLength(100);
	});
});
