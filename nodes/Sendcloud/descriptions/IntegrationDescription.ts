import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	INTEGRATION_PATH,
	integrationIdLocator,
	returnAllAndLimit,
	validateIntegrationId,
} from '../helpers/fields';
import { viaTransport } from '../../shared/transport';

const showFor = (operation: string[]) => ({ show: { resource: ['integration'], operation } });

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/**
 * Checks what the API documents before anything is sent: URLs are URLs, and service points need
 * at least one carrier (a rule the spec states only in prose).
 */
export async function validateIntegrationBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await validateIntegrationId.call(this, requestOptions);
	const body = (requestOptions.body ?? {}) as Record<string, unknown>;
	const problems: string[] = [];
	for (const field of ['shop_url', 'webhook_url']) {
		if (body[field] !== undefined && !isHttpUrl(body[field])) {
			problems.push(`${field} must be a full http(s) URL, got "${String(body[field])}"`);
		}
	}
	if (
		typeof body.shop_name === 'string' &&
		(body.shop_name.length < 1 || body.shop_name.length > 250)
	) {
		problems.push('shop_name must be 1 to 250 characters');
	}
	const carriers = body.service_point_carriers;
	if (body.service_point_enabled === true && Array.isArray(carriers) && carriers.length === 0) {
		problems.push('service points are enabled, so at least one service point carrier is needed');
	}
	if (body.webhook_active === true && requestOptions.method === 'PUT' && !body.webhook_url) {
		problems.push('the webhook is active, so a webhook URL is needed');
	}
	if (problems.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid integration settings: ${problems.join('; ')}`,
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return requestOptions;
}

/** Carriers are typed as a comma-separated list in the UI and sent as an array. */
const carriersToArray =
	'={{ String($value).split(",").map(c => c.trim().toLowerCase()).filter(c => c) }}';

const settingsFields = (mode: 'update' | 'replace'): INodeProperties[] => [
	{
		displayName: 'Shop Name',
		name: 'shopName',
		type: 'string',
		default: '',
		required: mode === 'replace',
		// The spec marks shop_name read-only, yet its docs and examples change it: we send it.
		description: 'Name of the shop as shown in Sendcloud',
		routing: { send: { type: 'body', property: 'shop_name' } },
	},
	{
		displayName: 'Shop URL',
		name: 'shopUrl',
		type: 'string',
		default: '',
		required: mode === 'replace',
		placeholder: 'https://shop.example.com',
		description: 'URL of the shop the integration connects to',
		routing: { send: { type: 'body', property: 'shop_url' } },
	},
	{
		displayName: 'Service Point Delivery',
		name: 'servicePointEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether customers can choose delivery to a service point',
		routing: { send: { type: 'body', property: 'service_point_enabled' } },
	},
	{
		displayName: 'Service Point Carriers',
		name: 'servicePointCarriers',
		type: 'string',
		default: '',
		placeholder: 'e.g. postnl, dhl',
		description:
			'Comma-separated carrier codes offered in the service point picker. At least one is needed when service point delivery is on.',
		routing: { send: { type: 'body', property: 'service_point_carriers', value: carriersToArray } },
	},
	{
		displayName: 'Webhook Active',
		name: 'webhookActive',
		type: 'boolean',
		default: false,
		description: 'Whether Sendcloud sends parcel updates to the webhook URL',
		routing: { send: { type: 'body', property: 'webhook_active' } },
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/sendcloud/webhook',
		description: 'URL Sendcloud sends parcel updates to',
		routing: { send: { type: 'body', property: 'webhook_url' } },
	},
];

/** PUT replaces every setting; an empty URL cannot be sent (the spec wants a URI), so it is left out. */
function replaceFields(): INodeProperties[] {
	return settingsFields('replace').map((field) => {
		if (field.name !== 'webhookUrl') return { ...field, displayOptions: showFor(['replace']) };
		return {
			...field,
			displayOptions: showFor(['replace']),
			routing: {
				send: {
					type: 'body',
					property: 'webhook_url',
					value: '={{ $value === "" ? undefined : $value }}',
				},
			},
		};
	});
}

export const integrationOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		default: 'getAll',
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an integration',
				description: 'Delete a shop integration from Sendcloud',
				routing: viaTransport({
					request: { method: 'DELETE', url: INTEGRATION_PATH },
					send: { preSend: [validateIntegrationId] },
					output: {
						postReceive: [
							{
								type: 'set',
								properties: {
									value:
										'={{ { "deleted": true, "integration_id": Number(String($parameter.integrationId).trim()) } }}',
								},
							},
						],
					},
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an integration',
				description: 'Retrieve one shop integration',
				routing: viaTransport({
					request: { method: 'GET', url: INTEGRATION_PATH },
					send: { preSend: [validateIntegrationId] },
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many integrations',
				description: 'Retrieve the shop integrations connected to the account',
				routing: viaTransport({ request: { method: 'GET', url: '/integrations' } }),
			},
			{
				name: 'Replace',
				value: 'replace',
				action: 'Replace an integration',
				description: 'Set every setting of an integration (PUT); settings left empty are cleared',
				routing: viaTransport({
					request: { method: 'PUT', url: INTEGRATION_PATH },
					send: { preSend: [validateIntegrationBody] },
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an integration',
				description: 'Change only the settings given (PATCH)',
				routing: viaTransport({
					request: { method: 'PATCH', url: INTEGRATION_PATH },
					send: { preSend: [validateIntegrationBody] },
				}),
			},
		],
	},
];

export const integrationFields: INodeProperties[] = [
	integrationIdLocator(showFor(['get', 'update', 'replace', 'delete'])),
	...returnAllAndLimit(showFor(['getAll'])),
	{
		displayName: 'Sort By',
		name: 'ordering',
		type: 'options',
		default: '',
		displayOptions: showFor(['getAll']),
		description: 'Field the list is ordered by',
		options: [
			{ name: 'API Default', value: '' },
			{ name: 'ID (Ascending)', value: 'id' },
			{ name: 'ID (Descending)', value: '-id' },
			{ name: 'Last Fetch (Newest First)', value: '-last_fetch' },
			{ name: 'Last Fetch (Oldest First)', value: 'last_fetch' },
			{ name: 'Shop Name (A-Z)', value: 'shop_name' },
			{ name: 'Shop Name (Z-A)', value: '-shop_name' },
		],
		routing: {
			send: {
				type: 'query',
				property: 'ordering',
				value: '={{ $value === "" ? undefined : $value }}',
			},
		},
	},
	...replaceFields(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(['update']),
		options: settingsFields('update').map(({ required: _required, ...field }) => field),
	},
];
