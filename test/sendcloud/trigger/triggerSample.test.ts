/**
 * "Fetch Test Event" of the Sendcloud Trigger: a sample whatever the age of the newest order, read
 * on a sandbox whose clock stands months or years after it.
 */
import { makeNode, TriggerRunner } from '../../helpers/engine';
import { apiCalls, CLOCK_START, useSandbox } from '../../helpers/sandbox';
import { arrive, uuids } from '../../helpers/shipments';

const DAY_MS = 24 * 3600_000;
const sandbox = useSandbox();
afterEach(() => sandbox.setClock());

const manualRun = (event: string, integrationId = '101') =>
	new TriggerRunner(
		makeNode('sendcloudTrigger', {
			event,
			integrationId: { __rl: true, mode: 'id', value: integrationId },
		} as never),
	).poll('manual');

const newestSeeded = () =>
	sandbox.state.shipments
		.get(101)!
		.reduce((a, b) => (String(b.created_at) > String(a.created_at) ? b : a));

describe.each([
	['New Order', 'newShipment'],
	['Updated Order', 'updatedShipment'],
])('%s: Fetch Test Event', (_name, event) => {
	test.each([
		['the same week', 0],
		['five months later', 150],
		['two years later', 730],
	])(
		'returns the newest order when the sandbox clock stands %s, with one request',
		async (_when, days) => {
			sandbox.setClock(() => CLOCK_START + days * DAY_MS);
			expect(uuids(await manualRun(event))).toEqual([newestSeeded().shipment_uuid]);
			expect(apiCalls(sandbox)).toHaveLength(1);
		},
	);

	test('an integration without orders says so instead of showing nothing', async () => {
		await expect(manualRun(event, '103')).rejects.toThrow(
			'Integration 103 has no orders yet, so there is no order to show as a sample',
		);
	});
});

test('the sample is the newest order even when older ones arrived later', async () => {
	const newest = arrive(sandbox, CLOCK_START - DAY_MS);
	arrive(sandbox, CLOCK_START - 3 * DAY_MS);
	expect(uuids(await manualRun('newShipment'))).toEqual([newest.shipment_uuid]);
});
