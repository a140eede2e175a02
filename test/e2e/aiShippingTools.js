'use strict';
// The AI-tool suite's tools and calls for the Sendcloud operations of shipping options, account data,
// service points, pickups, tracking and returns (test/e2e/aiTools.js runs them; aiWorkflows.js adds them to
// its TOOLS and CALLS). `$fromAI` where an agent fills a field in (route, weights, tracking number, return
// fields, search address, pickup window); fixed values where the user sets up the tool (sender, warehouse,
// carrier, contract). The sandbox runs on the tests' clock (2026-12-01T00:00Z when the suite starts).

/** A `$fromAI` expression: the AI fills the parameter in. */
const ai = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;
const byId = (key, description, type = 'number') => ({
	__rl: true,
	mode: 'id',
	value: ai(key, description, type),
});

/** The route and the weight an agent asks shipping options for; the sender is the user's warehouse. */
const route = () => ({
	fromCountryCode: 'NL',
	fromPostalCode: '5611 EM',
	toCountryCode: ai('to_country', 'Two-letter country code of the recipient, e.g. NL'),
	toPostalCode: ai('to_postal_code', 'Postal code of the recipient'),
	parcelsInput: 'fields',
	parcels: { parcel: [{ weight: ai('weight_kg', 'Parcel weight in kg', 'number') }] },
});

/** The customer's address (from the AI) and the fixed warehouse a return goes back to. */
const returnFields = () => ({
	dataMode: 'defineBelow',
	customerName: ai('customer_name', 'Name of the customer who sends the parcel back'),
	customerAddressLine1: ai('customer_street', 'Street of the customer'),
	customerHouseNumber: ai('customer_house_number', 'House number of the customer'),
	customerPostalCode: ai('customer_postal_code', 'Postal code of the customer'),
	customerCity: ai('customer_city', 'City of the customer'),
	customerCountryCode: ai('customer_country', 'Two-letter country code of the customer'),
	returnToName: 'Shop Warehouse',
	returnToAddressLine1: 'Stadhuisplein',
	returnToHouseNumber: '10',
	returnToPostalCode: '5611 EM',
	returnToCity: 'Eindhoven',
	returnToCountryCode: 'NL',
	shippingOptionCode: 'postnl:standard/return',
	weight: ai('weight_kg', 'Weight of the returned parcel in kg', 'number'),
	orderNumber: ai('order_number', 'The order the customer returns goods of'),
});

const TOOLS = [
	{
		name: 'list_shipping_options',
		description: 'List the carrier services, with prices, that can ship a parcel to an address',
		parameters: {
			resource: 'shippingOption',
			operation: 'getAll',
			...route(),
			calculateQuotes: true,
			simplify: true,
		},
	},
	{
		name: 'best_shipping_option',
		description: 'Pick the cheapest or the fastest carrier service for a parcel to an address',
		parameters: {
			resource: 'shippingOption',
			operation: 'getBest',
			criterion: ai('criterion', 'cheapest or fastest'),
			...route(),
			includeInputFields: false,
			outputField: 'shipping_option',
		},
	},
	{
		name: 'list_brands',
		description: 'List the brands of the Sendcloud account',
		parameters: { resource: 'brand', operation: 'getAll', returnAll: true },
	},
	{
		name: 'get_brand',
		description: 'Get one brand of the Sendcloud account by its ID',
		parameters: {
			resource: 'brand',
			operation: 'get',
			brandId: byId('brand_id', 'Sendcloud brand ID, e.g. 42'),
		},
	},
	{
		name: 'get_contract',
		description: 'Get one carrier contract of the Sendcloud account by its ID',
		parameters: {
			resource: 'contract',
			operation: 'get',
			contractId: byId('contract_id', 'Sendcloud contract ID, e.g. 517'),
		},
	},
	{
		name: 'find_service_points',
		description: 'Find parcel shops and lockers near an address',
		parameters: {
			resource: 'servicePoint',
			operation: 'getAll',
			countryCode: ai('country', 'Two-letter country code to search in, e.g. NL'),
			carriers: ['postnl', 'dhl'],
			searchNear: 'address',
			address: ai('address', 'Address, postal code or city to search near'),
			radius: 0,
			returnAll: false,
			limit: 3,
		},
	},
	{
		name: 'get_service_point',
		description: 'Get a service point with its address and opening hours',
		parameters: {
			resource: 'servicePoint',
			operation: 'get',
			servicePointId: byId(
				'service_point_id',
				'Service point ID as find_service_points returns it',
			),
			simplify: true,
		},
	},
	{
		name: 'service_point_available',
		description: 'Check whether a service point takes parcels now',
		parameters: {
			resource: 'servicePoint',
			operation: 'checkAvailability',
			servicePointId: byId(
				'service_point_id',
				'Service point ID as find_service_points returns it',
			),
		},
	},
	{
		name: 'book_pickup',
		description: 'Book DHL Express to collect parcels at the warehouse (costs money)',
		parameters: {
			resource: 'pickup',
			operation: 'create',
			carrierCode: 'dhl_express',
			name: 'Marie Doe',
			addressLine1: 'Stadhuisplein',
			houseNumber: '10',
			postalCode: '5611 EM',
			city: 'Eindhoven',
			countryCode: 'NL',
			startAt: ai('start_at', 'Start of the pickup window, ISO 8601 with offset'),
			endAt: ai('end_at', 'End of the pickup window, ISO 8601 with offset'),
			quantity: ai('parcels', 'How many parcels the carrier collects', 'number'),
			totalWeight: ai('total_weight_kg', 'Total weight of the parcels in kg', 'number'),
			additionalFields: { phoneNumber: '+31612345678' },
			allowDuplicate: false,
		},
	},
	{
		name: 'get_pickup',
		description: 'Get a booked pickup with its status and tracking number',
		parameters: {
			resource: 'pickup',
			operation: 'get',
			pickupId: byId('pickup_id', 'Sendcloud pickup ID as book_pickup returns it'),
		},
	},
	{
		name: 'list_pickups',
		description: 'List the pickups booked in the Sendcloud account',
		parameters: { resource: 'pickup', operation: 'getAll', returnAll: false, limit: 10 },
	},
	{
		name: 'track_parcel',
		description: 'Get the tracking events of a parcel by its tracking number',
		parameters: {
			resource: 'tracking',
			operation: 'get',
			trackingNumber: ai('tracking_number', 'Carrier tracking number'),
			simplify: true,
		},
	},
	{
		name: 'register_external_parcel',
		description: 'Make Sendcloud track a parcel whose label was bought elsewhere',
		parameters: {
			resource: 'tracking',
			operation: 'register',
			dataMode: 'defineBelow',
			trackingNumber: ai('tracking_number', 'Carrier tracking number'),
			carrierCode: ai('carrier', 'Carrier code, e.g. postnl'),
			announcedAt: ai('announced_at', 'When the label was created, ISO 8601'),
			contractId: 517,
			senderPostalCode: '5611 EM',
			senderCountryCode: 'NL',
			recipientPostalCode: ai('postal_code', 'Postal code of the recipient'),
			recipientCountryCode: ai('country', 'Two-letter country code of the recipient'),
		},
	},
	{
		name: 'validate_return',
		description: 'Check whether Sendcloud would accept a return, without creating it',
		parameters: { resource: 'return', operation: 'validate', ...returnFields() },
	},
	{
		name: 'create_return',
		description: 'Create a return and buy its label (costs money)',
		parameters: {
			resource: 'return',
			operation: 'create',
			announce: 'synchronously',
			externalReference: ai('rma', 'Unique RMA number of the return'),
			...returnFields(),
			downloadLabel: false,
		},
	},
	{
		name: 'get_return',
		description: 'Get a return with its status and tracking number',
		parameters: {
			resource: 'return',
			operation: 'get',
			returnId: byId('return_id', 'Sendcloud return ID as create_return returns it'),
			downloadLabel: false,
		},
	},
	{
		name: 'list_returns',
		description: 'List the returns created between two dates',
		parameters: {
			resource: 'return',
			operation: 'getAll',
			fromDate: ai('from', 'Created after, ISO 8601'),
			toDate: ai('to', 'Created before, ISO 8601'),
			returnAll: false,
			limit: 10,
			simplify: true,
		},
	},
	{
		name: 'cancel_return',
		description: 'Cancel a return before the carrier has the parcel',
		parameters: {
			resource: 'return',
			operation: 'cancel',
			returnId: byId('return_id', 'Sendcloud return ID as create_return returns it'),
		},
	},
];

const PICKUP = {
	start_at: '2026-12-03T09:00:00+01:00',
	end_at: '2026-12-03T12:00:00+01:00',
	parcels: 3,
	total_weight_kg: 4.5,
};
const RETURN = {
	rma: 'RMA-AI-1',
	customer_name: 'Jan Jansen',
	customer_street: 'Keizersgracht',
	customer_house_number: '100',
	customer_postal_code: '1015 CS',
	customer_city: 'Amsterdam',
	customer_country: 'NL',
	weight_kg: 1.2,
	order_number: 'SHOP-1',
};
const { rma: _rma, ...VALIDATE } = RETURN;
/** The sandbox's first pickup and return after a reset. */
const [PICKUP_ID, RETURN_ID] = [300001, 700001];
const bookings = (sandbox) => sandbox.v3.pickups.bookings();
const returnLabels = (sandbox) => sandbox.v3.returnLabelsBought({ externalReference: 'RMA-AI-1' });
const exactly = (what, count, expected) =>
	count === expected ? undefined : `${what}: ${count}, expected ${expected}`;

/**
 * `sandbox`: a check of the sandbox's state after the call (returns a problem, or nothing). The two
 * costly creates are called twice with the same arguments: one booking, one return label.
 */
const CALLS = [
	{
		tool: 'list_shipping_options',
		args: { to_country: 'NL', to_postal_code: '1015 CS', weight_kg: 2 },
		requests: ['POST /api/v3/shipping-options'],
		text: ['postnl:standard', 'price', 'lead_time'],
	},
	{
		tool: 'best_shipping_option',
		args: { criterion: 'cheapest', to_country: 'NL', to_postal_code: '1015 CS', weight_kg: 2 },
		requests: ['POST /api/v3/shipping-options'],
		text: ['shipping_option', 'cheapest', 'options_compared', 'price'],
	},
	{
		tool: 'list_brands',
		args: {},
		requests: ['GET /api/v3/brands'],
		text: ['My Brand', 'Outlet Store'],
	},
	{
		tool: 'get_brand',
		args: { brand_id: 42 },
		requests: ['GET /api/v3/brands/42'],
		text: ['My Brand', 'G-1234567890'],
	},
	{
		tool: 'get_contract',
		args: { contract_id: 517 },
		requests: ['GET /api/v3/contracts/517'],
		text: ['PostNL main', 'sendcloud-1'],
	},
	{
		tool: 'find_service_points',
		args: { country: 'NL', address: 'Stadhuisplein 10, 5611 EM Eindhoven' },
		requests: ['GET /api/v3/service-points'],
		text: ['2000011', 'Stadhuisplein Parcel Shop', 'Stationsplein Parcel Locker', 'distance_m'],
	},
	{
		tool: 'get_service_point',
		args: { service_point_id: 2000005 },
		requests: ['GET /api/v3/service-points/2000005'],
		text: ['DHL Parcel Locker Keizersgracht', 'opening_hours'],
	},
	{
		tool: 'service_point_available',
		args: { service_point_id: 2000004 },
		requests: ['POST /api/v3/service-points/2000004/check-availability'],
		text: ['2000004', /"is_available":\s*false/],
	},
	{
		tool: 'book_pickup',
		args: PICKUP,
		requests: ['GET /api/v3/pickups', 'POST /api/v3/pickups'],
		text: [String(PICKUP_ID), 'created', 'dhl_express'],
		sandbox: (sandbox) => exactly('pickups booked', bookings(sandbox), 1),
	},
	{
		tool: 'book_pickup',
		args: PICKUP,
		requests: ['GET /api/v3/pickups', `GET /api/v3/pickups/${PICKUP_ID}`],
		text: [String(PICKUP_ID), 'existing'],
		sandbox: (sandbox) => exactly('pickups booked after the repeat', bookings(sandbox), 1),
	},
	{
		tool: 'get_pickup',
		args: { pickup_id: PICKUP_ID },
		requests: [`GET /api/v3/pickups/${PICKUP_ID}`],
		text: [String(PICKUP_ID), 'dhl_express', '2026-12-03T08:00:00Z'],
	},
	{
		tool: 'list_pickups',
		args: {},
		requests: ['GET /api/v3/pickups'],
		text: [String(PICKUP_ID), 'dhl_express'],
	},
	{
		tool: 'track_parcel',
		args: (s) => ({ tracking_number: s.parcels[0].tracking_number }),
		requests: (s) => [`GET /api/v3/parcels/tracking/${s.parcels[0].tracking_number}`],
		text: (s) => [s.parcels[0].tracking_number, 'CANCELLATION_REQUESTED', 'last_event'],
	},
	{
		tool: 'register_external_parcel',
		args: {
			tracking_number: 'JVGLAI0001',
			carrier: 'postnl',
			announced_at: '2026-11-30T10:00:00Z',
			postal_code: '1015 CS',
			country: 'NL',
		},
		requests: ['POST /api/v3/parcels/tracking'],
		text: ['JVGLAI0001', 'created'],
	},
	{
		tool: 'track_parcel',
		args: { tracking_number: 'JVGLAI0001' },
		requests: ['GET /api/v3/parcels/tracking/JVGLAI0001'],
		text: ['JVGLAI0001', 'READY_TO_SEND', 'expected_delivery_date'],
	},
	{
		tool: 'validate_return',
		args: VALIDATE,
		requests: ['POST /api/v3/returns/validate'],
		text: [/"valid":\s*true/, 'postnl:standard/return'],
	},
	{
		tool: 'create_return',
		args: RETURN,
		requests: ['POST /api/v3/returns/announce-synchronously', `GET /api/v3/returns/${RETURN_ID}`],
		text: [String(RETURN_ID), 'RMA-AI-1', /"status":\s*"created"/, 'tracking_number'],
		sandbox: (sandbox) => exactly('return labels bought', returnLabels(sandbox), 1),
	},
	{
		tool: 'create_return',
		args: RETURN,
		requests: ['POST /api/v3/returns/announce-synchronously', 'GET /api/v3/returns'],
		text: [String(RETURN_ID), 'RMA-AI-1', /"status":\s*"existing"/],
		sandbox: (sandbox) =>
			exactly('return labels bought after the repeat', returnLabels(sandbox), 1),
	},
	{
		tool: 'get_return',
		args: { return_id: RETURN_ID },
		requests: [`GET /api/v3/returns/${RETURN_ID}`],
		text: ['Jan Jansen', 'is_cancellable'],
	},
	{
		tool: 'list_returns',
		args: { from: '2026-11-30T00:00:00Z', to: '2026-12-02T00:00:00Z' },
		requests: ['GET /api/v3/returns'],
		text: [String(RETURN_ID), 'SHOP-1'],
	},
	{
		tool: 'cancel_return',
		args: { return_id: RETURN_ID },
		requests: [`PATCH /api/v3/returns/${RETURN_ID}/cancel`],
		text: [String(RETURN_ID), 'cancellation_requested'],
	},
	{
		tool: 'cancel_return',
		args: { return_id: RETURN_ID },
		requests: [`PATCH /api/v3/returns/${RETURN_ID}/cancel`],
		error: 'refused to cancel return',
	},
];

module.exports = { TOOLS, CALLS };
