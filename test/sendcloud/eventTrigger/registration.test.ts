import { useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';
import { eventCalls, eventsOf, eventTrigger } from './eventTriggerKit';

const sandbox = useSandbox();
const events = () => eventsOf(sandbox);
let trigger: Awaited<ReturnType<typeof eventTrigger>> | undefined;

afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

const integrationSettings = () =>
	sandbox.state.integrations.map(({ id, webhook_url, webhook_active }) => ({
		id,
		webhook_url,
		webhook_active,
	}));

describe('registration', () => {
	test('activation creates a tagged bearer connection to n8n and a parcel-event subscription; deactivation deletes both', async () => {
		const before = integrationSettings();
		trigger = await eventTrigger();
		await trigger.activate();
		const [connection] = events().connections();
		expect(connection).toMatchObject({
			type: 'webhook',
			configuration: {
				url: trigger.hookUrl(),
				auth_type: 'bearer',
				auth_config: { token: expect.stringMatching(/^[\w-]{43}$/) },
				extra_headers: {
					'X-N8n-Trigger': `n8n:${trigger.node.webhookId}`,
					'X-N8n-Workflow': 'webhook-workflow',
				},
			},
		});
		expect(events().subscriptions()).toEqual([
			expect.objectContaining({
				connection_id: connection.id,
				event_type: 'parcels.event.created',
				is_active: true,
			}),
		]);
		expect(eventCalls(sandbox)).toEqual([
			'GET /connections?connection_type=webhook',
			'POST /connections',
			'POST /subscriptions',
		]);

		await trigger.activate(); // n8n checks on every start: found, nothing created
		expect(eventCalls(sandbox).slice(3)).toEqual([
			`GET /connections/${connection.id}`,
			`GET /subscriptions/${events().subscriptions()[0].id}`,
		]);
		expect(events().connections()).toHaveLength(1);

		await trigger.deactivate();
		expect(events().connections()).toEqual([]);
		expect(events().subscriptions()).toEqual([]);
		expect(eventCalls(sandbox).slice(5)).toEqual([
			'DELETE /subscriptions/1',
			'DELETE /connections/1',
			'GET /connections?connection_type=webhook',
		]);
		// The shop's integrations keep their webhook settings: nothing of v2 was even asked for.
		expect(integrationSettings()).toEqual(before);
		expect(sandbox.requests.filter((r) => r.path.startsWith('/api/v2'))).toEqual([]);
	});

	test('leftovers of this trigger for the same URL are removed on activation; others’ connections are left alone', async () => {
		trigger = await eventTrigger();
		const url = trigger.hookUrl();
		const tag = `n8n:${trigger.node.webhookId}`;
		const create = (configuration: Record<string, unknown>) =>
			fetch(`${sandbox.sendcloudV3BaseUrl}/event-subscriptions/connections`, {
				method: 'POST',
				headers: {
					Authorization: `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ type: 'webhook', configuration }),
			}).then(async (r) => ((await r.json()) as { data: { id: number } }).data.id);
		const subscribe = (connectionId: number) =>
			fetch(`${sandbox.sendcloudV3BaseUrl}/event-subscriptions/subscriptions`, {
				method: 'POST',
				headers: {
					Authorization: `Basic ${Buffer.from('pk_sandbox:sk_sandbox').toString('base64')}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ connection_id: connectionId, event_type: 'parcels.event.created' }),
			});
		const bearer = { auth_type: 'bearer', auth_config: { token: 'lost-token' } };
		// A crashed n8n's connection (ours), someone's own connection to the same URL, another node's connection.
		const stale = await create({ url, ...bearer, extra_headers: { 'X-N8n-Trigger': tag } });
		const someones = await create({ url, ...bearer });
		const otherNode = await create({
			url: url.replace(String(trigger.node.webhookId), 'e7e00000-0000-4000-8000-999999999999'),
			...bearer,
			extra_headers: { 'X-N8n-Trigger': 'n8n:e7e00000-0000-4000-8000-999999999999' },
		});
		const elsewhere = await create({ url: 'https://shop.example.com/hooks', auth_type: 'none' });
		for (const id of [stale, someones, otherNode, elsewhere]) await subscribe(id);
		sandbox.requests.length = 0;

		await trigger.activate();
		const ids = events()
			.connections()
			.map((c) => c.id);
		expect(ids).not.toContain(stale);
		expect(ids).toEqual(expect.arrayContaining([someones, otherNode, elsewhere]));
		expect(ids).toHaveLength(4);
		expect(
			events()
				.subscriptions()
				.map((s) => s.connection_id),
		).toEqual(expect.arrayContaining([someones, otherNode, elsewhere]));
		expect(events().subscriptions()).toHaveLength(4);
		expect(eventCalls(sandbox).slice(0, 4)).toEqual([
			'GET /connections?connection_type=webhook',
			'GET /subscriptions?event_type=parcels.event.created',
			'DELETE /subscriptions/1',
			`DELETE /connections/${stale}`,
		]);

		await trigger.deactivate();
		expect(
			events()
				.connections()
				.map((c) => c.id),
		).toEqual([someones, otherNode, elsewhere]);
	});

	test('a subscription deleted or paused in Sendcloud is registered again on the next start', async () => {
		trigger = await eventTrigger();
		await trigger.activate();
		events().subscriptions()[0].is_active = false;
		await trigger.activate();
		expect(events().connections()).toHaveLength(1);
		expect(events().subscriptions()).toEqual([
			expect.objectContaining({ is_active: true, connection_id: events().connections()[0].id }),
		]);
	});

	test('without the beta, activation fails with a hint and leaves nothing behind', async () => {
		sandbox.injectFaults({ kind: '404', method: 'GET', path: 'event-subscriptions/connections' });
		trigger = await eventTrigger();
		await expect(trigger.activate()).rejects.toMatchObject({
			description: expect.stringContaining('Event Subscriptions API is a beta'),
		});
		expect(events().connections()).toEqual([]);
	});

	test('a parcel that moves reaches the trigger; the shop integration’s webhook settings stay as they were', async () => {
		const before = integrationSettings();
		trigger = await eventTrigger({ options: { simplify: true } });
		await trigger.activate();
		const [shipment] = sandbox.v3.seedShipments([apiShipment('moving-1')]);
		await events().settled();
		sandbox.v3.advanceParcels({ shipmentId: String(shipment.id) });
		sandbox.v3.advanceParcels({ shipmentId: String(shipment.id) });
		await events().settled();
		expect(trigger.executions.map(([item]) => item.phase)).toEqual([
			'ready_to_send',
			'in_transit',
			'delivered',
		]);
		expect(trigger.executions[2][0]).toMatchObject({
			parcel_id: (shipment.parcels as Array<{ id: number }>)[0].id,
			carrier_code: 'postnl',
			status_type: 'success',
			end_of_tracking: true,
			event_source: 'carrier',
		});
		expect(integrationSettings()).toEqual(before);
	});
});
