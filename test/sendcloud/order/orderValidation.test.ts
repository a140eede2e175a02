import { runNode } from '../../helpers/engine';
import { fieldErrorsOf, posts, upsert } from '../../helpers/nodes';
import { shopOrder } from '../../helpers/orders';
import { useSandbox } from '../../helpers/sandbox';

// Integration 101 holds 315 seeded orders, 102 holds 35, 103 none; the sandbox serves 100 a page.
const sandbox = useSandbox();

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
		expect((posts(sandbox)[0].body as unknown[]).length).toBe(1);
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
		expect((posts(sandbox)[0].body as Array<Record<string, unknown>>)[0].customs_details).toEqual({
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
