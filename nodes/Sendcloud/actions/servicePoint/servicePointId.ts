import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The country From List searches in, for the operations that take one service point. */
export const searchCountryField: INodeProperties = {
	displayName: 'Search Country Code',
	name: 'searchCountryCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. NL',
	description:
		'Only for picking the service point From List: the two-letter country code to search in (type an address, postal code or city in the list’s search box)',
};

/** The service point ID item `itemIndex` names (picked, typed or mapped), checked before any request. */
export function servicePointIdAt(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = String(
		ctx.getNodeParameter('servicePointId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[1-9][0-9]*$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a service point ID`, {
			itemIndex,
			description:
				'A service point ID is Sendcloud’s number for it (the "id" Service Point → Get Many returns), such as 10618942.',
		});
	}
	return Number(raw);
}
