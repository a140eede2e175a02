/**
 * Fault matrix (kit.ts) of the triggers (Sendcloud, Sendcloud Webhook, DataFast) and the list search of
 * integrations that the Sendcloud node and both Sendcloud triggers share.
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch, TriggerRunner, WebhookTriggerRunner } from '../../helpers/engine';
import { arrive } from '../../helpers/shipments';
import type { DataFastStates } from '../../dataFast/trigger/triggerKit';
import { faultMatrix, type Row } from './kit';
import { rl, settled, integration } from './rows';

const AFTER_SEED = Date.parse('2026-11-20T12:30:00Z');

/** A webhook trigger on integration 101; `before` runs unarmed, `action` armed; the outcome is the integration's settings. */
function webhookRegistration(
	name: string,
	target: IDataObject,
	before: (runner: WebhookTriggerRunner) => Promise<void>,
	action: (runner: WebhookTriggerRunner) => Promise<void>,
): Row {
	return {
		name,
		target,
		run: async (cell) => {
			const runner = new WebhookTriggerRunner(
				cell.node('sendcloudWebhookTrigger', {
					integrationId: rl(101),
					events: ['parcel_status_changed'],
					options: {},
				}),
			);
			await runner.listen();
			try {
				await before(runner);
				cell.arm();
				const unit = await settled(async () => {
					await action(runner);
					const { webhook_url, webhook_active } = integration(cell.sandbox)!;
					return {
						webhook_url: webhook_url === runner.url('trigger') ? "this node's URL" : webhook_url,
						webhook_active,
					};
				});
				return { units: [unit] };
			} finally {
				await runner.close();
			}
		},
	};
}

const TRIGGER_ROWS: Row[] = [
	{
		name: 'Sendcloud Trigger · New Order (a poll, then the next)',
		target: { method: 'GET', path: '^/integrations/101/shipments$' },
		run: async (cell) => {
			const runner = new TriggerRunner(
				cell.node('sendcloudTrigger', { event: 'newShipment', integrationId: rl(101) }),
			);
			await runner.poll();
			const arrived = [1, 2, 3].map((minutes) =>
				String(arrive(cell.sandbox, AFTER_SEED + minutes * 60_000).shipment_uuid),
			);
			const names = (orders: IDataObject[] | null) =>
				(orders ?? []).map((order) => `order ${arrived.indexOf(String(order.shipment_uuid)) + 1}`);
			cell.arm();
			const faulted = await settled(async () => names(await runner.poll()));
			// A failed poll must leave its position, so that the next one fires what it missed.
			const next = names(await runner.poll());
			const fired = [...('view' in faulted ? (faulted.view as string[]) : []), ...next];
			const unit = 'view' in faulted ? { view: fired } : faulted;
			if (new Set(fired).size < fired.length)
				return {
					units: [unit],
					broken: { verdict: 'DUPLICATED', why: `fired ${fired.join(', ')}` },
				};
			if (fired.length !== arrived.length || fired.includes('order 0'))
				return {
					units: [unit],
					broken: { verdict: 'LOST', why: `fired ${fired.join(', ') || 'nothing'}` },
				};
			return { units: [unit] };
		},
	},
	{
		name: 'Sendcloud Trigger · Integration Failing (a poll, then the next)',
		target: { method: 'GET', path: '^/integrations/101$' },
		run: async (cell) => {
			const runner = new TriggerRunner(
				cell.node('sendcloudTrigger', { event: 'integrationFailing', integrationId: rl(101) }),
			);
			await runner.poll();
			integration(cell.sandbox)!.failing_since = '2026-11-20T12:40:00Z';
			cell.arm();
			const faulted = await settled(async () => (await runner.poll()) ?? []);
			const fired = [
				...('view' in faulted ? (faulted.view as IDataObject[]) : []),
				...((await runner.poll()) ?? []),
			];
			const unit = 'view' in faulted ? { view: fired } : faulted;
			if (fired.length !== 1)
				return {
					units: [unit],
					broken: {
						verdict: fired.length ? 'DUPLICATED' : 'LOST',
						why: `fired ${fired.length} times`,
					},
				};
			return { units: [unit] };
		},
	},
	{
		name: 'DataFast Trigger · Payment Provider Disconnected (a poll, then the next)',
		target: { method: 'GET', path: '^/datafast/api/v1/admin/websites/[^/]+/integrations$' },
		run: async (cell) => {
			const website = '66f1c0ffee0123456789abcd';
			const runner = new TriggerRunner(
				cell.node('dataFastTrigger', { event: 'providerDisconnected', websiteId: website }),
			);
			await runner.poll();
			(cell.sandbox as unknown as { dataFast: DataFastStates }).dataFast.setConnected(
				website,
				'stripe',
				false,
			);
			cell.arm();
			const faulted = await settled(async () => (await runner.poll()) ?? []);
			// A failed poll must leave the state, so that the next one fires the disconnect it missed.
			const fired = [
				...('view' in faulted ? (faulted.view as IDataObject[]) : []),
				...((await runner.poll()) ?? []),
			].map((event) => `${event.event} ${event.provider}`);
			const unit = 'view' in faulted ? { view: fired } : faulted;
			if (fired.length !== 1 || fired[0] !== 'disconnected stripe')
				return {
					units: [unit],
					broken: {
						verdict: fired.length > 1 ? 'DUPLICATED' : 'LOST',
						why: `fired ${fired.join(', ') || 'nothing'}`,
					},
				};
			return { units: [unit] };
		},
	},
	webhookRegistration(
		'Sendcloud Webhook Trigger · activation: checkExists (GET)',
		{ method: 'GET', path: '^/integrations/101$' },
		async () => {},
		(runner) => runner.activate(),
	),
	webhookRegistration(
		'Sendcloud Webhook Trigger · activation: create (PATCH)',
		{ method: 'PATCH', path: '^/integrations/101$' },
		async () => {},
		(runner) => runner.activate(),
	),
	webhookRegistration(
		'Sendcloud Webhook Trigger · deactivation: delete (GET)',
		{ method: 'GET', path: '^/integrations/101$' },
		(runner) => runner.activate(),
		(runner) => runner.deactivate(),
	),
	webhookRegistration(
		'Sendcloud Webhook Trigger · deactivation: restore (PATCH)',
		{ method: 'PATCH', path: '^/integrations/101$' },
		(runner) => runner.activate(),
		(runner) => runner.deactivate(),
	),
	{
		name: 'Sendcloud (and both triggers) · list search: integrations',
		target: { method: 'GET', path: '^/integrations$' },
		run: async (cell) => {
			cell.arm();
			return {
				units: [
					await settled(
						async () =>
							await listSearch(
								cell.node('sendcloud', { resource: 'integration', operation: 'get' }),
								'searchIntegrations',
							),
					),
				],
			};
		},
	},
];

faultMatrix('triggers', TRIGGER_ROWS);
