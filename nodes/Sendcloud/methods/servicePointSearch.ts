import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findServicePoints } from '../actions/servicePoint/search';

/** A field's value as the list search sees it: expressions cannot be resolved there, so they count as empty. */
function fieldText(ctx: ILoadOptionsFunctions, name: string): string {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter(name);
	} catch {
		return '';
	}
	if (typeof value === 'object' && value !== null && 'value' in value)
		value = (value as { value: unknown }).value;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return text.startsWith('=') ? '' : text;
}

/**
 * Service points for a picker: near what is typed in the search box, or else near the recipient's postal code
 * and city (Create and Announce), in the country the node names (its Search Country Code, or the recipient's).
 * The carrier is the shipping option's (its code starts with the carrier's: `postnl:standard`), or else the
 * carriers enabled in the integration's service point settings.
 */
export async function searchServicePoints(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const countryCode =
		fieldText(this, 'searchCountryCode') || fieldText(this, 'recipientCountryCode');
	if (!countryCode) {
		throw new NodeOperationError(
			this.getNode(),
			'Fill in the country code first (without an expression): service points are listed per country',
		);
	}
	const typed = (filter ?? '').trim();
	const postalCode = fieldText(this, 'recipientPostalCode');
	const city = fieldText(this, 'recipientCity');
	if (!typed && !postalCode && !city) {
		throw new NodeOperationError(
			this.getNode(),
			'Type an address, postal code or city in the search box to list the service points near it',
		);
	}
	const carrier = fieldText(this, 'shippingOptionCode').split(':')[0];
	const points = await findServicePoints(this, {
		countryCode,
		carriers: carrier ? [carrier] : [],
		...(typed ? { address: typed } : { postalCode, city }),
		limit: 50,
	});
	return {
		results: points.map((point) => {
			const address = (point.address ?? {}) as Record<string, unknown>;
			const carrierName = ((point.carrier ?? {}) as Record<string, unknown>).name;
			const distance = typeof point.distance === 'number' ? `, ${point.distance} m` : '';
			return {
				name: `${String(point.name)}: ${String(address.street ?? '')} ${String(address.house_number ?? '')}, ${String(address.postal_code ?? '')} ${String(address.city ?? '')} (${String(carrierName ?? '')}${distance})`,
				value: String(point.id),
			};
		}),
	};
}
