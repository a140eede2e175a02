import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { sendcloudV3ApiRequest } from '../../transport';
import { addressFields } from './address';

/** UI field → API field. Values go as typed, for the carrier to judge; only the country code is normalised. */
const ADDRESS = [
	['address_line_1', 'addressAddressLine1'],
	['house_number', 'addressHouseNumber'],
	['postal_code', 'addressPostalCode'],
	['city', 'addressCity'],
	['country_code', 'addressCountryCode'],
] as const;

export const validateAddress: Operation = {
	option: {
		name: 'Validate Address',
		value: 'validateAddress',
		action: 'Validate an address',
		description:
			'Check an address against a carrier’s rules before shipping to it: returns whether it is valid (input_address_is_valid) and suggested corrections (results); buys nothing',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['parcel'], operation: ['validateAddress'] } },
		[
			{
				displayName: 'Carrier Code',
				name: 'carrierCode',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. postnl',
				description: 'The carrier whose rules the address is checked against',
			},
			...addressFields('address', false),
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const address: IDataObject = {};
			for (const [field, parameter] of ADDRESS) {
				const given = this.getNodeParameter(parameter, i, '') as string;
				const value = field === 'country_code' ? String(given).trim().toUpperCase() : given;
				if (value !== '') address[field] = value;
			}
			const carrierCode = String(this.getNodeParameter('carrierCode', i, '')).trim();
			return await sendcloudV3ApiRequest.call(this, 'POST', '/addresses/validate', {
				body: { carrier_code: carrierCode, address },
				itemIndex: i,
			});
		});
	},
};
