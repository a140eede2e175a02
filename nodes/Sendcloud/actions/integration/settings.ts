import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from '../../helpers/fields';

/** An integration's settings as the UI asks for them; `required` where Replace needs them. */
export const settingsFields = (replace: boolean): INodeProperties[] => [
	{
		displayName: 'Shop Name',
		name: 'shopName',
		type: 'string',
		default: '',
		required: replace,
		// The spec marks shop_name read-only, yet its docs and examples change it: we send it.
		description: 'Name of the shop as shown in Sendcloud',
	},
	{
		displayName: 'Shop URL',
		name: 'shopUrl',
		type: 'string',
		default: '',
		required: replace,
		placeholder: 'https://shop.example.com',
		description: 'URL of the shop the integration connects to',
	},
	{
		displayName: 'Service Point Delivery',
		name: 'servicePointEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether customers can choose delivery to a service point',
	},
	{
		displayName: 'Service Point Carriers',
		name: 'servicePointCarriers',
		type: 'string',
		default: '',
		placeholder: 'e.g. postnl, dhl',
		description:
			'Comma-separated carrier codes offered in the service point picker. At least one is needed when service point delivery is on.',
	},
	{
		displayName: 'Webhook Active',
		name: 'webhookActive',
		type: 'boolean',
		default: false,
		description: 'Whether Sendcloud sends parcel updates to the webhook URL',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/sendcloud/webhook',
		description: 'URL Sendcloud sends parcel updates to',
	},
];

/** Field name in the UI → the API's, and how its value is sent. */
type Value = IDataObject[string];
const API_FIELDS: Record<string, [string, (value: Value) => Value]> = {
	shopName: ['shop_name', (value) => value],
	shopUrl: ['shop_url', (value) => value],
	servicePointEnabled: ['service_point_enabled', (value) => value],
	// Typed as comma-separated text in the UI, sent as an array of lower-case codes.
	servicePointCarriers: [
		'service_point_carriers',
		(value) => toList(value).map((carrier) => carrier.toLowerCase()),
	],
	webhookActive: ['webhook_active', (value) => value],
	webhookUrl: ['webhook_url', (value) => value],
};

/** The request body for the settings given, by their UI names. */
export function settingsBody(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(settings)) {
		const field = API_FIELDS[name];
		if (field && value !== undefined) body[field[0]] = field[1](value);
	}
	return body;
}

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
export function checkSettings(
	ctx: IExecuteFunctions,
	body: IDataObject,
	replace: boolean,
	itemIndex: number,
): void {
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
	if (body.webhook_active === true && replace && !body.webhook_url) {
		problems.push('the webhook is active, so a webhook URL is needed');
	}
	if (problems.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid integration settings: ${problems.join('; ')}`,
			{ itemIndex },
		);
	}
}
