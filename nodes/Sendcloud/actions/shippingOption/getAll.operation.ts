import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { shippingOptionAsker } from './ask';
import { questionFields } from './fields';
import { questionOf } from './question';
import { simplifyOption } from './simplify';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many shipping options',
		description:
			'List the shipping options (carrier services) available for a route and its parcels: one output item per option with its code (to buy a label with), name, carrier, price for the whole shipment, currency and lead time in hours; buys nothing',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['shippingOption'], operation: ['getAll'] } },
		[
			...questionFields,
			{
				displayName: 'Calculate Quotes',
				name: 'calculateQuotes',
				type: 'boolean',
				default: true,
				description:
					'Whether Sendcloud prices each option for these parcels (price and lead time); off lists the options faster, without prices',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return a short record per option (code, name, carrier, price, currency, lead time, functionalities) instead of Sendcloud’s full record',
			},
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const asker = shippingOptionAsker(this);
		return await eachItem(this, items, async (i) => {
			const question = questionOf(
				this,
				i,
				this.getNodeParameter('calculateQuotes', i, true) as boolean,
			);
			const { options } = await asker.ask(question.body, i);
			return this.getNodeParameter('simplify', i, true)
				? options.map((option) => simplifyOption(option, question.weightsKg))
				: options;
		});
	},
};
