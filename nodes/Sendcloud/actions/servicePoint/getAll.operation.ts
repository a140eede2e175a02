import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { toList } from '../../helpers/fields';
import { findServicePoints, type ServicePointSearch } from './search';
import {
	SERVICE_POINT_CARRIERS,
	simplifyServicePoint,
	simplifyServicePointField,
} from './servicePoints';

const near = (...kinds: string[]) => ({ show: { searchNear: kinds } });
const number = (displayName: string, name: string, show: string[], description: string) =>
	({
		displayName,
		name,
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { numberPrecision: 6 },
		displayOptions: near(...show),
		description,
	}) as INodeProperties;
const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}) =>
	({
		displayName,
		name,
		type: 'string',
		default: '',
		displayOptions: near('structured'),
		...extra,
	}) as INodeProperties;

const properties: INodeProperties[] = [
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. NL',
		description: 'Two-letter ISO 3166-1 code of the country to search in',
	},
	{
		displayName: 'Carriers',
		name: 'carriers',
		type: 'multiOptions',
		options: SERVICE_POINT_CARRIERS,
		default: [],
		description:
			'Carriers whose service points to return. None: the carriers enabled in the Sendcloud integration’s service point settings. Other carrier codes can be given with an expression, such as {{ ["postnl", "dhl"] }}.',
	},
	{
		displayName: 'Search Near',
		name: 'searchNear',
		type: 'options',
		default: 'address',
		options: [
			{
				name: 'Address (Free Text)',
				value: 'address',
				description: 'One line, as a checkout form gives it',
			},
			{
				name: 'Address (Street, Postal Code, City)',
				value: 'structured',
				description: 'The address in parts: clearer to locate',
			},
			{ name: 'Coordinates', value: 'coordinates', description: 'A latitude and longitude' },
			{
				name: 'Map Area',
				value: 'box',
				description: 'Every service point within a bounding box (diagonal up to 50 km)',
			},
			{
				name: 'Nowhere in Particular',
				value: 'none',
				description: 'No reference point: filter by carrier IDs or shop type only',
			},
		],
		description:
			'The place service points are searched around; results come nearest first, with their distance',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Stadhuisplein 10, Eindhoven',
		displayOptions: near('address'),
		description: 'Street and house number, postal code and/or city, in one line',
	},
	text('Street', 'street', {
		placeholder: 'e.g. Stadhuisplein',
		description: 'Street to search near; give a postal code or city with it',
	}),
	text('House Number', 'houseNumber', { description: 'Needs a street or a postal code with it' }),
	text('Postal Code', 'postalCode', {
		placeholder: 'e.g. 5611 EM',
		description: 'Postal code to search near',
	}),
	text('City', 'city', { description: 'City to search in or near' }),
	number(
		'Latitude',
		'latitude',
		['coordinates'],
		'Latitude of the place to search around, e.g. 51.435046',
	),
	number(
		'Longitude',
		'longitude',
		['coordinates'],
		'Longitude of the place to search around, e.g. 5.479507',
	),
	number('North-East Latitude', 'neLatitude', ['box'], 'Latitude of the box’s north-east corner'),
	number(
		'North-East Longitude',
		'neLongitude',
		['box'],
		'Longitude of the box’s north-east corner',
	),
	number('South-West Latitude', 'swLatitude', ['box'], 'Latitude of the box’s south-west corner'),
	number(
		'South-West Longitude',
		'swLongitude',
		['box'],
		'Longitude of the box’s south-west corner',
	),
	{
		displayName: 'Radius (Meters)',
		name: 'radius',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 50000 },
		displayOptions: near('address', 'structured', 'coordinates'),
		description:
			'Only service points within this distance (100 to 50,000). 0: the nearest, however far.',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 200 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Carrier Service Point IDs',
				name: 'carrierServicePointIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. NL-00001,NL98765',
				description: 'The carriers’ own IDs of the service points, comma-separated',
			},
			{
				displayName: 'Carrier Shop Type',
				name: 'carrierShopType',
				type: 'string',
				default: '',
				placeholder: 'e.g. packStation',
				description: 'A carrier’s own shop type, such as packStation (DHL) or PBA (PostNL)',
			},
			{
				displayName: 'Types',
				name: 'generalShopTypes',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Carrier Depot', value: 'carrier_depot' },
					{ name: 'Locker', value: 'locker' },
					{ name: 'Post Office', value: 'post_office' },
					{ name: 'Service Point (Parcel Shop)', value: 'servicepoint' },
				],
				description: 'Only service points of these kinds',
			},
		],
	},
	simplifyServicePointField,
];

/** Item `i`'s search, from the fields. */
function searchAt(ctx: IExecuteFunctions, i: number): ServicePointSearch {
	const get = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, i, fallback) as T;
	const searchNear = get<string>('searchNear', 'address');
	const filters = get<IDataObject>('filters', {});
	return {
		countryCode: String(get('countryCode', '')),
		carriers: toList(get<unknown>('carriers', [])),
		...(searchNear === 'address' ? { address: String(get('address', '')) } : {}),
		...(searchNear === 'structured'
			? {
					street: String(get('street', '')),
					houseNumber: String(get('houseNumber', '')),
					postalCode: String(get('postalCode', '')),
					city: String(get('city', '')),
				}
			: {}),
		...(searchNear === 'coordinates'
			? { latitude: get<number>('latitude', 0), longitude: get<number>('longitude', 0) }
			: {}),
		...(searchNear === 'box'
			? {
					box: {
						neLatitude: get<number>('neLatitude', 0),
						neLongitude: get<number>('neLongitude', 0),
						swLatitude: get<number>('swLatitude', 0),
						swLongitude: get<number>('swLongitude', 0),
					},
				}
			: {}),
		radius: ['address', 'structured', 'coordinates'].includes(searchNear)
			? get<number>('radius', 0)
			: undefined,
		generalShopTypes: toList(filters.generalShopTypes),
		carrierShopType: String(filters.carrierShopType ?? ''),
		carrierServicePointIds: toList(filters.carrierServicePointIds),
		limit: get<boolean>('returnAll', false) ? 200 : get<number>('limit', 50),
	};
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Find service points',
		description:
			'Find carriers’ service points (parcel shops, lockers, post offices) near an address, a postal code or coordinates, or in a map area: each with its ID (for delivery to it), name, carrier, address, distance in meters, coordinates and opening hours, nearest first. Sendcloud returns at most 200 per search (Return All).',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['servicePoint'], operation: ['getAll'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const points = await findServicePoints(this, searchAt(this, i), i);
			const simplify = this.getNodeParameter('simplify', i, true) as boolean;
			return simplify ? points.map(simplifyServicePoint) : points;
		});
	},
};
