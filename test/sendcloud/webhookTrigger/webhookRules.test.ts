import {
	type FiredStatuses,
	isoTime,
	MAX_REMEMBERED_PARCELS,
	parseEvent,
	recordIfNews,
	simplifyEvent,
} from '../../../nodes/Sendcloud/webhook/deliveries';
import { sameNodeWebhook, triggerWebhookIdOf } from '../../../nodes/Sendcloud/webhook/holders';
import {
	deliveryDigest,
	isOlderThan,
	MAX_REMEMBERED_DELIVERIES,
	recordIfUnseen,
	type SeenDeliveries,
} from '../../../nodes/Sendcloud/webhook/replays';
import { isSignedBy, signatureOf } from '../../../nodes/Sendcloud/webhook/signature';

// The rules the webhook trigger applies to every call, before and after the signature.
describe('signature', () => {
	// The spec's own example: Python's json.dumps({'key': 'value'}) signed with "secretkey".
	const body = Buffer.from('{"key": "value"}');
	const SPEC_SIGNATURE = '1eed4b3d41f4653ac64fd56f1bf1cbfd349e4482cbc11dff7134bd93e5da4b0a';

	test('matches the spec’s example digest', () => {
		expect(signatureOf(body, 'secretkey')).toBe(SPEC_SIGNATURE);
		expect(isSignedBy(body, SPEC_SIGNATURE, 'secretkey')).toBe(true);
		expect(isSignedBy(body, SPEC_SIGNATURE.toUpperCase(), 'secretkey')).toBe(true);
	});

	test.each([
		[
			'the same JSON re-serialised without Python’s spaces',
			Buffer.from('{"key":"value"}'),
			SPEC_SIGNATURE,
			'secretkey',
		],
		['one byte changed', Buffer.from('{"key": "valuf"}'), SPEC_SIGNATURE, 'secretkey'],
		['another key', body, SPEC_SIGNATURE, 'sk_other'],
		['no signature', body, undefined, 'secretkey'],
		['a signature that is not hex', body, 'not-a-signature', 'secretkey'],
		['a truncated signature', body, SPEC_SIGNATURE.slice(0, 40), 'secretkey'],
		['an empty body', Buffer.alloc(0), signatureOf(Buffer.alloc(0), 'secretkey'), 'secretkey'],
		['no body at all', undefined, SPEC_SIGNATURE, 'secretkey'],
		['no key', body, signatureOf(body, ''), ''],
	])('refuses %s', (_name, raw, header, key) => {
		expect(isSignedBy(raw, header, key)).toBe(false);
	});
});

describe('out-of-order and repeated deliveries', () => {
	test('a newer status is news; the same or an older one is not', () => {
		const first = recordIfNews([], '7', 1000)!;
		expect(first).toEqual([['7', 1000]]);
		expect(recordIfNews(first, '7', 1000)).toBeUndefined();
		expect(recordIfNews(first, '7', 999)).toBeUndefined();
		expect(recordIfNews(first, '7', 1001)).toEqual([['7', 1001]]);
		expect(recordIfNews(first, '8', 5)).toEqual([
			['7', 1000],
			['8', 5],
		]);
	});

	test(`remembers at most ${MAX_REMEMBERED_PARCELS} parcels, forgetting the one updated longest ago`, () => {
		let fired: FiredStatuses = [];
		for (let parcel = 0; parcel < MAX_REMEMBERED_PARCELS; parcel++)
			fired = recordIfNews(fired, String(parcel), 1)!;
		fired = recordIfNews(fired, '0', 2)!; // parcel 0 is now the most recently updated
		fired = recordIfNews(fired, '1000', 1)!;
		expect(fired).toHaveLength(MAX_REMEMBERED_PARCELS);
		const remembered = new Map(fired);
		expect(remembered.has('1')).toBe(false);
		expect(remembered.get('0')).toBe(2);
		expect(remembered.get('1000')).toBe(1);
		// A forgotten parcel's old status is news again: the bound the README states.
		expect(recordIfNews(fired, '1', 1)).toBeDefined();
	});
});

describe('event output', () => {
	test('Simplify keeps what people use of a parcel event', () => {
		const event = {
			action: 'parcel_status_changed',
			timestamp: 1525271885993,
			parcel: {
				id: 123,
				status: { id: 11, message: 'Delivered' },
				tracking_number: '3SYZXG0000001',
				tracking_url: 'https://tracking.example/3SYZXG0000001',
				order_number: 'ORD-1',
				external_order_id: '555',
				shipment_uuid: 'u-1',
				carrier: { code: 'postnl' },
				address: 'not kept',
			},
		};
		expect(simplifyEvent(event)).toEqual({
			event: 'parcel_status_changed',
			event_time: '2018-05-02T14:38:05.993Z',
			parcel_id: 123,
			status_id: 11,
			status_message: 'Delivered',
			tracking_number: '3SYZXG0000001',
			tracking_url: 'https://tracking.example/3SYZXG0000001',
			order_number: 'ORD-1',
			external_order_id: '555',
			shipment_uuid: 'u-1',
			carrier: 'postnl',
		});
		expect(
			simplifyEvent({
				action: 'integration_updated',
				timestamp: 1525271885993,
				integration: { id: 101, shop_name: 'Shop' },
			}),
		).toEqual({
			event: 'integration_updated',
			event_time: '2018-05-02T14:38:05.993Z',
			integration_id: 101,
			shop_name: 'Shop',
		});
	});

	test.each([
		[1525271885993, '2018-05-02T14:38:05.993Z'],
		[1525271885, '2018-05-02T14:38:05.000Z'],
		[1525271885.5, '2018-05-02T14:38:05.500Z'],
		[undefined, null],
		['soon', null],
	])('timestamp %j → %j', (timestamp, iso) => {
		expect(isoTime(timestamp)).toBe(iso);
	});
});

describe('bodies', () => {
	test('a JSON object is an event', () => {
		expect(parseEvent(Buffer.from('{"action": "integration_updated"}'))).toEqual({
			event: { action: 'integration_updated' },
		});
	});

	test.each(['null', '[]', '"text"', '7', 'false', '{"action": '])(
		'%s is not, and the reason never quotes it',
		(body) => {
			const parsed = parseEvent(Buffer.from(body));
			expect(parsed).toEqual({
				invalid: body === '{"action": ' ? 'The body is not JSON' : 'The body is not a JSON object',
			});
		},
	);
});

describe('repeated deliveries', () => {
	test('the same bytes are a repeat; any other bytes are not', () => {
		const digest = deliveryDigest(Buffer.from('{"action": "integration_updated", "timestamp": 1}'));
		expect(digest).toMatch(/^[0-9a-f]{32}$/);
		const seen = recordIfUnseen([], digest)!;
		expect(
			recordIfUnseen(
				seen,
				deliveryDigest(Buffer.from('{"action": "integration_updated", "timestamp": 1}')),
			),
		).toBeUndefined();
		expect(
			recordIfUnseen(
				seen,
				deliveryDigest(Buffer.from('{"action": "integration_updated", "timestamp": 2}')),
			),
		).toHaveLength(2);
	});

	test(`remembers at most ${MAX_REMEMBERED_DELIVERIES} deliveries, forgetting the oldest`, () => {
		let seen: SeenDeliveries = [];
		for (let n = 0; n <= MAX_REMEMBERED_DELIVERIES; n++) seen = recordIfUnseen(seen, `d${n}`)!;
		expect(seen).toHaveLength(MAX_REMEMBERED_DELIVERIES);
		expect(seen[0]).toBe('d1');
		expect(recordIfUnseen(seen, 'd0')).toBeDefined();
		expect(recordIfUnseen(seen, `d${MAX_REMEMBERED_DELIVERIES}`)).toBeUndefined();
	});
});

describe('delivery age', () => {
	const NOW = Date.parse('2026-11-23T10:00:00Z');

	test.each([
		['just over the limit', NOW - 5 * 60_000 - 1, 5, true],
		['exactly at the limit', NOW - 5 * 60_000, 5, false],
		['the same moment in seconds', (NOW - 6 * 60_000) / 1000, 5, true],
		['ahead of this clock', NOW + 60_000, 5, false],
		['no timestamp', undefined, 5, false],
		['a timestamp that is no time', 'yesterday', 5, false],
		['the option off (0)', NOW - 86_400_000, 0, false],
		['the option unset', NOW - 86_400_000, undefined, false],
	])('%s', (_name, timestamp, minutes, old) => {
		expect(isOlderThan(timestamp, minutes, NOW)).toBe(old);
	});
});

describe('who holds an integration', () => {
	const ours = 'https://n8n.example.com/webhook/aaaaaaaa-0000-4000-8000-000000000001/webhook';

	test('a trigger’s test and production URLs are one node', () => {
		expect(sameNodeWebhook(ours, ours.replace('/webhook/', '/webhook-test/'))).toBe(true);
		expect(sameNodeWebhook(ours, ours.replace('aaaaaaaa', 'bbbbbbbb'))).toBe(false);
	});

	test.each([
		[ours, 'aaaaaaaa-0000-4000-8000-000000000001'],
		[
			'https://other.example.com/custom-endpoint/BBBBBBBB-0000-4000-8000-000000000002/webhook',
			'bbbbbbbb-0000-4000-8000-000000000002',
		],
		[
			'http://127.0.0.1:5678/webhook-test/aaaaaaaa-0000-4000-8000-000000000001/webhook/',
			'aaaaaaaa-0000-4000-8000-000000000001',
		],
		['https://berlin.example.com/hooks/sendcloud', undefined],
		['https://n8n.example.com/webhook/aaaaaaaa-0000-4000-8000-000000000001/other-path', undefined],
		['not a URL', undefined],
	])('%s → %s', (url, id) => {
		expect(triggerWebhookIdOf(url)).toBe(id);
	});
});
