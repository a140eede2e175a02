import { runNode } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';
import { optionRequests, shippingOptionNode } from './helpers';

const sandbox = useSandbox();

/** An order as a shop would give it; the node's fields map it with expressions. */
const order = (id: number, country: string, kg: number) => ({
	order_id: `SHOP-${id}`,
	country,
	postal_code: '10115',
	kg,
});
const mapped = {
	toCountryCode: '={{ $json.country }}',
	toPostalCode: '={{ $json.postal_code }}',
	parcels: { parcel: [{ weight: '={{ $json.kg }}' }] },
};

describe('Shipping Option → Get Best Option', () => {
	test('cheapest and fastest differ: each item gets its pick, paired with it and with its own fields', async () => {
		const input = [order(1, 'NL', 1), order(2, 'DE', 5)];
		const cheapest = await runNode(shippingOptionNode('getBest', mapped), input);
		expect(cheapest.error).toBeUndefined();
		expect(cheapest.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(cheapest.json[0]).toEqual({
			...input[0],
			shipping_option: {
				code: 'sandbox:letterbox',
				name: 'Sandbox Letterbox',
				carrier_code: 'sandbox',
				carrier_name: 'Sandbox Carrier',
				contract_id: 64,
				price: 2.95,
				currency: 'EUR',
				lead_time_hours: 24,
				criterion: 'cheapest',
				options_compared: 6,
			},
		});
		expect(cheapest.json[1].shipping_option).toMatchObject({ code: 'dpd:classic', price: 9.9 });

		const fastest = await runNode(
			shippingOptionNode('getBest', { ...mapped, criterion: 'fastest' }),
			input,
		);
		expect(fastest.json.map((j) => (j.shipping_option as { code: string }).code)).toEqual([
			'dhl:express',
			'dhl:express',
		]);
		expect(fastest.json[1].shipping_option).toMatchObject({ price: 29, lead_time_hours: 24 });
		// Every request asked for prices.
		expect(
			optionRequests(sandbox).every(
				(r) => (r.body as { calculate_quotes: boolean }).calculate_quotes,
			),
		).toBe(true);
	});

	test('the input fields can be left out, and the result put in a field of the user’s choice', async () => {
		const { json } = await runNode(
			shippingOptionNode('getBest', {
				...mapped,
				includeInputFields: false,
				outputField: 'carrier',
			}),
			[order(1, 'NL', 1)],
		);
		expect(json).toEqual([{ carrier: expect.objectContaining({ code: 'sandbox:letterbox' }) }]);
	});

	test('identical questions are asked once per run: 5 destinations × 3 weight classes → 15 requests for 150 orders', async () => {
		const countries = ['NL', 'BE', 'DE', 'FR', 'US'];
		const weights = [0.5, 3, 25];
		const input = Array.from({ length: 150 }, (_, n) =>
			order(n, countries[n % 5], weights[Math.floor(n / 5) % 3]),
		);
		const { json, error } = await runNode(shippingOptionNode('getBest', mapped), input);
		expect(error).toBeUndefined();
		expect(json).toHaveLength(150);
		const requests = optionRequests(sandbox);
		expect(requests).toHaveLength(15);
		expect(new Set(requests.map((r) => JSON.stringify(r.body))).size).toBe(15);
		// Same question, same answer: every order to DE of 3 kg got the same option.
		const picks = new Set(
			json
				.filter((j) => j.country === 'DE' && j.kg === 3)
				.map((j) => (j.shipping_option as { code: string }).code),
		);
		expect([...picks]).toEqual(['dpd:classic']);
		expect(json.find((j) => j.country === 'US' && j.kg === 25)?.shipping_option).toMatchObject({
			code: 'dhl:express',
		});
	});

	test('multicollo: the best option that carries all parcels together, priced for all of them', async () => {
		const { json } = await runNode(
			shippingOptionNode('getBest', {
				parcels: { parcel: [{ weight: 1 }, { weight: 1 }] },
			}),
		);
		// The letterbox and the service point carry one parcel only.
		expect(json[0].shipping_option).toMatchObject({
			code: 'postnl:standard',
			price: 2 * (5.2 + 0.3),
			options_compared: 4,
		});
	});

	test('parcels as a JSON list from each order: as many parcels as the order holds', async () => {
		const { json, error } = await runNode(
			shippingOptionNode('getBest', {
				...mapped,
				parcelsInput: 'json',
				parcelsJson: '={{ $json.packages }}',
			}),
			[
				{ ...order(1, 'NL', 0), packages: [{ weight: 1 }] },
				{
					...order(2, 'NL', 0),
					packages: [{ weight: 1 }, { weight: 2, length: 30, width: 20, height: 10 }],
				},
				{ ...order(3, 'NL', 0), packages: '[{"weight": 3}]' },
			],
		);
		expect(error).toBeUndefined();
		expect(optionRequests(sandbox).map((r) => (r.body as { parcels: unknown }).parcels)).toEqual([
			[{ weight: { value: '1', unit: 'kg' } }],
			[
				{ weight: { value: '1', unit: 'kg' } },
				{
					weight: { value: '2', unit: 'kg' },
					dimensions: { length: '30', width: '20', height: '10', unit: 'cm' },
				},
			],
			[{ weight: { value: '3', unit: 'kg' } }],
		]);
		expect(json.map((j) => (j.shipping_option as { code: string }).code)).toEqual([
			'sandbox:letterbox',
			'postnl:standard',
			'postnl:standard',
		]);
		const bad = await runNode(
			shippingOptionNode(
				'getBest',
				{ parcelsInput: 'json', parcelsJson: '[1, 2]' },
				{ continueOnFail: true },
			),
		);
		expect(bad.json[0].error).toBe(
			'Parcels (JSON) must be a list of objects such as {"weight": 1.5}',
		);
	});

	test('no option fits: a clear error for that item; with Continue On Fail an error item, the others go on', async () => {
		const input = [order(1, 'NL', 40), order(2, 'NL', 1)];
		const stopped = await runNode(shippingOptionNode('getBest', mapped), input);
		expect(stopped.error?.message).toBe('No shipping option fits NL 1012AB → NL 10115, 40 kg');
		expect(stopped.error?.description).toContain("We couldn't find any shipping options");
		expect(stopped.error?.context).toMatchObject({ itemIndex: 0 });

		const { items } = await runNode(
			shippingOptionNode('getBest', mapped, { continueOnFail: true }),
			input,
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({ error: 'No shipping option fits NL 1012AB → NL 10115, 40 kg' });
		expect(items[1].json.shipping_option).toMatchObject({ code: 'sandbox:letterbox' });
	});

	test('options that need a service point are left out unless delivery to a service point is asked for', async () => {
		const home = await runNode(shippingOptionNode('getBest', mapped), [order(1, 'DE', 3)]);
		expect(home.json[0].shipping_option).toMatchObject({ code: 'dpd:classic', price: 9.5 });
		const servicePoint = await runNode(
			shippingOptionNode('getBest', { ...mapped, filters: { lastMile: 'service_point' } }),
			[order(1, 'DE', 3)],
		);
		expect(servicePoint.json[0].shipping_option).toMatchObject({
			code: 'postnl:standard/service_point',
			price: 9,
			options_compared: 1,
		});
	});

	test('filters narrow the choice: signature and age check leave the UPS option only', async () => {
		const { json } = await runNode(
			shippingOptionNode('getBest', { filters: { features: ['signature'], ageCheck: 18 } }),
		);
		expect(optionRequests(sandbox)[0].body).toMatchObject({
			functionalities: { signature: true, age_check: 18 },
		});
		expect(json[0].shipping_option).toMatchObject({
			code: 'ups:standard/age_check=18',
			price: 10.2,
		});
	});

	test('a failing request is not repeated for the items that ask the same question', async () => {
		sandbox.injectFaults({
			method: 'POST',
			path: '^/api/v3/shipping-options$',
			kind: 'redirect',
			location: 'http://127.0.0.1:9/x',
		});
		const { items } = await runNode(
			shippingOptionNode('getBest', mapped, { continueOnFail: true }),
			[order(1, 'NL', 1), order(2, 'NL', 1)],
		);
		expect(items.map((item) => Boolean(item.error))).toEqual([true, true]);
		expect(optionRequests(sandbox)).toHaveLength(1);
	});
});
