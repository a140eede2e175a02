import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendcloudV3ApiRequest } from '../../transport';
import type { RequestContext } from '../../../shared/transport';

/** Where to search around: the spec's three kinds of reference point, a bounding box, or none. */
export interface ServicePointSearch {
	countryCode: string;
	/** Carrier codes; none means the carriers enabled in the integration's settings. */
	carriers: string[];
	address?: string;
	street?: string;
	houseNumber?: string;
	postalCode?: string;
	city?: string;
	latitude?: number;
	longitude?: number;
	box?: { neLatitude: number; neLongitude: number; swLatitude: number; swLongitude: number };
	radius?: number;
	generalShopTypes?: string[];
	carrierShopType?: string;
	carrierServicePointIds?: string[];
	limit: number;
}

const fail = (node: INode, message: string, itemIndex?: number, description?: string) =>
	new NodeOperationError(node, message, { itemIndex, description });

/** The search as the spec's query; what the API would refuse (its mutually exclusive parameters) fails first. */
export function servicePointQuery(
	node: INode,
	search: ServicePointSearch,
	itemIndex?: number,
): IDataObject {
	const country = search.countryCode.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(country))
		throw fail(
			node,
			`"${search.countryCode}" is not a country code`,
			itemIndex,
			'Give a two-letter ISO 3166-1 code, such as NL.',
		);
	const qs: IDataObject = { country_code: country };
	if (search.carriers.length) qs.carrier_code = search.carriers;
	else qs.use_integration_carriers = true;
	const text = (value?: string) => (value ?? '').trim() || undefined;
	const structured = {
		address_street: text(search.street),
		address_house_number: text(search.houseNumber),
		address_postal_code: text(search.postalCode),
		address_city: text(search.city),
	};
	if (text(search.address)) qs.address = text(search.address);
	for (const [name, value] of Object.entries(structured)) if (value) qs[name] = value;
	if (
		structured.address_house_number &&
		!structured.address_street &&
		!structured.address_postal_code
	)
		throw fail(node, 'A house number needs a street or a postal code to search near', itemIndex);
	if (search.latitude !== undefined || search.longitude !== undefined) {
		const [lat, lon] = [search.latitude, search.longitude];
		if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180)
			throw fail(node, 'Give both a latitude (-90 to 90) and a longitude (-180 to 180)', itemIndex);
		qs.latitude = lat;
		qs.longitude = lon;
	}
	if (search.box) {
		const { neLatitude, neLongitude, swLatitude, swLongitude } = search.box;
		if (neLatitude < swLatitude || neLongitude < swLongitude)
			throw fail(
				node,
				'The north-east corner of the box must be north and east of its south-west corner',
				itemIndex,
			);
		Object.assign(qs, {
			ne_latitude: neLatitude,
			ne_longitude: neLongitude,
			sw_latitude: swLatitude,
			sw_longitude: swLongitude,
		});
	}
	if (search.radius !== undefined && search.radius > 0) {
		if (search.box) throw fail(node, 'A radius cannot be combined with a bounding box', itemIndex);
		if (search.radius < 100 || search.radius > 50_000)
			throw fail(
				node,
				`A radius of ${search.radius} m is out of range`,
				itemIndex,
				'Sendcloud searches within 100 to 50,000 meters.',
			);
		qs.radius = Math.round(search.radius);
	}
	if (search.generalShopTypes?.length) qs.general_shop_type = search.generalShopTypes;
	if (text(search.carrierShopType)) qs.carrier_shop_type = text(search.carrierShopType);
	if (search.carrierServicePointIds?.length)
		qs.carrier_service_point_id = search.carrierServicePointIds;
	if (!Number.isInteger(search.limit) || search.limit < 1 || search.limit > 200)
		throw fail(
			node,
			`A limit of ${search.limit} is out of range`,
			itemIndex,
			'Sendcloud returns 1 to 200 service points per search.',
		);
	qs.limit = search.limit;
	return qs;
}

/**
 * The service points a search finds, nearest first when it has a reference point. An address Sendcloud could
 * not locate is an error (an empty list would read as "no service point nearby").
 */
export async function findServicePoints(
	ctx: RequestContext,
	search: ServicePointSearch,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const qs = servicePointQuery(ctx.getNode(), search, itemIndex);
	const answer = (await sendcloudV3ApiRequest.call(ctx, 'GET', '/service-points', {
		qs,
		itemIndex,
	})) as { data?: { results?: IDataObject[]; geocoding?: IDataObject | null } };
	const geocoding = answer.data?.geocoding;
	if (geocoding?.status === 'not_found') {
		throw fail(
			ctx.getNode(),
			`Sendcloud could not locate the address to search near (${[qs.address, qs.address_street, qs.address_house_number, qs.address_postal_code, qs.address_city].filter(Boolean).join(', ')}, ${String(qs.country_code)})`,
			itemIndex,
			'Check the address, postal code or city and the country code, or search by coordinates.',
		);
	}
	return (answer.data?.results ?? []).map((point) =>
		geocoding && geocoding.status !== 'matched' ? { ...point, geocoding } : point,
	);
}
