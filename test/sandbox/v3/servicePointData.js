'use strict';
// The sandbox's service points (carriers' parcel shops, lockers and post offices) and the addresses its
// geocoder knows. Coordinates are real-world approximations; distances are computed from them.

const CARRIERS = {
	postnl: 'PostNL',
	dhl: 'DHL',
	dpd: 'DPD',
	ups: 'UPS',
};

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Opening hours per weekday: `hours` for the listed days, closed (null) on the others. */
function week(hours, days = WEEKDAYS.slice(0, 6)) {
	const [start_time, end_time] = hours.split('-');
	return Object.fromEntries(
		WEEKDAYS.map((day) => [day, days.includes(day) ? [{ start_time, end_time }] : null]),
	);
}

const SHOP = week('09:00-18:00');
const LOCKER = week('00:00-23:59', WEEKDAYS);
const OFFICE = week('09:00-17:00', WEEKDAYS.slice(0, 5));
const SPLIT = {
	...week('09:00-12:30', WEEKDAYS.slice(0, 5)),
	monday: [
		{ start_time: '09:00', end_time: '12:30' },
		{ start_time: '13:30', end_time: '18:00' },
	],
	saturday: [{ start_time: '10:00', end_time: '16:00' }],
};

// [id, carrier, carrier's id, carrier shop type, general type, name, street, number, postal code, city,
//  country, latitude, longitude, opening times, flags]
// prettier-ignore
const ROWS = [
	[2000001, 'postnl', 'NL-204131', 'PUP', 'servicepoint', 'Primera Kalverstraat', 'Kalverstraat', '12', '1012 PC', 'Amsterdam', 'NL', 52.3712, 4.892, SHOP],
	[2000002, 'dhl', 'NL-8004-01', 'parcelshop', 'servicepoint', 'DHL ServicePoint Albert Heijn Nieuwmarkt', 'Nieuwmarkt', '18', '1012 CR', 'Amsterdam', 'NL', 52.3725, 4.9003, SPLIT],
	[2000003, 'postnl', 'NL-PBA-1012', 'PBA', 'locker', 'PostNL Pakketautomaat Centraal', 'Stationsplein', '9', '1012 AB', 'Amsterdam', 'NL', 52.3781, 4.9, LOCKER],
	[2000004, 'dpd', 'NL21066', '100', 'servicepoint', 'DPD Pickup Jordaan', 'Westerstraat', '80', '1015 MN', 'Amsterdam', 'NL', 52.379, 4.882, SHOP, { unavailable: true }],
	[2000005, 'dhl', 'NL-LOCK-1015', 'locker', 'locker', 'DHL Parcel Locker Keizersgracht', 'Keizersgracht', '120', '1015 CW', 'Amsterdam', 'NL', 52.3765, 4.8862, LOCKER],
	[2000006, 'postnl', 'NL-176540', 'PO', 'post_office', 'PostNL Postkantoor Zuid', 'Gustav Mahlerlaan', '10', '1082 PP', 'Amsterdam', 'NL', 52.3386, 4.8732, OFFICE],
	[2000007, 'ups', 'U-NL-3312', 'access_point', 'servicepoint', 'UPS Access Point Bloemgracht', 'Bloemgracht', '41', '1016 KD', 'Amsterdam', 'NL', 52.3745, 4.8805, SHOP],
	[2000011, 'dhl', 'NL-00001', 'paketshop', 'servicepoint', 'Stadhuisplein Parcel Shop', 'Stadhuisplein', '1', '5611 EM', 'Eindhoven', 'NL', 51.438022, 5.478543, OFFICE],
	[2000012, 'postnl', 'NL-00002', 'pakketautomaat', 'locker', 'Stationsplein Parcel Locker', 'Stationsplein', '1', '5611 AC', 'Eindhoven', 'NL', 51.443218, 5.4816, LOCKER],
	[2000013, 'dpd', 'NL21999', '100', 'servicepoint', 'DPD Pickup Strijp', 'Torenallee', '20', '5617 BC', 'Eindhoven', 'NL', 51.448, 5.456, SHOP, { expired: true }],
	[2000021, 'postnl', 'NL-208811', 'PUP', 'servicepoint', 'Bruna Oudegracht', 'Oudegracht', '150', '3511 AZ', 'Utrecht', 'NL', 52.0894, 5.121, SHOP],
	[2000031, 'dhl', 'DE-PS-101', 'packStation', 'locker', 'Packstation 101', 'Friedrichstraße', '50', '10117', 'Berlin', 'DE', 52.509, 13.39, LOCKER],
	[2000032, 'dpd', 'DE13501', '400', 'servicepoint', 'DPD Pickup Mitte', 'Torstraße', '100', '10119', 'Berlin', 'DE', 52.529, 13.402, SHOP],
	[2000033, 'dhl', 'DE-PF-502', 'postOffice', 'post_office', 'DHL Postfiliale Alexanderplatz', 'Alexanderplatz', '1', '10178', 'Berlin', 'DE', 52.5219, 13.4132, OFFICE],
	[2000041, 'dpd', 'BE10001', '100', 'servicepoint', 'DPD Pickup Grand-Place', 'Rue au Beurre', '10', '1000', 'Bruxelles', 'BE', 50.8475, 4.3527, SHOP],
	[2000042, 'dhl', 'BE-SP-1050', 'parcelshop', 'servicepoint', 'DHL ServicePoint Louise', 'Avenue Louise', '50', '1050', 'Ixelles', 'BE', 50.8339, 4.36, SPLIT],
];

const SERVICE_POINTS = ROWS.map(
	// prettier-ignore
	([id, carrier, spId, shopType, generalType, name, street, number, postal, city, country, lat, lon, times, flags = {}]) => ({
		id,
		name,
		carrier,
		carrier_service_point_id: spId,
		carrier_shop_type: shopType,
		general_shop_type: generalType,
		address: { street, house_number: number, postal_code: postal, city, country_code: country },
		position: { latitude: lat, longitude: lon },
		contact: { email: '', phone: '' },
		opening_times: times,
		is_expired: Boolean(flags.expired),
		unavailable: Boolean(flags.unavailable),
	}),
);

// What the geocoder knows: [country, kind, name, latitude, longitude, city].
const PLACES = [
	['NL', 'postal_code', '1015 CS', 52.376, 4.885, 'Amsterdam'],
	['NL', 'postal_code', '1012 JS', 52.3731, 4.8926, 'Amsterdam'],
	['NL', 'postal_code', '1012 PC', 52.3713, 4.8918, 'Amsterdam'],
	['NL', 'postal_code', '5611 EM', 51.438, 5.478, 'Eindhoven'],
	['NL', 'postal_code', '3511 AZ', 52.0893, 5.1205, 'Utrecht'],
	['DE', 'postal_code', '10117', 52.516, 13.388, 'Berlin'],
	['BE', 'postal_code', '1000', 50.8467, 4.3525, 'Bruxelles'],
	['NL', 'street', 'Keizersgracht', 52.3763, 4.8857, 'Amsterdam'],
	['NL', 'street', 'Dam', 52.3731, 4.8926, 'Amsterdam'],
	['NL', 'street', 'Stadhuisplein', 51.4381, 5.4786, 'Eindhoven'],
	['DE', 'street', 'Friedrichstraße', 52.5155, 13.3897, 'Berlin'],
	['NL', 'city', 'Amsterdam', 52.3728, 4.8936, 'Amsterdam'],
	['NL', 'city', 'Eindhoven', 51.4416, 5.4697, 'Eindhoven'],
	['NL', 'city', 'Utrecht', 52.0907, 5.1214, 'Utrecht'],
	['DE', 'city', 'Berlin', 52.52, 13.405, 'Berlin'],
	['BE', 'city', 'Bruxelles', 50.8503, 4.3517, 'Bruxelles'],
	['BE', 'city', 'Brussels', 50.8503, 4.3517, 'Bruxelles'],
].map(([country, kind, name, latitude, longitude, city]) => ({
	country,
	kind,
	name,
	latitude,
	longitude,
	city,
}));

const COUNTRY_NAMES = { NL: 'Nederland', DE: 'Deutschland', BE: 'België' };

module.exports = { CARRIERS, WEEKDAYS, SERVICE_POINTS, PLACES, COUNTRY_NAMES };
