import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { integrationIdAt, integrationIdLocator, parseJsonText } from '../../helpers/fields';
import { sendcloudApiRequest } from '../../transport';

/** Additional fields sent as they are, by their name in the API. */
const PLAIN_FIELDS: Record<string, string> = {
	exception: 'exception',
	exceptionType: 'exception_type',
	fullUrl: 'full_url',
	method: 'method',
	responseCode: 'response_code',
	userId: 'user_id',
};

/** Additional fields typed as JSON text, sent as the JSON they hold; labels name them in errors. */
const JSON_FIELDS: Array<[field: string, label: string]> = [
	['request', 'Request'],
	['response', 'Response'],
];

const properties: INodeProperties[] = [
	integrationIdLocator({}, 'Integration the log entry belongs to'),
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://shop.example.com',
		description: 'Base URL of the shop the failed request went to',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description: 'When the problem happened; Sendcloud uses the current time when empty',
			},
			{
				displayName: 'Exception',
				name: 'exception',
				type: 'string',
				default: '',
				description: 'Human-readable description of what went wrong',
			},
			{
				displayName: 'Exception Type',
				name: 'exceptionType',
				type: 'string',
				default: '',
				placeholder: 'e.g. requests.exceptions.SSLError',
			},
			{
				displayName: 'Full URL',
				name: 'fullUrl',
				type: 'string',
				default: '',
				description: 'Full URL of the resource where the error happened',
			},
			{
				displayName: 'HTTP Method',
				name: 'method',
				type: 'options',
				default: 'GET',
				options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
			},
			{
				displayName: 'Request (JSON)',
				name: 'request',
				type: 'json',
				default: '',
				description: 'The request that failed: {"headers": {…}, "payload": {…}}',
			},
			{
				displayName: 'Response (JSON)',
				name: 'response',
				type: 'json',
				default: '',
				description: 'The answer that came back: {"headers": {…}, "body": "…"}',
			},
			{
				displayName: 'Response Code',
				name: 'responseCode',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'HTTP status code the shop answered with',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description: 'Sendcloud user the log belongs to, if your integration knows it',
			},
		],
	},
];

/** The log entry item `itemIndex` describes, checked before anything is sent. */
function logEntry(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = { integration_id: integrationIdAt(ctx, itemIndex) };
	const baseUrl = ctx.getNodeParameter('baseUrl', itemIndex, '');
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const [field, apiName] of Object.entries(PLAIN_FIELDS)) {
		if (fields[field] !== undefined) body[apiName] = fields[field];
	}
	for (const [field, label] of JSON_FIELDS) {
		const parsed = parseJsonText(ctx.getNode(), label, fields[field], itemIndex);
		if (parsed !== undefined) body[field] = parsed as IDataObject;
	}
	try {
		new URL(String(baseUrl));
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Base URL "${String(baseUrl)}" is not a URL`, {
			itemIndex,
		});
	}
	body.base_url = baseUrl as string;
	if (fields.createdAt) body.created_at = isoDate(ctx, fields.createdAt, itemIndex);
	return body;
}

/** The picker's local date and time (or a mapped date) as the instant the API expects. */
function isoDate(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const date = new Date(value as string);
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `Created At "${String(value)}" is not a date`, {
			itemIndex,
			description: 'Give a date and time such as 2026-11-20T10:00:00Z, or leave the field out.',
		});
	}
	return date.toISOString();
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an integration exception log',
		description:
			'Record a problem with a shop (a failed call: URL, method, response code, exception) in the integration’s connection issue log; returns the stored entry. Each run adds an entry.',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['integrationLog'], operation: ['create'] } },
		properties,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const body = logEntry(this, i);
			// Sent once: the profile repeats this POST only after a 429, as a second entry would show twice.
			return await sendcloudApiRequest.call(
				this,
				'POST',
				`/integrations/${String(body.integration_id)}/logs`,
				{ body, itemIndex: i },
			);
		});
	},
};
