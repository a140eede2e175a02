/** The trigger's pure rules: caller authentication, what is ours, the event's key, filters, the spec's enums. */
import { readFileSync } from 'fs';
import { join } from 'path';

import { bearerMatches, newToken } from '../../../nodes/Sendcloud/events/auth';
import { isTriggerConnection, tagOf } from '../../../nodes/Sendcloud/events/naming';
import {
	EVENT_SOURCES,
	EXCEPTIONS,
	eventKey,
	eventWanted,
	optionsOf,
	parseDelivery,
	PHASES,
	simplifyParcelEvent,
	STATUS_TYPES,
	type ParcelEventPayload,
} from '../../../nodes/Sendcloud/events/parcelEvents';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML = require('yaml');

const spec = YAML.parse(
	readFileSync(
		join(__dirname, '../../sandbox/spec/sendcloud-v3-event-subscriptions.openapi.yml'),
		'utf8',
	),
);

describe('bearerMatches', () => {
	const token = 'Q2hlY2sgdGhpcyB0b2tlbiBpcyBsb25nIGVub3VnaA';
	test.each([
		[`Bearer ${token}`, true],
		[`bearer ${token}`, true],
		[`  Bearer   ${token}  `, true],
		[`Bearer ${token}x`, false],
		[`Bearer ${token.slice(0, -1)}`, false],
		[`Basic ${token}`, false],
		[token, false],
		['Bearer ', false],
		['', false],
		[undefined, false],
		[['Bearer', token], false],
	])('%j → %s', (header, expected) => {
		expect(bearerMatches(header, [token])).toBe(expected);
	});

	test('any of the tokens (test and production URL) matches; none without tokens', () => {
		expect(bearerMatches(`Bearer ${token}`, ['other', token])).toBe(true);
		expect(bearerMatches(`Bearer ${token}`, [])).toBe(false);
		expect(bearerMatches('Bearer ', [''])).toBe(false);
	});

	test('new tokens carry 256 random bits and differ', () => {
		const tokens = new Set(Array.from({ length: 50 }, newToken));
		expect(tokens.size).toBe(50);
		for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
	});
});

describe('isTriggerConnection', () => {
	const url = 'https://n8n.example.com/webhook/abc/parcel-events';
	const tag = tagOf('abc');
	const connection = (configuration: object, type = 'webhook') => ({ id: 1, type, configuration });

	test('ours: a webhook connection to our URL carrying our tag (header name in any case)', () => {
		expect(tag).toBe('n8n:abc');
		expect(
			isTriggerConnection(connection({ url, extra_headers: { 'X-N8n-Trigger': tag } }), url, tag),
		).toBe(true);
		expect(
			isTriggerConnection(connection({ url, extra_headers: { 'x-n8n-trigger': tag } }), url, tag),
		).toBe(true);
	});

	test.each([
		['no tag', { url }],
		['another node’s tag', { url, extra_headers: { 'X-N8n-Trigger': 'n8n:def' } }],
		['another URL', { url: `${url}-2`, extra_headers: { 'X-N8n-Trigger': tag } }],
		[
			'the test URL of the same node',
			{ url: url.replace('/webhook/', '/webhook-test/'), extra_headers: { 'X-N8n-Trigger': tag } },
		],
		['no configuration', undefined],
	])('not ours: %s', (_name, configuration) => {
		expect(isTriggerConnection(connection(configuration as object), url, tag)).toBe(false);
	});

	test('not ours: a Klaviyo connection', () => {
		expect(
			isTriggerConnection(
				connection({ url, extra_headers: { 'X-N8n-Trigger': tag } }, 'klaviyo'),
				url,
				tag,
			),
		).toBe(false);
	});
});

const event = (fields: Record<string, unknown> = {}, parcel: Record<string, unknown> = {}) =>
	({
		event_type: 'parcels.event.created',
		data: {
			parcel: {
				parcel_id: 1,
				tracking_number: 'T1',
				carrier_code: 'dpd',
				announced_at: null,
				...parcel,
			},
			event: {
				event_type: 'carrier',
				timestamp: '2026-01-15T10:30:00Z',
				phase: 'in_transit',
				exception: 'none',
				status_type: 'success',
				sub_status: 'none',
				description: 'On its way',
				...fields,
			},
		},
	}) as ParcelEventPayload;

describe('eventKey', () => {
	test('the same event has the same key, whatever the order of its fields or fields outside the key', () => {
		const a = event();
		const b = JSON.parse(JSON.stringify({ data: a.data, event_type: a.event_type }));
		b.data.event.location_details = null;
		expect(eventKey(b)).toBe(eventKey(a));
		expect(eventKey(a)).toMatch(/^[0-9a-f]{32}$/);
	});

	test.each([
		['another parcel', event({}, { parcel_id: 2 })],
		['another time', event({ timestamp: '2026-01-15T10:31:00Z' })],
		['another phase', event({ phase: 'delivered' })],
		['another exception', event({ exception: 'refused' })],
		['another sub status', event({ sub_status: 'not_home' })],
		['another status type', event({ status_type: 'warning' })],
		['another source', event({ event_type: 'internal' })],
		['another description', event({ description: 'Sorted' })],
	])('%s is another event', (_name, other) => {
		expect(eventKey(other)).not.toBe(eventKey(event()));
	});
});

describe('eventWanted', () => {
	test('empty filters let everything through; each list must hold the value', () => {
		expect(eventWanted(event(), {})).toBe(true);
		expect(eventWanted(event(), { phases: [], exceptions: [] })).toBe(true);
		expect(eventWanted(event(), { phases: ['in_transit'] })).toBe(true);
		expect(eventWanted(event(), { phases: ['delivered'] })).toBe(false);
		expect(eventWanted(event(), { phases: ['in_transit'], statusTypes: ['error'] })).toBe(false);
		expect(eventWanted(event(), { eventSources: ['carrier'], exceptions: ['none'] })).toBe(true);
		expect(eventWanted(event(), { eventSources: ['claim'] })).toBe(false);
	});
});

describe('parseDelivery', () => {
	test.each([
		['not JSON', 'nope', { invalid: 'The body is not JSON' }],
		['a list', '[]', { invalid: 'The body is not a JSON object' }],
		['another event type', '{"event_type":"other"}', { otherType: 'other' }],
		[
			'no event object',
			'{"event_type":"parcels.event.created","data":{"parcel":{}}}',
			{ invalid: 'The parcel event has no data.parcel or data.event object' },
		],
	])('%s', (_name, body, expected) => {
		expect(parseDelivery(Buffer.from(body))).toEqual(expected);
	});

	test('a parcel event', () => {
		expect(parseDelivery(Buffer.from(JSON.stringify(event())))).toEqual({ event: event() });
	});
});

test('simplify flattens the fields people use', () => {
	expect(simplifyParcelEvent(event({ end_of_tracking: false }))).toEqual({
		parcel_id: 1,
		tracking_number: 'T1',
		carrier_code: 'dpd',
		phase: 'in_transit',
		exception: 'none',
		status_type: 'success',
		sub_status: 'none',
		event_source: 'carrier',
		description: 'On its way',
		event_time: '2026-01-15T10:30:00Z',
		end_of_tracking: false,
		is_returned: null,
	});
});

describe('the filters offer exactly the spec’s enums', () => {
	const { schemas } = spec.components;
	test.each([
		['phases', PHASES, 'parcel-event-phase'],
		['exceptions', EXCEPTIONS, 'parcel-event-exception'],
		['status types', STATUS_TYPES, 'parcel-event-status-type'],
		['event sources', EVENT_SOURCES, 'parcel-event-type'],
	])('%s', (_name, values, schema) => {
		expect([...values].sort()).toEqual([...schemas[schema].enum].sort());
	});

	test('options are sorted by name and keep the values', () => {
		const options = optionsOf(PHASES);
		expect(options.map((o) => o.name)).toEqual(
			[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
		);
		expect(options.find((o) => o.value === 'in_transit')?.name).toBe('In Transit');
		expect(options.map((o) => o.value).sort()).toEqual([...PHASES].sort());
	});
});
