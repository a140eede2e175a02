import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Carriers that offer service points through Sendcloud, by their carrier codes. The API has no list of
 * them; a code not here can be given with an expression (an array of codes).
 */
export const SERVICE_POINT_CARRIERS: INodePropertyOptions[] = [
	{ name: 'Bpost', value: 'bpost' },
	{ name: 'Chronopost', value: 'chronopost' },
	{ name: 'Colissimo', value: 'colissimo' },
	{ name: 'DHL', value: 'dhl' },
	{ name: 'DHL Germany', value: 'dhl_de' },
	{ name: 'DPD', value: 'dpd' },
	{ name: 'GLS', value: 'gls' },
	{ name: 'Hermes Germany', value: 'hermes_de' },
	{ name: 'Mondial Relay', value: 'mondial_relay' },
	{ name: 'PostNL', value: 'postnl' },
	{ name: 'UPS', value: 'ups' },
];

/** The Sendcloud ID of a service point: From List (near an address) or By ID. */
export function servicePointLocator(
	overrides: Partial<INodeProperties> & { searchListMethod?: string } = {},
): INodeProperties {
	const { searchListMethod = 'searchServicePoints', ...rest } = overrides;
	return {
		displayName: 'Service Point',
		name: 'servicePointId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The service point: pick one from the list (type an address, postal code or city to search near it) or give its Sendcloud ID, as Service Point → Get Many returns it',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 10618942',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[1-9][0-9]*\\s*$',
							errorMessage: 'A service point ID is a positive whole number',
						},
					},
				],
			},
		],
		...rest,
	};
}

const DAY_LABELS: Array<[string, string]> = [
	['monday', 'Mon'],
	['tuesday', 'Tue'],
	['wednesday', 'Wed'],
	['thursday', 'Thu'],
	['friday', 'Fri'],
	['saturday', 'Sat'],
	['sunday', 'Sun'],
];

/** Opening hours as one line, days with the same hours together: "Mon-Fri 09:00-17:00; Sat 10:00-16:00; Sun closed". */
export function openingHoursSummary(openingTimes: unknown): string {
	if (typeof openingTimes !== 'object' || openingTimes === null) return '';
	const hoursOf = (day: string) => {
		const ranges = (openingTimes as IDataObject)[day];
		if (!Array.isArray(ranges) || ranges.length === 0) return 'closed';
		return (ranges as IDataObject[])
			.map((r) => `${String(r.start_time)}-${String(r.end_time)}`)
			.join(', ');
	};
	const groups: Array<{ from: string; to: string; hours: string }> = [];
	for (const [day, label] of DAY_LABELS) {
		const hours = hoursOf(day);
		const last = groups[groups.length - 1];
		if (last && last.hours === hours) last.to = label;
		else groups.push({ from: label, to: label, hours });
	}
	return groups
		.map((g) => `${g.from === g.to ? g.from : `${g.from}-${g.to}`} ${g.hours}`)
		.join('; ');
}

/** The fields people use of a service point: who, where, how far, when open. */
export function simplifyServicePoint(point: IDataObject): IDataObject {
	const address = (point.address ?? {}) as IDataObject;
	const position = (point.position ?? {}) as IDataObject;
	const carrier = (point.carrier ?? {}) as IDataObject;
	return {
		id: point.id ?? null,
		name: point.name ?? null,
		carrier: carrier.code ?? null,
		carrier_name: carrier.name ?? null,
		carrier_service_point_id: point.carrier_service_point_id ?? null,
		type: point.general_shop_type ?? null,
		address: [
			[address.street, address.house_number].filter(Boolean).join(' '),
			[address.postal_code, address.city].filter(Boolean).join(' '),
			address.country_code,
		]
			.filter(Boolean)
			.join(', '),
		distance_m: point.distance ?? null,
		latitude: position.latitude ?? null,
		longitude: position.longitude ?? null,
		opening_hours: openingHoursSummary(point.opening_times),
		is_open_tomorrow: point.is_open_tomorrow ?? null,
		next_open_at: point.next_open_at ?? null,
		is_expired: point.is_expired ?? null,
	};
}

export const simplifyServicePointField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the main fields (ID, name, carrier, address, distance, coordinates, opening hours in one line) instead of everything',
};
