import { listSearch, runNode } from '../../helpers/engine';
import { announces, create } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';
import { optionRequests } from './helpers';

const sandbox = useSandbox();

const senderAddress = {
	senderType: 'address',
	senderName: 'Shop BV',
	senderAddressLine1: 'Stadhuisplein 10',
	senderPostalCode: '5611 EM',
	senderCity: 'Eindhoven',
	senderCountryCode: 'NL',
};
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const shippingOptionOf = (body: unknown) =>
	(body as { ship_with: { properties: { shipping_option_code: string } } }).ship_with.properties
		.shipping_option_code;

describe('Create and Announce → Shipping Option list', () => {
	test('lists the options for the route and parcels filled in, cheapest first, priced', async () => {
		const node = create({
			...senderAddress,
			recipientCountryCode: 'de',
			recipientPostalCode: '10115',
			parcels: { parcel: [{ weight: 3, length: 30, width: 20, height: 10 }] },
		});
		const { results } = await listSearch(node, 'searchShippingOptions');
		expect(optionRequests(sandbox).map((r) => r.body)).toEqual([
			{
				from_address: { country_code: 'NL', postal_code: '5611 EM' },
				to_address: { country_code: 'DE', postal_code: '10115' },
				parcels: [
					{
						weight: { value: '3', unit: 'kg' },
						dimensions: { length: '30', width: '20', height: '10', unit: 'cm' },
					},
				],
				calculate_quotes: true,
			},
		]);
		expect(results.map((r) => r.value)).toEqual([
			'postnl:standard/service_point',
			'dpd:classic',
			'postnl:standard',
			'postnl:standard/signature',
			'ups:standard/age_check=18',
			'dhl:express',
		]);
		expect(results[1]).toEqual({
			name: 'DPD Classic — 9.50 EUR, 72 h',
			value: 'dpd:classic',
			description: 'dpd:classic. For NL → DE, 3 kg.',
		});
		const filtered = await listSearch(node, 'searchShippingOptions', 'postnl');
		expect(filtered.results.map((r) => r.value)).toEqual([
			'postnl:standard/service_point',
			'postnl:standard',
			'postnl:standard/signature',
		]);
	});

	test('expressions and a saved sender address cannot be read while editing: it lists without prices and says so', async () => {
		const node = create({
			recipientCountryCode: '={{ $json.country }}',
			parcels: { parcel: [{ weight: '={{ $json.kg }}' }] },
		});
		const { results } = await listSearch(node, 'searchShippingOptions');
		expect(optionRequests(sandbox)[0].body).toEqual({
			parcels: [{ weight: { value: '1', unit: 'kg' } }],
			calculate_quotes: false,
		});
		expect(results).toHaveLength(7);
		expect(results[0].name).not.toMatch(/EUR/);
		expect(results[0].description).toBe(
			`${results[0].value}. For any origin → any destination, 1 kg (the saved sender address is not read here, so no prices: set the sender as an address to see them; the recipient country is empty or an expression, so options for any destination; parcel 1: weight empty or an expression, 1 kg assumed).`,
		);
	});

	test('the picked code, a typed code and a code saved as plain text (before the list existed) are all announced', async () => {
		for (const shippingOptionCode of [
			rl('list', 'dpd:classic'),
			rl('code', ' dhl:express '),
			'postnl:standard/signature',
			rl('list', '={{ "dpd:" + "classic" }}'),
		]) {
			const { error } = await runNode(create({ shippingOptionCode, downloadLabel: false }));
			expect(error).toBeUndefined();
		}
		expect(announces(sandbox).map((r) => shippingOptionOf(r.body))).toEqual([
			'dpd:classic',
			'dhl:express',
			'postnl:standard/signature',
			'dpd:classic',
		]);
	});
});
