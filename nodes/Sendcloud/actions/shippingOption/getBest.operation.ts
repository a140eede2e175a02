import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { shippingOptionAsker } from './ask';
import { best, candidatesOf, type Criterion, currenciesOf } from './choose';
import { questionFields } from './fields';
import { questionOf } from './question';

export const getBest: Operation = {
	option: {
		name: 'Get Best Option',
		value: 'getBest',
		action: 'Get the best shipping option',
		description:
			'Pick the cheapest or the fastest shipping option (carrier service) that fits a route and its parcels, and return it under the Put Result In Field field with the input item: code (to buy a label with), name, carrier, contract, price, currency, lead time in hours. Identical questions are asked once per run; buys nothing.',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['shippingOption'], operation: ['getBest'] } },
		[
			{
				displayName: 'Pick',
				name: 'criterion',
				type: 'options',
				default: 'cheapest',
				options: [
					{
						name: 'Cheapest',
						value: 'cheapest',
						description:
							'Lowest price for the whole shipment; on a tie the shorter lead time, then the code',
					},
					{
						name: 'Fastest',
						value: 'fastest',
						description:
							'Shortest lead time (hours); on a tie the lower price, then the code. Options without a lead time come last.',
					},
				],
				description: 'Which option wins among those that fit',
			},
			...questionFields,
			{
				displayName: 'Include Input Fields',
				name: 'includeInputFields',
				type: 'boolean',
				default: true,
				description:
					'Whether the output item keeps the input item’s fields (the order), with the chosen option added under the field below; off returns the chosen option alone',
			},
			{
				displayName: 'Put Result In Field',
				name: 'outputField',
				type: 'string',
				default: 'shipping_option',
				required: true,
				description: 'Name of the output field that holds the chosen option',
			},
		],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const asker = shippingOptionAsker(this);
		return await eachItem(this, items, async (i) => {
			const criterion = this.getNodeParameter('criterion', i, 'cheapest') as Criterion;
			const outputField = String(this.getNodeParameter('outputField', i, 'shipping_option')).trim();
			if (!outputField) {
				throw new NodeOperationError(this.getNode(), 'Put Result In Field is empty', {
					itemIndex: i,
					description: 'Name the field the chosen option goes in, such as shipping_option.',
				});
			}
			const question = questionOf(this, i, true);
			const { options, message } = await asker.ask(question.body, i);
			// An option that needs a service point cannot be bought for a home address: only when asked for.
			const lastMile = (question.body.functionalities as IDataObject | undefined)?.last_mile;
			const servicePoint = lastMile === 'service_point' || lastMile === 'locker_or_service_point';
			const candidates = candidatesOf(
				options.filter(
					(option) =>
						servicePoint ||
						(option.requirements as IDataObject | undefined)?.is_service_point_required !== true,
				),
				question.weightsKg,
			);
			const currencies = currenciesOf(candidates);
			if (currencies.length > 1) {
				throw new NodeOperationError(
					this.getNode(),
					`Sendcloud priced the options for ${question.summary} in several currencies (${currencies.join(', ')}): they cannot be compared`,
					{
						itemIndex: i,
						description: 'Narrow the options down with a carrier or contract filter.',
					},
				);
			}
			const chosen = best(candidates, criterion);
			if (!chosen) {
				throw new NodeOperationError(
					this.getNode(),
					`No shipping option fits ${question.summary}`,
					{
						itemIndex: i,
						description: [
							message,
							options.length
								? `Sendcloud listed ${options.length} option(s), none with a price for these parcels within its weight limits${question.weightsKg.length > 1 ? ' and able to ship several parcels together (multicollo)' : ''}.`
								: 'Sendcloud listed no option for this route, these parcels and these filters.',
							'Check the countries, the weights (in kg) and the filters, and that the carriers are enabled in the Sendcloud account.',
						]
							.filter(Boolean)
							.join(' '),
					},
				);
			}
			const carrier = (chosen.option.carrier ?? {}) as IDataObject;
			const result: IDataObject = {
				code: chosen.option.code,
				name: chosen.option.name,
				carrier_code: carrier.code ?? null,
				carrier_name: carrier.name ?? null,
				contract_id: ((chosen.option.contract ?? {}) as IDataObject).id ?? null,
				price: chosen.price,
				currency: chosen.currency,
				lead_time_hours: chosen.leadTimeHours,
				criterion,
				options_compared: candidates.length,
			};
			const keep = this.getNodeParameter('includeInputFields', i, true) as boolean;
			return [
				{
					json: { ...(keep ? items[i].json : {}), [outputField]: result },
					...(keep && items[i].binary ? { binary: items[i].binary } : {}),
				},
			];
		});
	},
};
