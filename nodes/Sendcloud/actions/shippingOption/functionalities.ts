import type { INodePropertyOptions } from 'n8n-workflow';

const option = (name: string, value: string | number): INodePropertyOptions => ({ name, value });

/** The spec's yes/no functionalities a shipping option may be required to have. */
export const FEATURES: Array<[string, string]> = [
	['Business to Business (B2B)', 'b2b'],
	['Business to Consumer (B2C)', 'b2c'],
	['Bulky Goods', 'bulky_goods'],
	['Dangerous Goods', 'dangerous_goods'],
	['Eco Delivery', 'eco_delivery'],
	['Flexible Delivery', 'flex_delivery'],
	['Fragile Goods', 'fragile_goods'],
	['Fresh Goods', 'fresh_goods'],
	['Harmonized Label', 'harmonized_label'],
	['ID Check', 'id_check'],
	['Labelless (QR Code)', 'labelless'],
	['Multicollo', 'multicollo'],
	['Neighbour Delivery', 'neighbor_delivery'],
	['Non-Conveyable', 'non_conveyable'],
	['Premium', 'premium'],
	['Registered Delivery', 'registered_delivery'],
	['Returns', 'returns'],
	['Signature', 'signature'],
	['Tracked', 'tracked'],
	['Tyres', 'tyres'],
];

/** The spec's functionalities with a value from a list: parameter name → API name and its choices. */
export const CHOICES: Record<
	string,
	{ api: string; label: string; options: INodePropertyOptions[] }
> = {
	ageCheck: {
		api: 'age_check',
		label: 'Age Check',
		options: [option('16 Years', 16), option('18 Years', 18)],
	},
	deliveryDeadline: {
		api: 'delivery_deadline',
		label: 'Delivery Deadline',
		options: [
			option('Best Effort', 'best_effort'),
			option('Next Day', 'nextday'),
			option('Same Day', 'sameday'),
			option('Within 24 Hours', 'within_24h'),
			option('Within 48 Hours', 'within_48h'),
			option('Within 72 Hours', 'within_72h'),
		],
	},
	firstMile: {
		api: 'first_mile',
		label: 'First Mile',
		options: [
			option('Drop-Off at a Service Point', 'dropoff'),
			option('Fulfilment (Recurring Pickup)', 'fulfilment'),
			option('Pickup', 'pickup'),
			option('Pickup or Drop-Off', 'pickup_dropoff'),
		],
	},
	formFactor: {
		api: 'form_factor',
		label: 'Form Factor',
		options: ['Letter', 'Long', 'Mailbox', 'Pallet', 'Parcel'].map((n) =>
			option(n, n.toLowerCase()),
		),
	},
	lastMile: {
		api: 'last_mile',
		label: 'Delivery To (Last Mile)',
		options: [
			option('Home', 'home_delivery'),
			option('Locker', 'locker'),
			option('Locker or Service Point', 'locker_or_service_point'),
			option('Mailbox', 'mailbox'),
			option('Service Point', 'service_point'),
		],
	},
	priority: {
		api: 'priority',
		label: 'Priority',
		options: ['Economical', 'Express', 'Priority', 'Standard'].map((n) =>
			option(n, n.toLowerCase()),
		),
	},
	weekendDelivery: {
		api: 'weekend_delivery',
		label: 'Weekend Delivery',
		options: ['Saturday', 'Sunday', 'Weekends'].map((n) => option(n, n.toLowerCase())),
	},
};
