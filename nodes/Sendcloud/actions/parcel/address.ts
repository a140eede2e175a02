import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of one address, named `<prefix>AddressLine1`, `<prefix>City`, …: the recipient and
 * sender of Create and Announce, and the address Validate Address checks.
 */
export function addressFields(
	prefix: string,
	withContact: boolean,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties[] {
	const field = (
		displayName: string,
		name: string,
		extra: Partial<INodeProperties> = {},
	): INodeProperties => ({
		displayName,
		name: `${prefix}${name}`,
		type: 'string',
		default: '',
		...(displayOptions ? { displayOptions } : {}),
		...extra,
	});
	return [
		...(withContact
			? [
					field('Name', 'Name', {
						required: true,
						description: 'Name of the person the parcel goes to',
					}),
				]
			: []),
		field('Address Line 1', 'AddressLine1', {
			required: true,
			placeholder: 'e.g. Stadhuisplein',
			description: 'Street, with or without the house number',
		}),
		field('House Number', 'HouseNumber'),
		field('Postal Code', 'PostalCode', { required: true }),
		field('City', 'City', { required: true }),
		field('Country Code', 'CountryCode', {
			required: true,
			placeholder: 'e.g. NL',
			description: 'Two-letter ISO 3166-1 country code',
		}),
	];
}
