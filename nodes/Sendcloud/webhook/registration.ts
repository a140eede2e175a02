import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { parseIntegrationId } from '../descriptions/common';
import { sendcloudProfile } from '../transport';

/** An integration's webhook settings, as `GET`/`PATCH /integrations/{id}` name them. */
interface WebhookSettings {
	webhook_url: string | null;
	webhook_active: boolean;
}

/** What each of this node's webhook URLs (test, production) found and must put back, by URL. */
type Registrations = Record<string, WebhookSettings>;

function integrationPath(ctx: IHookFunctions): string {
	return `/integrations/${parseIntegrationId(ctx.getNode(), ctx.getNodeParameter('integrationId', undefined, { extractValue: true }))}`;
}

async function currentSettings(ctx: IHookFunctions): Promise<WebhookSettings> {
	const integration = await apiRequest.call<IHookFunctions, Parameters<typeof apiRequest>, Promise<IDataObject>>(ctx, sendcloudProfile, {
		method: 'GET',
		url: integrationPath(ctx),
	});
	return { webhook_url: (integration.webhook_url as string | null) || null, webhook_active: integration.webhook_active === true };
}

async function applySettings(ctx: IHookFunctions, settings: Partial<WebhookSettings>): Promise<void> {
	await apiRequest.call(ctx, sendcloudProfile, { method: 'PATCH', url: integrationPath(ctx), body: settings });
}

/** The test and production URLs of one trigger node differ only in n8n's `webhook-test` path segment. */
function sameNodeWebhook(a: string, b: string): boolean {
	const production = (url: string) => url.replace('/webhook-test/', '/webhook/');
	return production(a) === production(b);
}

function registrationsOf(ctx: IHookFunctions): Registrations {
	const staticData = ctx.getWorkflowStaticData('node');
	staticData.registrations ??= {};
	return staticData.registrations as Registrations;
}

/**
 * The key Sendcloud signs this integration's webhooks with: the node's Webhook Signature Key, or
 * the API key credential's secret key. OAuth2 credentials hold no such key.
 */
export async function signingKeyOf(ctx: IHookFunctions | IWebhookFunctions): Promise<string | undefined> {
	const given = String(ctx.getNodeParameter('options.webhookSignatureKey', '') ?? '').trim();
	if (given) return given;
	if (ctx.getNodeParameter('authentication', 'apiKey') !== 'apiKey') return undefined;
	const credentials = await ctx.getCredentials('sendcloudApi');
	return String(credentials.secretKey ?? '').trim() || undefined;
}

export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const { webhook_url: url, webhook_active: active } = await currentSettings(this);
	return active && url === this.getNodeWebhookUrl('default');
}

/**
 * Points the integration's webhooks at this node, after remembering what was there. An active URL
 * that is not this node's own (its test or production twin) is replaced only when the user says
 * so; a switched-off one receives nothing, so taking it over silences no one (it is put back).
 */
export async function registerWebhook(this: IHookFunctions): Promise<boolean> {
	const ours = this.getNodeWebhookUrl('default') as string;
	if (!(await signingKeyOf(this))) {
		throw new NodeOperationError(this.getNode(), 'No key to verify Sendcloud’s webhook signatures with', {
			description:
				'With OAuth2, enter the integration’s Webhook Signature Key (Sendcloud panel → the integration’s settings) under Options → Webhook Signature Key. With an API key, the credential’s secret key is used.',
		});
	}
	const current = await currentSettings(this);
	const foreign = current.webhook_active && current.webhook_url !== null && !sameNodeWebhook(current.webhook_url, ours);
	if (foreign && !(this.getNodeParameter('options.replaceExistingWebhook', false) as boolean)) {
		throw new NodeOperationError(this.getNode(), `The integration already sends its webhooks to ${current.webhook_url}`, {
			description:
				'n8n leaves another receiver’s webhooks alone. Turn on Options → Replace Existing Webhook to send them here instead; n8n puts the current URL back when this workflow is deactivated.',
		});
	}
	registrationsOf(this)[ours] = current;
	await applySettings(this, { webhook_url: ours, webhook_active: true });
	return true;
}

/**
 * Puts back what registration found, unless the integration was pointed elsewhere since. The API
 * cannot clear a URL (an update's `webhook_url` must be a non-empty URL), so an integration that
 * had none keeps n8n's, switched off.
 */
export async function unregisterWebhook(this: IHookFunctions): Promise<boolean> {
	const ours = this.getNodeWebhookUrl('default') as string;
	const registrations = registrationsOf(this);
	const previous = registrations[ours] ?? { webhook_url: null, webhook_active: false };
	delete registrations[ours];
	const current = await currentSettings(this);
	if (current.webhook_url !== ours) return true;
	await applySettings(this, previous.webhook_url === null ? { webhook_active: false } : previous);
	return true;
}
