import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Create and Announce's shipping option: picked from the options Sendcloud offers for the route and parcels
 * filled in, or typed. The stored name is unchanged: a workflow saved when this was a text field holds the code
 * as plain text, and the node reads it as before.
 */
export function shippingOptionCodeLocator(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Shipping Option',
		name: 'shippingOptionCode',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		displayOptions,
		description:
			'Carrier and service, as Sendcloud’s shipping options name them (such as postnl:standard). Required unless shipping rules choose it. To pick per order, map the code from Shipping Option → Get Best Option.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				hint: 'Listed for the recipient country, sender address and parcels filled in above, cheapest first; where those are expressions or a saved sender address, each entry says what was assumed',
				typeOptions: { searchListMethod: 'searchShippingOptions', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. postnl:standard',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z0-9_-]+:\\S+\\s*$',
							errorMessage:
								'A shipping option code is the carrier, a colon and the service, such as postnl:standard',
						},
					},
				],
			},
		],
	};
}
