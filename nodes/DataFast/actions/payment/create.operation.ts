import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { malformedAnswer } from '../../../shared/transport';
import { dataFastWebsiteRequest } from '../../transport';
import { requiredText } from '../../helpers/fields';
import { websiteForRequest, websiteLocator } from '../../helpers/website';

const displayOptions = { show: { resource: ['payment'], operation: ['create'] } };

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a payment',
		description:
			'Record a payment from any provider and attribute its revenue to the visitor. Recorded once per Transaction ID: sending the same ID again changes nothing. Returns the message and the transaction ID.',
	},
	description: [
		websiteLocator(displayOptions),
		...updateDisplayOptions(displayOptions, [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				required: true,
				description: 'The amount in the currency, e.g. 29.99; 0 for a free trial',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: 'USD',
				required: true,
				placeholder: 'e.g. USD',
				description: 'Three-letter currency code such as USD, EUR, GBP',
			},
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. cs_test_a1b2c3',
				description:
					"The payment provider's unique ID of the payment. DataFast records each ID once, so a repeat (a retry, a re-run) never counts the payment twice.",
			},
			{
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				description:
					"The buyer's datafast_visitor_id cookie (e.g. passed through checkout metadata); strongly recommended, it attributes the revenue",
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{
						displayName: 'Customer Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
						description: 'Email address of the customer who paid',
					},
					{
						displayName: 'Customer ID',
						name: 'customer_id',
						type: 'string',
						default: '',
						description: "The customer's ID at the payment provider",
					},
					{
						displayName: 'Customer Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'Name of the customer who paid',
					},
					{
						displayName: 'Free Trial',
						name: 'is_free_trial',
						type: 'boolean',
						default: false,
						description:
							'Whether the payment starts a free trial (DataFast assumes so for an amount of 0)',
					},
					{
						displayName: 'Refunded',
						name: 'refunded',
						type: 'boolean',
						default: false,
						description: 'Whether the payment was refunded',
					},
					{
						displayName: 'Renewal',
						name: 'renewal',
						type: 'boolean',
						default: false,
						description: 'Whether the payment renews a subscription',
					},
					{
						displayName: 'Timestamp',
						name: 'timestamp',
						type: 'dateTime',
						default: '',
						description: 'When the payment happened; empty for now',
					},
				],
			},
		]),
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const amount = Number(this.getNodeParameter('amount', i));
			if (!Number.isFinite(amount) || amount < 0)
				throw new NodeOperationError(this.getNode(), 'The amount must be a number of at least 0', {
					itemIndex: i,
				});
			const currency = requiredText(this, 'currency', 'Currency', i).toUpperCase();
			if (!/^[A-Z]{3}$/.test(currency))
				throw new NodeOperationError(this.getNode(), `"${currency}" is not a currency code`, {
					itemIndex: i,
					description: 'Give a three-letter code such as USD or EUR.',
				});
			const body: IDataObject = {
				amount,
				currency,
				transaction_id: requiredText(this, 'transactionId', 'Transaction ID', i),
			};
			const visitorId = String(this.getNodeParameter('visitorId', i, '') ?? '').trim();
			if (visitorId) body.datafast_visitor_id = visitorId;
			const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			for (const [key, value] of Object.entries(extra)) {
				if (typeof value === 'boolean') body[key] = value;
				else if (String(value ?? '').trim()) body[key] = String(value).trim();
			}
			if (typeof body.timestamp === 'string') {
				const parsed = Date.parse(
					/(Z|[+-]\d{2}:?\d{2})$/.test(body.timestamp) ? body.timestamp : `${body.timestamp}Z`,
				);
				if (Number.isNaN(parsed))
					throw new NodeOperationError(this.getNode(), `"${body.timestamp}" is not a date`, {
						itemIndex: i,
					});
				body.timestamp = new Date(parsed).toISOString();
			}
			const websiteId = await websiteForRequest(this, i);
			// Plain JSON, without DataFast's {status, data} envelope (as documented for this route).
			const answer = await dataFastWebsiteRequest.call(this, 'POST', '/payments', {
				body,
				itemIndex: i,
				websiteId,
			});
			if (typeof answer.transaction_id !== 'string' && answer.status !== 'success')
				throw malformedAnswer(this.getNode(), 'The answer names no transaction_id');
			const data = (
				Array.isArray(answer.data) ? answer.data[0] : (answer.data ?? answer)
			) as IDataObject;
			return { ...data, amount, currency };
		});
	},
};
