'use strict';
// Deterministic seed data: integrations, hundreds of orders over several days, exception logs,
// DataFast websites and tokens.

function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function uuidFrom(random) {
	const hex = () => Math.floor(random() * 16).toString(16);
	const part = (n) => Array.from({ length: n }, hex).join('');
	return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(random() * 4)]}${part(3)}-${part(12)}`;
}

const CUSTOMERS = [
	['Jan de Vries', 'Keizersgracht', '12', 'Amsterdam', '1015 CS', 'NL'],
	['Anna Müller', 'Friedrichstraße', '43', 'Berlin', '10117', 'DE'],
	['Pierre Martin', 'Rue de Rivoli', '7', 'Paris', '75001', 'FR'],
	['Sofia Rossi', 'Via Roma', '21', 'Milano', '20121', 'IT'],
	['Emma Janssens', 'Meir', '50', 'Antwerpen', '2000', 'BE'],
	['Lucas García', 'Calle Mayor', '3', 'Madrid', '28013', 'ES'],
];

function makeOrder(random, { integrationId, index, createdAt }) {
	const [name, street, house, city, postal, country] = CUSTOMERS[index % CUSTOMERS.length];
	const iso = new Date(createdAt).toISOString();
	const value = (10 + Math.floor(random() * 9000) / 100).toFixed(2);
	return {
		address: street,
		address_2: '',
		allowed_shipping_methods: [8, 1343],
		barcode: null,
		city,
		company_name: '',
		country,
		created_at: iso,
		currency: 'EUR',
		customs_invoice_nr: '',
		customs_shipment_type: 2,
		email: `${name.split(' ')[0].toLowerCase()}.${index}@example.com`,
		external_order_id: String(100000 + index),
		external_shipment_id: null,
		house_number: house,
		integration: integrationId,
		name,
		order_number: `ORD-${100000 + index}`,
		order_status: { id: 'processing', message: 'Processing' },
		parcel_items: [
			{
				description: 'T-shirt',
				quantity: 1 + (index % 3),
				value,
				weight: '0.250',
				sku: `TS-${index % 7}`,
				hs_code: '610910',
				origin_country: 'NL',
			},
		],
		payment_status:
			index % 5 === 0 ? { id: 'pending', message: 'Pending' } : { id: 'paid', message: 'Paid' },
		postal_code: postal,
		sender_address: null,
		shipment_uuid: uuidFrom(random),
		shipping_method: null,
		shipping_method_checkout_name: 'Standard delivery',
		telephone: '+31201234567',
		to_post_number: '',
		to_service_point: null,
		to_state: null,
		total_order_value: value,
		updated_at: iso,
		weight: '0.750',
		shipment_created_at: iso,
		shipment_updated_at: iso,
	};
}

const HOUR_MS = 3600 * 1000;

/**
 * `now`: when the seeded history ends (ms); every date is placed relative to it, so the data looks the same
 * however long after it was written the sandbox runs. `ordersOf`: every order goes to that integration
 * (benchmarks of one big shop); else 1 in 10 to 102.
 */
function seed({ orders = 350, ordersOf, logs = 120, now } = {}) {
	if (!Number.isFinite(now))
		throw new Error('seed() needs `now`: the instant the seeded history ends');
	const random = prng(20261122);
	const ago = (hours) => new Date(now - hours * HOUR_MS).toISOString().replace('.000Z', 'Z');
	const integrations = [
		{
			id: 101,
			shop_name: 'Amsterdam Webshop',
			shop_url: 'https://amsterdam.example.com',
			system: 'api',
			failing_since: null,
			last_fetch: ago(5 / 60),
			last_updated_at: ago(19 * 24 + 3),
			service_point_enabled: true,
			service_point_carriers: ['postnl', 'dhl'],
			webhook_active: false,
			webhook_url: null,
		},
		{
			id: 102,
			shop_name: 'Berlin Store',
			shop_url: 'https://berlin.example.com',
			system: 'api',
			failing_since: ago(28),
			last_fetch: ago(28 + 1 / 60),
			last_updated_at: ago(39 * 24 + 2),
			service_point_enabled: false,
			service_point_carriers: [],
			webhook_active: true,
			webhook_url: 'https://berlin.example.com/hooks/sendcloud',
		},
		{
			id: 103,
			shop_name: 'Empty Test Shop',
			shop_url: null,
			system: 'api',
			failing_since: null,
			last_fetch: null,
			last_updated_at: ago(80 * 24 + 2),
			service_point_enabled: false,
			service_point_carriers: [],
			webhook_active: false,
			webhook_url: null,
		},
	];
	const shipments = new Map(integrations.map((i) => [i.id, []]));
	// Orders spread over five days, several sharing a second, newest last.
	const span = 5 * 24 * 3600 * 1000;
	let t = now - span;
	for (let index = 0; index < orders; index++) {
		t += Math.floor((random() * (2 * span)) / orders);
		if (index % 17 === 0) t -= t % 1000; // a few orders land on the same second
		const integrationId = ordersOf ?? (index % 10 === 9 ? 102 : 101);
		shipments
			.get(integrationId)
			.push(makeOrder(random, { integrationId, index, createdAt: Math.min(t, now) }));
	}
	const integrationLogs = [];
	for (let id = 1; id <= logs; id++) {
		const integrationId = id % 3 === 0 ? 102 : 101;
		integrationLogs.push({
			id,
			integration_id: integrationId,
			base_url: integrations.find((i) => i.id === integrationId).shop_url,
			full_url: `${integrations.find((i) => i.id === integrationId).shop_url}/orders/${id}.json`,
			method: id % 2 ? 'GET' : 'POST',
			response_code: id % 4 ? 404 : 495,
			response: {
				headers: { 'Content-Type': 'text/html' },
				body: id % 4 ? 'Not Found' : 'SSL Certificate Error',
			},
			request: { headers: { Accept: 'application/json' }, payload: {} },
			created_at: new Date(now - id * HOUR_MS).toISOString(),
			exception_type: id % 4 ? null : 'requests.exceptions.SSLError',
			exception: id % 4 ? 'PageNotFound' : 'An SSL error occurred',
			protected: false,
		});
	}
	const websites = {
		'66f1c0ffee0123456789abcd': {
			stripe: { connected: true },
			lemonsqueezy: { connected: false },
			polar: { connected: false },
			paddle: {
				connected: true,
				keyExpiresAt: new Date(now + (100 * 24 + 12) * HOUR_MS).toISOString(),
			},
			shopify: { connected: false },
			woocommerce: { connected: false },
			currency: 'USD',
		},
		'66f1c0ffee0123456789abce': {
			stripe: { connected: false },
			lemonsqueezy: { connected: false },
			polar: { connected: false },
			paddle: { connected: false, keyExpiresAt: null },
			shopify: { connected: false },
			woocommerce: { connected: false },
			currency: 'EUR',
		},
	};
	return { integrations, shipments, integrationLogs, websites };
}

module.exports = { seed, makeOrder, prng, uuidFrom };
