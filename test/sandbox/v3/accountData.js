'use strict';
// The sandbox's account data under /api/v3: sender addresses, brands, carrier contracts and parcel statuses, the
// same for every account. Answers take the specs' shapes (sendcloud-v3-sender-addresses, -brands, -contracts,
// -parcel-statuses); the lists page with cursors in the `Link` header, as the specs say. Sender address 192 is the
// one the shipment tests send; 120 sender addresses (a ship-from-store chain) make that list longer than a page.

/** Sender address 192 as shipments.js has always filled a shipment's from_address with it. */
const MARIE_DOE = {
	name: 'Marie Doe',
	company_name: 'Sendcloud',
	address_line_1: 'Stadhuisplein',
	house_number: '10',
	address_line_2: '2e verdieping',
	postal_code: '5611 EM',
	city: 'Eindhoven',
	country_code: 'NL',
	phone_number: '+31612345678',
	email: 'marie.doe@sendcloud.com',
};

const STORES = [
	['Amsterdam', 'Kalverstraat', '1012 NX', 'NL', '+31'],
	['Utrecht', 'Oudegracht', '3511 AP', 'NL', '+31'],
	['Rotterdam', 'Lijnbaan', '3012 EL', 'NL', '+31'],
	['Antwerpen', 'Meir', '2000', 'BE', '+32'],
	['Gent', 'Veldstraat', '9000', 'BE', '+32'],
	['Berlin', 'Friedrichstraße', '10117', 'DE', '+49'],
	['Köln', 'Schildergasse', '50667', 'DE', '+49'],
	['Paris', 'Rue de Rivoli', '75001', 'FR', '+33'],
	['Lyon', 'Rue de la République', '69002', 'FR', '+33'],
	['Milano', 'Via Torino', '20123', 'IT', '+39'],
	['Madrid', 'Calle de Preciados', '28013', 'ES', '+34'],
	['Wien', 'Mariahilfer Straße', '1070', 'AT', '+43'],
];
const SENDER_ADDRESS_COUNT = 120;

const TAX_NUMBERS = [
	{ name: 'VAT', country_code: 'NL', value: 'NL123456789B01' },
	{ name: 'EORI', country_code: 'NL', value: 'NL123456789' },
];

/** The sender addresses as the API returns them, ordered by ID. */
const senderAddressRecords = [
	{
		id: 192,
		...MARIE_DOE,
		tax_numbers: TAX_NUMBERS,
		signature: { full_name: 'Marie Doe', initials: 'MD' },
	},
	...Array.from({ length: SENDER_ADDRESS_COUNT - 1 }, (_, n) => {
		const [city, street, postalCode, country, phone] = STORES[n % STORES.length];
		const number = Math.floor(n / STORES.length) + 1;
		return {
			id: 193 + n,
			name: `Store Manager ${city} ${number}`,
			company_name: `Sendcloud Store ${city} ${number}`,
			address_line_1: street,
			house_number: String(10 + n),
			address_line_2: '',
			postal_code: postalCode,
			city,
			country_code: country,
			email: `store-${193 + n}@sendcloud.com`,
			phone_number: `${phone}20${String(1000000 + n).slice(1)}`,
			tax_numbers: [],
			signature: { full_name: `Store Manager ${city} ${number}`, initials: 'SM' },
		};
	}),
];

const BRAND_DEFAULTS = {
	color: '#112857',
	screen_logo: null,
	print_logo: null,
	screen_thumb: null,
	print_thumb: null,
	notify_bcc_email: null,
	hide_powered_by: false,
};
/** The brands; `returnPortalUrl` is the sandbox's own (shipments.js builds return portal links from it). */
const brandRecords = [
	{
		...BRAND_DEFAULTS,
		id: 42,
		name: 'My Brand',
		domain: 'mybrand',
		website: 'https://mybrand.example.com',
		screen_logo: 'https://media.sendcloud.sc/brands/42/mybrand.png',
		print_logo: 'https://media.sendcloud.sc/brands/42/mybrand.png',
		screen_thumb: 'https://media.sendcloud.sc/brands/42/mybrand_thumbnail.png',
		print_thumb: 'https://media.sendcloud.sc/brands/42/mybrand_thumbnail.png',
		notify_reply_to_email: 'service@mybrand.example.com',
		notify_bcc_email: 'archive@mybrand.example.com',
		google_analytics_id: 'G-1234567890',
		returnPortalUrl: 'http://mybrand.returns-portal.com/initiate/',
	},
	{
		...BRAND_DEFAULTS,
		id: 43,
		name: 'Outlet Store',
		domain: null,
		color: '#2a9d8f',
		website: 'https://outlet.example.com',
		notify_reply_to_email: null,
		google_analytics_id: 'G-0000000043',
		returnPortalUrl: null,
	},
	{
		...BRAND_DEFAULTS,
		id: 44,
		name: 'Sendcloud B.V',
		domain: 'sendcloud-shop',
		website: 'https://www.sendcloud.com',
		notify_reply_to_email: 'info@sendcloud.com',
		hide_powered_by: true,
		google_analytics_id: 'G-0000000044',
		returnPortalUrl: null,
	},
];

const contractRecords = [
	{
		id: 517,
		carrier: { code: 'postnl', name: 'PostNL' },
		client_id: 'sendcloud-1',
		name: 'PostNL main',
		country_code: 'NL',
		is_default_per_carrier: true,
		state: 'active',
		type: 'direct',
		error: null,
	},
	{
		id: 518,
		carrier: { code: 'dhl', name: 'DHL' },
		client_id: 'dhl-4711',
		name: 'DHL Germany',
		country_code: 'DE',
		is_default_per_carrier: true,
		state: 'active',
		type: 'direct',
		error: null,
	},
	{
		id: 519,
		carrier: { code: 'postnl', name: 'PostNL' },
		client_id: 'sendcloud-2',
		name: 'PostNL returns',
		country_code: 'NL',
		is_default_per_carrier: false,
		state: 'inactive',
		type: 'direct',
		error: null,
	},
	{
		id: 520,
		carrier: { code: 'ups', name: 'UPS' },
		client_id: 'ups-0815',
		name: 'UPS',
		country_code: 'NL',
		is_default_per_carrier: false,
		state: 'validation_failed',
		type: 'direct',
		error: 'Missing or invalid shipper number',
	},
	{
		id: 521,
		carrier: { code: 'dpd', name: 'DPD' },
		client_id: null,
		name: 'Sendcloud DPD',
		country_code: 'NL',
		is_default_per_carrier: false,
		state: 'active',
		type: 'broker',
		error: null,
	},
];

const DEFAULT_PAGE_SIZE = 40;

/** What shipments.js needs: a sender address's fields by ID (for from_address), a brand's portal by ID. */
const SENDER_ADDRESSES = Object.fromEntries(
	senderAddressRecords.map(({ id, tax_numbers, signature, ...address }) => [id, address]),
);
const BRANDS = Object.fromEntries(
	brandRecords.map(({ id, returnPortalUrl }) => [id, { returnPortalUrl }]),
);

const brandView = ({ returnPortalUrl, ...brand }) => brand;

/**
 * The handlers, keyed by the specs' operationIds. `pageOf` is the sandbox's cursor paging, `statuses` the parcel
 * statuses the shipments use (code → {message}), `errorAnswer(status, detail, {source})` its v3 error.
 */
function accountDataHandlers({ pageOf, statuses, errorAnswer }) {
	const json = (status, body, headers) => ({ status, body, headers });

	function listOf({ req, query }, records, view = (r) => r) {
		let page;
		try {
			page = pageOf(records, query, query.page_size ?? DEFAULT_PAGE_SIZE, req, (r) => String(r.id));
		} catch {
			return errorAnswer(404, 'Invalid cursor', { source: { parameter: 'cursor' } });
		}
		const links = [
			page.previous && `<${page.previous}>; rel="prev"`,
			page.next && `<${page.next}>; rel="next"`,
		].filter(Boolean);
		return json(
			200,
			{ data: page.results.map(view) },
			links.length ? { Link: links.join(', ') } : {},
		);
	}

	const one = (records, id, view, missing) => {
		const record = records.find((r) => r.id === id);
		return record ? json(200, { data: view(record) }) : errorAnswer(404, missing);
	};

	function contracts(context) {
		const { query } = context;
		const list = contractRecords.filter(
			(c) =>
				(query.carrier_code === undefined || c.carrier.code === query.carrier_code) &&
				(query.is_active === undefined || (c.state === 'active') === query.is_active) &&
				(query.client_id === undefined || c.client_id === query.client_id) &&
				// "a case-sensitive exact match"
				(query.name === undefined || c.name === query.name) &&
				(query.country_code === undefined || c.country_code === query.country_code),
		);
		return listOf(context, list);
	}

	return {
		'sc-public-v3-addresses-get-all_sender_addresses': (c) => listOf(c, senderAddressRecords),
		'sc-public-v3-addresses-get-sender_address_by_id': (c) =>
			one(senderAddressRecords, c.pathParams.id, (r) => r, 'No sender address found.'),
		'sc-public-v3-brands-get-all_brands': (c) => listOf(c, brandRecords, brandView),
		'sc-public-v3-brands-get-brand_by_id': (c) =>
			one(brandRecords, c.pathParams.id, brandView, 'No Brand matches the given query.'),
		'sc-public-v3-scp-get-all_contracts': contracts,
		'sc-public-v3-scp-get-specific_contract': (c) =>
			one(contractRecords, c.pathParams.id, (r) => r, 'No Contract matches the given query.'),
		// One short list (at most 99 in the spec), not paged.
		'sc-public-v3-scp-get-all_parcel_statuses': () =>
			json(200, {
				data: Object.entries(statuses).map(([code, { message }]) => ({ code, message })),
			}),
	};
}

module.exports = {
	accountDataHandlers,
	SENDER_ADDRESSES,
	BRANDS,
	SENDER_ADDRESS_COUNT,
	senderAddressRecords,
	brandRecords,
	contractRecords,
};
