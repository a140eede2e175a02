/** Registration when Sendcloud's answers go wrong: nothing bought twice here, but nothing left behind either. */
import { useSandbox } from '../../helpers/sandbox';
import { eventCalls, eventsOf, eventTrigger } from './eventTriggerKit';

const sandbox = useSandbox();
const events = () => eventsOf(sandbox);
let trigger: Awaited<ReturnType<typeof eventTrigger>> | undefined;

afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

test('a lost answer to the connection create is not repeated blindly; the next activation removes what it left', async () => {
	sandbox.injectFaults({
		kind: 'applied-then-reset',
		method: 'POST',
		path: '/event-subscriptions/connections$',
	});
	trigger = await eventTrigger();
	await expect(trigger.activate()).rejects.toThrow();
	// Created once, never sent again: the node does not know its token, so the connection is useless.
	expect(eventCalls(sandbox).filter((c) => c === 'POST /connections')).toHaveLength(1);
	expect(events().connections()).toHaveLength(1);
	const lost = events().connections()[0].id;

	await trigger.activate(); // n8n retries activating the workflow
	expect(
		events()
			.connections()
			.map((c) => c.id),
	).not.toContain(lost);
	expect(events().connections()).toHaveLength(1);
	expect(events().subscriptions()).toHaveLength(1);
});

test('a subscription create that fails leaves the connection known: deactivation removes it', async () => {
	sandbox.injectFaults({
		kind: '500',
		method: 'POST',
		path: '/event-subscriptions/subscriptions$',
	});
	trigger = await eventTrigger();
	await expect(trigger.activate()).rejects.toThrow();
	expect(events().connections()).toHaveLength(1);
	await trigger.deactivate();
	expect(events().connections()).toEqual([]);
});

test.each([
	['429', { kind: '429', retryAfter: 1 }],
	['503', { kind: '503' }],
	['a reset', { kind: 'reset' }],
])('reads and deletes are repeated after %s', async (_name, fault) => {
	trigger = await eventTrigger();
	sandbox.injectFaults({ ...fault, method: 'GET', path: '/event-subscriptions/connections$' });
	await trigger.activate();
	expect(events().connections()).toHaveLength(1);
	sandbox.injectFaults({ ...fault, method: 'DELETE', path: '/event-subscriptions/connections/' });
	await trigger.deactivate();
	expect(events().connections()).toEqual([]);
	expect(sandbox.pendingFaults()).toEqual([]);
});

test('a delete whose answer was lost counts as done on the repeat (404)', async () => {
	trigger = await eventTrigger();
	await trigger.activate();
	sandbox.injectFaults({
		kind: 'applied-then-reset',
		method: 'DELETE',
		path: '/event-subscriptions/subscriptions/',
	});
	await trigger.deactivate();
	expect(events().subscriptions()).toEqual([]);
	expect(events().connections()).toEqual([]);
});
