import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseIntegrationId } from '../helpers/fields';
import { sendcloudApiRequest } from '../transport';
import { sameNodeWebhook, triggerWebhookIdOf } from './holders';

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
	const integration = await sendcloudApiRequest.call(ctx, 'GET', integrationPath(ctx));
	return {
		webhook_url: (integration.webhook_url as string | null) || null,
		webhook_active: integration.webhook_active === true,
	};
}

async function applySettings(
	ctx: IHookFunctions,
	settings: Partial<WebhookSettings>,
): Promise<void> {
	await sendcloudApiRequest.call(ctx, 'PATCH', integrationPath(ctx), { body: settings });
}

function registrationsOf(ctx: IHookFunctions): Registrations {
	const staticData = ctx.getWorkflowStaticData('node');
	staticData.registrations ??= {};
	return staticData.registrations as Registrations;
}

/**
 * What a URL deactivated while its test/production twin held the integration had to put back, for the twin to put
 * back in its stead. Process memory is enough: n8n's test webhooks live in one process and end with it.
 */
const handedOver = new Map<string, WebhookSettings>();

/**
 * The key Sendcloud signs this integration's webhooks with: the credential's Webhook Signature Key, else the one
 * version 1 of the node kept in its options (workflows built then keep working), else the API key's secret key.
 * OAuth2 credentials hold no secret key of their own.
 */
export async function signingKeyOf(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<string | undefined> {
	const oAuth2 = ctx.getNodeParameter('authentication', 'apiKey') !== 'apiKey';
	const credentials = await ctx.getCredentials(oAuth2 ? 'sendcloudOAuth2Api' : 'sendcloudApi');
	const fromCredential = String(credentials.webhookSignatureKey ?? '').trim();
	if (fromCredential) return fromCredential;
	const fromNode = String(ctx.getNodeParameter('options.webhookSignatureKey', '') ?? '').trim();
	if (fromNode) return fromNode;
	return oAuth2 ? undefined : String(credentials.secretKey ?? '').trim() || undefined;
}

export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const { webhook_url: url, webhook_active: active } = await currentSettings(this);
	return active && url === this.getNodeWebhookUrl('default');
}

/**
 * Points the integration's webhooks at this node, after remembering what was there. Another workflow's Sendcloud
 * Webhook Trigger is never replaced: that workflow alone knows what to put back, and nothing but the integration is
 * shared between workflows, so taking over would lose the original URL in some order of deactivations. Any other
 * active URL is replaced only when the user says so; a switched-off one receives nothing, so taking it over silences
 * no one (it is put back).
 */
export async function registerWebhook(this: IHookFunctions): Promise<boolean> {
	const ours = this.getNodeWebhookUrl('default') as string;
	if (!(await signingKeyOf(this))) {
		throw new NodeOperationError(
			this.getNode(),
			'No key to verify Sendcloud’s webhook signatures with',
			{
				description:
					'With OAuth2, enter the integration’s Webhook Signature Key (Sendcloud panel → the integration’s settings) in the Sendcloud OAuth2 API credential. With an API key, the credential’s secret key is used unless its Webhook Signature Key is set.',
			},
		);
	}
	const current = await currentSettings(this);
	const holder =
		current.webhook_active &&
		current.webhook_url !== null &&
		!sameNodeWebhook(current.webhook_url, ours)
			? current.webhook_url
			: undefined;
	const otherTrigger = holder === undefined ? undefined : triggerWebhookIdOf(holder);
	if (otherTrigger !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Another n8n workflow receives this integration’s webhooks: the Sendcloud Webhook Trigger with webhook ID ${otherTrigger}`,
			{
				description: `Its URL is ${holder}. Only one workflow at a time can receive an integration’s webhooks: deactivate that workflow first (it puts back what the integration had before it), then activate this one. If that workflow no longer exists, switch the integration’s webhook off in Sendcloud; a switched-off URL is taken over.`,
			},
		);
	}
	if (
		holder !== undefined &&
		!(this.getNodeParameter('options.replaceExistingWebhook', false) as boolean)
	) {
		throw new NodeOperationError(
			this.getNode(),
			`The integration already sends its webhooks to ${holder}`,
			{
				description:
					'n8n leaves another receiver’s webhooks alone. Turn on Options → Replace Existing Webhook to send them here instead; n8n puts the current URL back when this workflow is deactivated.',
			},
		);
	}
	const registrations = registrationsOf(this);
	// Our own URL found again (a deactivation that failed, then a new activation): what it found first still stands.
	if (!(current.webhook_url === ours && registrations[ours])) registrations[ours] = current;
	await applySettings(this, { webhook_url: ours, webhook_active: true });
	return true;
}

/**
 * Puts back what registration found, unless the integration was pointed elsewhere since. The API cannot clear a
 * URL (an update's `webhook_url` must be a non-empty URL), so an integration that had none keeps n8n's, switched
 * off. What to put back is forgotten only once it is back: n8n may keep static data changed by a failed
 * deactivation, and the next one must still know.
 */
export async function unregisterWebhook(this: IHookFunctions): Promise<boolean> {
	const ours = this.getNodeWebhookUrl('default') as string;
	const registrations = registrationsOf(this);
	const previous = handedOver.get(ours) ??
		registrations[ours] ?? { webhook_url: null, webhook_active: false };
	const current = await currentSettings(this);
	if (current.webhook_url === ours) {
		await applySettings(this, previous.webhook_url === null ? { webhook_active: false } : previous);
	} else if (
		current.webhook_url !== null &&
		current.webhook_active &&
		sameNodeWebhook(current.webhook_url, ours)
	) {
		// The twin registered over us and would put our URL back, now dead: it puts back what we found instead.
		handedOver.set(current.webhook_url, previous);
	}
	handedOver.delete(ours);
	delete registrations[ours];
	return true;
}
