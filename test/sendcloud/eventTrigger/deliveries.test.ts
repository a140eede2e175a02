import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { eventsOf, eventTrigger } from './eventTriggerKit';

const sandbox = useSandbox();
const events = () => eventsOf(sandbox);
let trigger: Awaited<ReturnType<typeof eventTrigger>> | undefined;

afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

async function activated(parameters = {}) {
	trigger = await eventTrigger(parameters);
	await trigger.activate();
	const [connection] = events().connections();
	return {
		trigger,
		connectionId: connection.id,
		token: (connection.configuration.auth_config as { token: string }).token,
	};
}

const delivered = {
	phase: 'delivered',
	description: 'Parcel has been delivered',
	end_of_tracking: true,
};

describe('deliveries', () => {
	test('an authenticated delivery starts one execution with the event as Sendcloud sent it', async () => {
		const { connectionId, token } = await activated();
		const payload = events().samplePayload({ event: delivered });
		const sent = await events().send(connectionId, payload);
		expect(sent.status).toBe(200);
		expect(trigger!.executions).toEqual([[payload]]);
		expect(JSON.stringify(trigger!.executions)).not.toContain(token);
	});

	test.each([
		['a wrong token', { auth: 'wrong-token' as const }],
		['no Authorization header', { auth: 'missing' as const }],
		['the token as Basic credentials', { auth: 'basic' as const }],
	])('%s: 401, no execution, and the answer says nothing more', async (_name, options) => {
		const { connectionId, token } = await activated();
		const sent = await events().send(connectionId, events().samplePayload(), options);
		expect(sent.status).toBe(401);
		expect(JSON.parse(String((sent as unknown as { response: string }).response))).toEqual({
			message: 'Unauthorized',
		});
		expect(trigger!.executions).toEqual([]);
		expect(trigger!.calls).toEqual([{ mode: 'trigger', status: 401, started: false }]);
		expect(JSON.stringify(trigger!.calls)).not.toContain(token);
	});

	test('after deactivation the old token opens nothing', async () => {
		const { connectionId } = await activated();
		const first = await events().send(connectionId, events().samplePayload());
		await trigger!.deactivate();
		await events().replay(first);
		expect(trigger!.calls.map((c) => c.status)).toEqual([200, 401]);
		expect(trigger!.executions).toHaveLength(1);
	});

	test('a body that is not a parcel event: 400 or 200 without an execution', async () => {
		const { connectionId } = await activated();
		const notJson = await events().send(connectionId, events().samplePayload(), {
			tamper: () => 'not json',
		});
		const otherType = await events().send(connectionId, events().samplePayload(), {
			tamper: (body) => body.replace('parcels.event.created', 'returns.event.created'),
		});
		const noData = await events().send(connectionId, events().samplePayload(), {
			tamper: () => JSON.stringify({ event_type: 'parcels.event.created', data: {} }),
		});
		expect([notJson.status, otherType.status, noData.status]).toEqual([400, 200, 400]);
		expect(trigger!.executions).toEqual([]);
	});

	test('a repeat of the same event (a retry, a replay, the same event re-serialised) starts nothing', async () => {
		const { connectionId } = await activated();
		const payload = events().samplePayload({ event: delivered });
		const first = await events().send(connectionId, payload);
		await events().replay(first);
		// Same event, keys in another order: the same event to the trigger.
		const { data, event_type } = payload as { data: object; event_type: string };
		await events().send(connectionId, { data, event_type });
		// A later event of the same parcel is news.
		await events().send(
			connectionId,
			events().samplePayload({ event: { ...delivered, timestamp: '2026-01-16T14:23:00Z' } }),
		);
		expect(trigger!.calls.map((c) => c.status)).toEqual([200, 200, 200, 200]);
		expect(trigger!.executions).toHaveLength(2);
		expect(trigger!.calls.map((c) => c.started)).toEqual([true, false, false, true]);
	});

	test('the events remembered are bounded: the oldest is forgotten first', async () => {
		const { connectionId } = await activated();
		const payloadAt = (n: number) => events().samplePayload({ parcel: { parcel_id: 1000 + n } });
		for (let n = 0; n < 1001; n++) await events().send(connectionId, payloadAt(n));
		expect(trigger!.executions).toHaveLength(1001);
		await events().send(connectionId, payloadAt(1000)); // still remembered
		await events().send(connectionId, payloadAt(0)); // forgotten: starts a run again
		expect(trigger!.calls.slice(-2).map((c) => c.started)).toEqual([false, true]);
	});
});

describe('filters', () => {
	test('only events whose phase, exception, status type and source are chosen start a run; others answer 200', async () => {
		const { connectionId } = await activated({
			phases: ['delivered', 'attempted'],
			statusTypes: ['success', 'warning'],
			eventSources: ['carrier'],
		});
		const send = (event: IDataObject) =>
			events().send(connectionId, events().samplePayload({ event }));
		await send({ phase: 'in_transit' });
		await send({ phase: 'delivered', status_type: 'error', timestamp: '2026-01-16T10:00:00Z' });
		await send({ phase: 'delivered', event_type: 'internal', timestamp: '2026-01-16T11:00:00Z' });
		await send({ phase: 'delivered', timestamp: '2026-01-16T12:00:00Z' });
		await send({ phase: 'attempted', status_type: 'warning', timestamp: '2026-01-16T13:00:00Z' });
		expect(trigger!.calls.map((c) => [c.status, c.started])).toEqual([
			[200, false],
			[200, false],
			[200, false],
			[200, true],
			[200, true],
		]);
		expect(
			trigger!.executions.map(([e]) => (e.data as { event: { phase: string } }).event.phase),
		).toEqual(['delivered', 'attempted']);
	});

	test('exceptions: an exception filter keeps the parcels that leave the expected path', async () => {
		const { connectionId } = await activated({ exceptions: ['delivery_delay', 'refused'] });
		await events().send(connectionId, events().samplePayload());
		await events().send(
			connectionId,
			events().samplePayload({ event: { exception: 'refused', status_type: 'error' } }),
		);
		expect(trigger!.calls.map((c) => c.started)).toEqual([false, true]);
	});
});

describe('Listen for Test Event', () => {
	test('registering the test URL asks Sendcloud for a test event; it arrives, starts a run, whatever the filters', async () => {
		trigger = await eventTrigger({ phases: ['delivered'] });
		await trigger.activate('manual');
		const [connection] = events().connections();
		expect(connection.configuration.url).toBe(trigger.hookUrl('manual'));
		// Sendcloud delivers it before answering the broadcast: it has arrived when registration returns.
		await events().settled();
		const [test] = events().deliveries.filter((d) => d.kind === 'test');
		expect(test).toMatchObject({ status: 200, url: trigger.hookUrl('manual') });
		expect(trigger.calls).toEqual([{ mode: 'manual', status: 200, started: true }]);
		expect(trigger.executions[0][0]).toMatchObject({ event_type: 'parcels.event.created' });
		await trigger.deactivate('manual');
		expect(events().connections()).toEqual([]);
	});

	test('the test URL and the production URL have connections of their own', async () => {
		trigger = await eventTrigger({ options: { sendTestEvent: false } });
		await trigger.activate('trigger');
		await trigger.activate('manual');
		expect(
			events()
				.connections()
				.map((c) => c.configuration.url),
		).toEqual([trigger.hookUrl('trigger'), trigger.hookUrl('manual')]);
		await trigger.deactivate('manual');
		expect(
			events()
				.connections()
				.map((c) => c.configuration.url),
		).toEqual([trigger.hookUrl('trigger')]);
		expect(events().deliveries).toEqual([]);
	});

	test('the test URL’s token opens only the test URL, and only while listening', async () => {
		trigger = await eventTrigger({ options: { sendTestEvent: false } });
		await trigger.activate('trigger');
		await trigger.activate('manual');
		const test = events()
			.connections()
			.find((c) => c.configuration.url === trigger!.hookUrl('manual'))!;
		const toProduction = await events().send(test.id, events().samplePayload(), {
			url: trigger.hookUrl('trigger'),
		});
		const toTest = await events().send(test.id, events().samplePayload());
		await trigger.deactivate('manual');
		const afterListening = await events().replay(toTest);
		expect([toProduction.status, toTest.status, afterListening.status]).toEqual([401, 200, 401]);
		expect(trigger.executions).toHaveLength(1);
	});
});
