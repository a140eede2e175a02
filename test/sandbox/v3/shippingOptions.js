'use strict';
// The sandbox's v3 shipping options: POST /shipping-options over a small catalogue whose prices depend on the
// parcels' (billed) weight and the destination, and whose lead times differ, so that the cheapest and the fastest
// option differ. Codes start with a carrier the shipments sandbox (./shipments.js) accepts, so every code listed
// here can be announced. Answers take the spec's shapes (see test/sandbox/spec/NOTICE.md for the decisions).

const EU = new Set(
	'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
/** kg per unit, cm per unit. */
const KG = { kg: 1, g: 0.001, lbs: 0.45359237, oz: 0.028349523125 };
const CM = { cm: 1, mm: 0.1, m: 100, yd: 91.44, ft: 30.48, in: 2.54 };
/** Volumetric weight in kg: cm³ / 5000, as most carriers count it. */
const VOLUMETRIC_DIVISOR = 5000;

const FALSE_FUNCTIONALITIES = Object.fromEntries(
	'b2b b2c ers tyres sorted boxable premium returns tracked id_check manually labelless signature surcharge multicollo bulky_goods fresh_goods eco_delivery flex_delivery fragile_goods non_conveyable dangerous_goods harmonized_label carrier_insurance neighbor_delivery registered_delivery personalized_delivery pick_up direct_contract_only'
		.split(' ')
		.map((name) => [name, false]),
);
const NULL_FUNCTIONALITIES = Object.fromEntries(
	'size segment incoterm priority age_check insurance delivery_before cash_on_delivery weekend_delivery delivery_attempts customs_value_limit carrier_billing_type'
		.split(' ')
		.map((name) => [name, null]),
);

const CONTRACTS = {
	postnl: { id: 60, client_id: '', carrier_code: 'postnl', name: 'PostNL Test' },
	dhl: { id: 61, client_id: '', carrier_code: 'dhl', name: 'DHL Express Contract' },
	dpd: { id: 62, client_id: '', carrier_code: 'dpd', name: 'DPD Classic Contract' },
	ups: { id: 63, client_id: '', carrier_code: 'ups', name: 'UPS Contract' },
	sandbox: { id: 64, client_id: '', carrier_code: 'sandbox', name: 'Sandbox Letterbox' },
};
const CARRIER_NAMES = {
	postnl: 'PostNL',
	dhl: 'DHL',
	dpd: 'DPD',
	ups: 'UPS',
	sandbox: 'Sandbox Carrier',
};

/**
 * The catalogue. `price[zone]`: [base per parcel, per billed kg] in EUR; `leadTime[zone]` in hours; a zone left out
 * is not served. Zones: `domestic` (same country), `eu`, `world`. `to`: destination countries served (all when
 * absent); `from`: origin countries (all when absent).
 */
const CATALOGUE = [
	{
		code: 'postnl:standard',
		name: 'PostNL Standard',
		product: 'postnl:standard',
		maxKg: 23,
		maxCm: [175, 78, 58],
		price: { domestic: [5.2, 0.3], eu: [9.5, 0.6] },
		leadTime: { domestic: 24, eu: 72 },
		functionalities: {
			tracked: true,
			multicollo: true,
			b2c: true,
			b2b: true,
			last_mile: 'home_delivery',
		},
	},
	{
		code: 'postnl:standard/signature',
		name: 'PostNL Standard + Signature',
		product: 'postnl:standard',
		maxKg: 23,
		maxCm: [175, 78, 58],
		price: { domestic: [6.3, 0.3], eu: [10.6, 0.6] },
		leadTime: { domestic: 24, eu: 72 },
		functionalities: {
			tracked: true,
			multicollo: true,
			signature: true,
			b2c: true,
			last_mile: 'home_delivery',
		},
	},
	{
		code: 'postnl:standard/service_point',
		name: 'PostNL Service Point',
		product: 'postnl:service_point',
		maxKg: 20,
		maxCm: [100, 50, 50],
		to: ['NL', 'BE', 'DE'],
		price: { domestic: [3.95, 0.25], eu: [7.5, 0.5] },
		leadTime: { domestic: 48, eu: 96 },
		functionalities: { tracked: true, b2c: true, last_mile: 'service_point' },
		servicePoint: true,
	},
	{
		code: 'dhl:express',
		name: 'DHL Express',
		product: 'dhl:express',
		maxKg: 30,
		maxCm: [120, 80, 80],
		price: { domestic: [14.5, 0.5], eu: [24, 1], world: [45, 3] },
		leadTime: { domestic: 12, eu: 24, world: 48 },
		functionalities: {
			tracked: true,
			multicollo: true,
			signature: true,
			premium: true,
			priority: 'express',
			delivery_deadline: 'nextday',
			last_mile: 'home_delivery',
		},
	},
	{
		code: 'dpd:classic',
		name: 'DPD Classic',
		product: 'dpd:classic',
		maxKg: 31.5,
		maxCm: [175, 100, 100],
		price: { domestic: [6.9, 0.1], eu: [8.9, 0.2] },
		leadTime: { domestic: 48, eu: 72 },
		functionalities: { tracked: true, multicollo: true, b2b: true, last_mile: 'home_delivery' },
	},
	{
		code: 'ups:standard/age_check=18',
		name: 'UPS Standard + Age Check 18',
		product: 'ups:standard',
		maxKg: 20,
		maxCm: [150, 70, 70],
		price: { domestic: [9.8, 0.4], eu: [16, 0.8], world: [32, 2.5] },
		leadTime: { domestic: 48, eu: 96, world: 120 },
		functionalities: {
			tracked: true,
			signature: true,
			id_check: true,
			age_check: 18,
			last_mile: 'home_delivery',
		},
	},
	{
		code: 'sandbox:letterbox',
		name: 'Sandbox Letterbox',
		product: 'sandbox:letterbox',
		maxKg: 2,
		maxCm: [38, 26.5, 3.2],
		from: ['NL'],
		to: ['NL'],
		price: { domestic: [2.95, 0] },
		leadTime: { domestic: 24 },
		functionalities: { form_factor: 'mailbox', last_mile: 'mailbox', b2c: true },
	},
];

const money = (value) => ({ value: value.toFixed(2), currency: 'EUR' });
const kgText = (kg) => kg.toFixed(3);
const json = (status, body) => ({ status, body });
const invalid = (detail, pointer) =>
	json(400, {
		errors: [
			{ status: '400', code: 'invalid', detail, ...(pointer ? { source: { pointer } } : {}) },
		],
	});

function zoneOf(from, to) {
	if (!from || !to) return undefined;
	if (from === to) return 'domestic';
	return EU.has(from) && EU.has(to) ? 'eu' : 'world';
}

/** A parcel's weight and billed weight in kg, and its sides in cm (longest first), or undefined without dimensions. */
function measure(parcel) {
	const kg = Number(parcel.weight.value) * KG[parcel.weight.unit];
	const d = parcel.dimensions;
	const sides = d
		? [d.length, d.width, d.height].map((v) => Number(v) * CM[d.unit]).sort((a, b) => b - a)
		: undefined;
	const volumetric = sides ? (sides[0] * sides[1] * sides[2]) / VOLUMETRIC_DIVISOR : 0;
	return { kg, sides, billed: Math.max(kg, volumetric), volumetric: volumetric > kg };
}

function functionalitiesOf(option) {
	return {
		...FALSE_FUNCTIONALITIES,
		...NULL_FUNCTIONALITIES,
		first_mile: 'pickup_dropoff',
		form_factor: 'parcel',
		delivery_deadline: 'best_effort',
		...option.functionalities,
		service_area: null,
	};
}

/** Whether the option has every functionality the request asks for (a requested `false` must be false). */
function hasFunctionalities(option, wanted) {
	const own = functionalitiesOf(option);
	return Object.entries(wanted ?? {}).every(([name, value]) =>
		value === null ? true : own[name] === value,
	);
}

function leadTimeFits(hours, filter) {
	if (!filter) return true;
	if (hours === null) return false;
	const tests = { gt: (x) => hours > x, gte: (x) => hours >= x, eq: (x) => hours === x };
	Object.assign(tests, { lt: (x) => hours < x, lte: (x) => hours <= x });
	return Object.entries(filter).every(([op, value]) => tests[op](value));
}

/** The shipping options the request describes, in the spec's shape, cheapest catalogue order kept. */
function shippingOptions(body) {
	const from =
		(body.from_address?.country_code ?? body.from_country_code ?? '').toUpperCase() || undefined;
	const to =
		(body.to_address?.country_code ?? body.to_country_code ?? '').toUpperCase() || undefined;
	const zone = zoneOf(from, to);
	const parcels = body.parcels.map(measure);
	const servicePoint = Boolean(body.to_service_point || body.to_service_point_id);
	const found = CATALOGUE.filter((option) => {
		const carrier = option.code.split(':')[0];
		return (
			(!body.carrier_code || body.carrier_code === carrier) &&
			(body.contract_id == null || body.contract_id === CONTRACTS[carrier].id) &&
			(!body.shipping_product_code || body.shipping_product_code === option.product) &&
			(!body.shipping_option_code || body.shipping_option_code === option.code) &&
			(!from || !option.from || option.from.includes(from)) &&
			(!to || !option.to || option.to.includes(to)) &&
			(!zone || option.price[zone] !== undefined) &&
			(parcels.length < 2 || option.functionalities.multicollo === true) &&
			parcels.every(
				(p) =>
					p.kg <= option.maxKg && (!p.sides || p.sides.every((side, i) => side <= option.maxCm[i])),
			) &&
			(!servicePoint || option.servicePoint === true) &&
			hasFunctionalities(option, body.functionalities) &&
			leadTimeFits(zone ? option.leadTime[zone] : null, body.lead_time)
		);
	});
	const quoted = body.calculate_quotes === true && zone !== undefined;
	return found.map((option) => {
		const carrier = option.code.split(':')[0];
		const [base, perKg] = zone ? option.price[zone] : [0, 0];
		const label = parcels.reduce((sum, p) => sum + base + perKg * Math.ceil(p.billed), 0);
		return {
			code: option.code,
			name: option.name,
			carrier: { code: carrier, name: CARRIER_NAMES[carrier] },
			product: { code: option.product, name: option.name.split(' + ')[0] },
			functionalities: functionalitiesOf(option),
			contract: CONTRACTS[carrier],
			weight: {
				min: { value: '0.001', unit: 'kg' },
				max: { value: kgText(option.maxKg), unit: 'kg' },
			},
			max_dimensions: {
				length: option.maxCm[0].toFixed(2),
				width: option.maxCm[1].toFixed(2),
				height: option.maxCm[2].toFixed(2),
				unit: 'cm',
			},
			parcel_billed_weights: parcels.map((p, n) => ({
				unit: 'kg',
				value: kgText(p.billed),
				volumetric: p.volumetric,
				calculation: p.volumetric ? `L x W x H / ${VOLUMETRIC_DIVISOR}` : null,
				parcel_number: n + 1,
			})),
			requirements: {
				fields: [],
				export_documents: zone === 'world',
				is_service_point_required: option.servicePoint === true,
			},
			charging_type: 'label_creation',
			quotes: quoted
				? [
						{
							weight: {
								min: { value: '0.001', unit: 'kg' },
								max: { value: kgText(option.maxKg), unit: 'kg' },
							},
							price: {
								breakdown: [
									{ type: 'price_without_insurance', label: 'Label', price: money(label) },
								],
								total: money(label),
							},
							lead_time: option.leadTime[zone],
						},
					]
				: null,
		};
	});
}

/** POST /shipping-options: the errors the API finds in a request that holds to the schema, else the options. */
function listShippingOptions({ body }) {
	for (const side of ['from', 'to']) {
		if (body[`${side}_address`] && (body[`${side}_country_code`] || body[`${side}_postal_code`]))
			return invalid(
				`${side}_address cannot be combined with ${side}_country_code or ${side}_postal_code.`,
				`/${side}_address`,
			);
	}
	if (!Array.isArray(body.parcels) || body.parcels.length === 0)
		return invalid('At least one parcel must be provided.', '/parcels');
	if (body.parcels.length > 50) return invalid('At most 50 parcels can be provided.', '/parcels');
	if (body.parcels.some((p) => !p.weight))
		return json(400, {
			errors: [
				{
					status: '400',
					code: 'required',
					detail: 'This field is required.',
					source: { pointer: '/parcels/weight' },
				},
			],
		});
	if (body.contract_id != null && !Object.values(CONTRACTS).some((c) => c.id === body.contract_id))
		return invalid('Invalid contract.', '/contract_id');
	const data = shippingOptions(body);
	return json(
		200,
		data.length
			? { data, message: null }
			: {
					data: [],
					message:
						"We couldn't find any shipping options for this request. Make sure your account has active shipping options that match the selected filters.",
				},
	);
}

const shippingOptionHandlers = {
	'sc-public-v3-scp-post-shipping_options': listShippingOptions,
};

module.exports = { shippingOptionHandlers, SHIPPING_OPTION_CATALOGUE: CATALOGUE, CONTRACTS };
