'use strict';
// Shipping options in a real n8n: Get Many for a route, and Get Best Option (cheapest and fastest) per order.
const { workflow } = require('../workflowKit');

const ORDERS = `return [
	{ order: 'A-1', country: 'NL', postal: '1015 CS', kg: 1 },
	{ order: 'A-2', country: 'DE', postal: '10117', kg: 5 },
	{ order: 'A-3', country: 'NL', postal: '1015 CS', kg: 1 },
	{ order: 'A-4', country: 'US', postal: '10001', kg: 2 },
].map((json) => ({ json }));`;

const best = (criterion) => ({
	resource: 'shippingOption',
	operation: 'getBest',
	criterion,
	fromCountryCode: 'NL',
	fromPostalCode: '5611 EM',
	toCountryCode: '={{ $json.country }}',
	toPostalCode: '={{ $json.postal }}',
	parcels: { parcel: [{ weight: '={{ $json.kg }}' }] },
});

const optionRequests = (sandbox) =>
	sandbox.requests.filter((r) => r.path === '/api/v3/shipping-options');

module.exports = [
	{
		name: 'Shipping Option: Get Many lists the options NL → DE with price and lead time',
		workflow: workflow('shipOptsGetAll', {
			resource: 'shippingOption',
			operation: 'getAll',
			fromCountryCode: 'NL',
			toCountryCode: 'DE',
			parcels: { parcel: [{ weight: 2 }, { weight: 3 }] },
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.code, i.price, i.lead_time_hours]),
				[
					['postnl:standard', 9.5 * 2 + 0.6 * 5, 72],
					['postnl:standard/signature', 10.6 * 2 + 0.6 * 5, 72],
					['dhl:express', 24 * 2 + 5, 24],
					['dpd:classic', 8.9 * 2 + 0.2 * 5, 72],
				],
			);
			expect(optionRequests(sandbox).length, 1);
		},
	},
	{
		name: 'Shipping Option: Get Best Option, cheapest per order, one request per distinct question',
		workflow: workflow('shipOptsCheapest', best('cheapest'), { itemsCode: ORDERS }),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.order, i.shipping_option.code, i.shipping_option.price]),
				[
					['A-1', 'sandbox:letterbox', 2.95],
					['A-2', 'dpd:classic', 9.9],
					['A-3', 'sandbox:letterbox', 2.95],
					['A-4', 'ups:standard/age_check=18', 37],
				],
			);
			expect(optionRequests(sandbox).length, 3);
		},
	},
	{
		name: 'Shipping Option: Get Best Option, fastest per order',
		workflow: workflow('shipOptsFastest', best('fastest'), { itemsCode: ORDERS }),
		check: ({ items, expect }) => {
			expect(
				items.map((i) => [i.order, i.shipping_option.code, i.shipping_option.lead_time_hours]),
				[
					['A-1', 'dhl:express', 12],
					['A-2', 'dhl:express', 24],
					['A-3', 'dhl:express', 12],
					['A-4', 'dhl:express', 48],
				],
			);
		},
	},
];
