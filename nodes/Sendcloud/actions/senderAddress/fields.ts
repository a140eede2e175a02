import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/locators';

/** A sender address saved in the Sendcloud account: From List or By ID. */
export function senderAddressLocator(
	displayOptions: IDisplayOptions,
	description = 'The sender address: pick it from the account’s sender addresses, or give its ID',
): INodeProperties {
	return idLocator({
		displayName: 'Sender Address',
		name: 'senderAddressId',
		searchListMethod: 'searchSenderAddresses',
		noun: 'sender address',
		required: true,
		description,
		displayOptions,
	});
}

/** The fields people use of a sender address: who, where, and how to reach them. */
export function simplifySenderAddress(address: IDataObject): IDataObject {
	const street = [address.address_line_1, address.house_number].filter(Boolean).join(' ');
	return {
		id: address.id ?? null,
		name: address.name ?? null,
		company_name: address.company_name ?? null,
		address: [street, address.address_line_2].filter(Boolean).join(', ') || null,
		postal_code: address.postal_code ?? null,
		city: address.city ?? null,
		country_code: address.country_code ?? null,
		email: address.email ?? null,
		phone_number: address.phone_number ?? null,
	};
}
