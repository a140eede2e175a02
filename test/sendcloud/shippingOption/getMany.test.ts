import { runNode } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';
import { optionRequests, shippingOptionNode } from './helpers';

const sandbox = useSandbox();

describe('Shipping Option → Get Many', () => {
	test('asks for the route and parcel, and returns one simplified item per option with price and lead time', async () => {
		const { items, error } = await runNode(shippingOptionNode('getAll'));
		expect(error).toBeUndefined();
		expect(optionRequests(sandbox).map((r) => r.body)).toEqual([
			{
				from_address: { country_code: 'NL', postal_code: '1012AB' },
				to_address: { country_code: 'NL', postal_code: '2000AB' },
				parcels: [{ weight: { value: '1', unit: 'kg' } }],
				calculate_quotes: true,
			},
		]);
		expect(items.map((item) => item.json.code)).toEqual([
			'postnl:standard',
			'postnl:standard/signature',
			'postnl:standard/service_point',
			'dhl:express',
			'dpd:classic',
			'ups:standard/age_check=18',
			'sandbox:letterbox',
		]);
		expect(
			items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(items[3].json).toEqual({
			code: 'dhl:express',
			name: 'DHL Express',
			carrier_code: 'dhl',
			carrier_name: 'DHL',
			contract_id: 61,
			price: 15,
			currency: 'EUR',
			lead_time_hours: 12,
			max_weight: '30.000 kg',
			service_point_required: false,
			functionalities: expect.arrayContaining(['signature', 'priority: express', 'multicollo']),
		});
	});

	test('filters (carrier, functionalities, lead time, address details) go into the request as the spec names them', async () => {
		const { json } = await runNode(
			shippingOptionNode('getAll', {
				toCountryCode: ' de ',
				toPostalCode: '',
				simplify: false,
				filters: {
					carrierCode: 'postnl',
					features: ['signature', 'tracked'],
					lastMile: 'home_delivery',
					maxLeadTimeHours: 96,
					addressDetails: { details: { toCity: 'Berlin', toAddressLine1: 'Unter den Linden 1' } },
				},
			}),
		);
		expect(optionRequests(sandbox)[0].body).toEqual({
			from_address: { country_code: 'NL', postal_code: '1012AB' },
			to_address: { country_code: 'DE', address_line_1: 'Unter den Linden 1', city: 'Berlin' },
			parcels: [{ weight: { value: '1', unit: 'kg' } }],
			carrier_code: 'postnl',
			functionalities: { signature: true, tracked: true, last_mile: 'home_delivery' },
			lead_time: { lte: 96 },
			calculate_quotes: true,
		});
		// Sendcloud's full record when Simplify is off.
		expect(json.map((o) => o.code)).toEqual(['postnl:standard/signature']);
		expect(json[0]).toMatchObject({
			carrier: { code: 'postnl' },
			quotes: [{ price: { total: { value: '11.20', currency: 'EUR' } }, lead_time: 72 }],
		});
	});

	test('several parcels are one multicollo shipment: only options that carry them together, priced for all', async () => {
		const { json } = await runNode(
			shippingOptionNode('getAll', {
				parcels: {
					parcel: [{ weight: 2.5, length: 30, width: 20, height: 15 }, { weight: 25 }],
				},
			}),
		);
		expect(optionRequests(sandbox)[0].body).toMatchObject({
			parcels: [
				{
					weight: { value: '2.5', unit: 'kg' },
					dimensions: { length: '30', width: '20', height: '15', unit: 'cm' },
				},
				{ weight: { value: '25', unit: 'kg' } },
			],
		});
		// 25 kg: over PostNL's 23 kg; the letterbox, service point and age check options carry one parcel only.
		expect(json.map((o) => [o.code, o.price, o.lead_time_hours])).toEqual([
			['dhl:express', 14.5 * 2 + 0.5 * (3 + 25), 12],
			['dpd:classic', 6.9 * 2 + 0.1 * (3 + 25), 48],
		]);
	});

	test('without quotes: options without price; each input item asks for its own route', async () => {
		const { items } = await runNode(
			shippingOptionNode('getAll', { calculateQuotes: false, toCountryCode: '={{ $json.to }}' }),
			[{ to: 'NL' }, { to: 'US' }],
		);
		expect(
			optionRequests(sandbox).map((r) => (r.body as { to_address: unknown }).to_address),
		).toEqual([
			{ country_code: 'NL', postal_code: '2000AB' },
			{ country_code: 'US', postal_code: '2000AB' },
		]);
		const byItem = (n: number) =>
			items.filter((item) => (item.pairedItem as { item: number }).item === n).map((i) => i.json);
		expect(byItem(0)).toHaveLength(7);
		expect(byItem(1).map((o) => o.code)).toEqual(['dhl:express', 'ups:standard/age_check=18']);
		expect(
			items.every((item) => item.json.price === null && item.json.lead_time_hours === null),
		).toBe(true);
	});

	test('wrong input is refused before anything is sent, naming the item; Continue On Fail gives error items', async () => {
		const { items } = await runNode(
			shippingOptionNode(
				'getAll',
				{ toCountryCode: '={{ $json.to }}', parcels: { parcel: [{ weight: '={{ $json.kg }}' }] } },
				{ continueOnFail: true },
			),
			[
				{ to: 'Netherlands', kg: 1 },
				{ to: 'NL', kg: 0 },
				{ to: 'NL', kg: 1, length: 1 },
			],
		);
		expect(items[0].json.error).toBe(
			'To Country Code "Netherlands" is not a two-letter country code',
		);
		expect(items[1].json.error).toMatch(/Parcel 1 has no weight/);
		expect(items.slice(2).every((item) => !item.json.error)).toBe(true);
		expect(optionRequests(sandbox)).toHaveLength(1);
	});

	test('a filter Sendcloud refuses (an unknown contract) comes back as its error, naming the field', async () => {
		const { error } = await runNode(shippingOptionNode('getAll', { filters: { contractId: 999 } }));
		expect(error?.message).toBe('Sendcloud rejected the request as invalid');
		expect(error?.description).toContain('contract_id: Invalid contract.');
	});
});
