import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listFromSendcloud } from '../transport';
import {
	integrationIdLocator,
	integrationIdOf,
	parseJsonText,
	returnAllAndLimit,
} from '../helpers/fields';
import { viaTransport } from '../../shared/transport';

const showFor = (operation: string[], extra: Record<string, unknown[]> = {}) => ({
	show: { resource: ['integrationLog'], operation, ...extra },
});

/** Logs of every integration, or of the one chosen. */
async function setLogsPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const scope = this.getNodeParameter('scope', 'all') as string;
	requestOptions.url =
		scope === 'integration'
			? `/integrations/${integrationIdOf.call(this)}/logs`
			: '/integrations/logs';
	return requestOptions;
}

async function prepareLogEntry(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const integrationId = integrationIdOf.call(this);
	const body = (requestOptions.body ?? {}) as Record<string, unknown>;
	body.integration_id = integrationId;
	for (const [field, label] of [
		['request', 'Request'],
		['response', 'Response'],
	]) {
		const parsed = parseJsonText(this.getNode(), label, body[field], this.getItemIndex());
		if (parsed === undefined) delete body[field];
		else body[field] = parsed;
	}
	try {
		new URL(String(body.base_url));
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			`Base URL "${String(body.base_url)}" is not a URL`,
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	requestOptions.body = body;
	return requestOptions;
}

export const integrationLogOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integrationLog'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an integration exception log',
				description:
					'Record a problem with the shop, shown in the integration’s connection issue log',
				routing: viaTransport({
					request: {
						method: 'POST',
						url: '=/integrations/{{ String($parameter.integrationId).trim() }}/logs',
					},
					send: { preSend: [prepareLogEntry] },
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many integration exception logs',
				description: 'Retrieve exception logs of many integrations or of one',
				routing: viaTransport({
					request: { method: 'GET', url: '/integrations/logs' },
					send: { preSend: [setLogsPath] },
					operations: { pagination: listFromSendcloud },
				}),
			},
		],
	},
];

export const integrationLogFields: INodeProperties[] = [
	{
		displayName: 'Logs Of',
		name: 'scope',
		type: 'options',
		default: 'all',
		displayOptions: showFor(['getAll']),
		options: [
			{ name: 'All Integrations', value: 'all' },
			{ name: 'One Integration', value: 'integration' },
		],
	},
	integrationIdLocator(showFor(['getAll'], { scope: ['integration'] })),
	integrationIdLocator(showFor(['create']), 'Integration the log entry belongs to'),
	...returnAllAndLimit(showFor(['getAll'])),
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://shop.example.com',
		description: 'Base URL of the shop the failed request went to',
		displayOptions: showFor(['create']),
		routing: { send: { type: 'body', property: 'base_url' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(['create']),
		options: [
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description: 'When the problem happened; Sendcloud uses the current time when empty',
				routing: {
					send: {
						type: 'body',
						property: 'created_at',
						value: '={{ $value ? new Date($value).toISOString() : undefined }}',
					},
				},
			},
			{
				displayName: 'Exception',
				name: 'exception',
				type: 'string',
				default: '',
				description: 'Human-readable description of what went wrong',
				routing: { send: { type: 'body', property: 'exception' } },
			},
			{
				displayName: 'Exception Type',
				name: 'exceptionType',
				type: 'string',
				default: '',
				placeholder: 'e.g. requests.exceptions.SSLError',
				routing: { send: { type: 'body', property: 'exception_type' } },
			},
			{
				displayName: 'Full URL',
				name: 'fullUrl',
				type: 'string',
				default: '',
				description: 'Full URL of the resource where the error happened',
				routing: { send: { type: 'body', property: 'full_url' } },
			},
			{
				displayName: 'HTTP Method',
				name: 'method',
				type: 'options',
				default: 'GET',
				options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
				routing: { send: { type: 'body', property: 'method' } },
			},
			{
				displayName: 'Request (JSON)',
				name: 'request',
				type: 'json',
				default: '',
				description: 'The request that failed: {"headers": {…}, "payload": {…}}',
				routing: { send: { type: 'body', property: 'request' } },
			},
			{
				displayName: 'Response (JSON)',
				name: 'response',
				type: 'json',
				default: '',
				description: 'The answer that came back: {"headers": {…}, "body": "…"}',
				routing: { send: { type: 'body', property: 'response' } },
			},
			{
				displayName: 'Response Code',
				name: 'responseCode',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'HTTP status code the shop answered with',
				routing: { send: { type: 'body', property: 'response_code' } },
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1 },
				description: 'Sendcloud user the log belongs to, if your integration knows it',
				routing: { send: { type: 'body', property: 'user_id' } },
			},
		],
	},
];
