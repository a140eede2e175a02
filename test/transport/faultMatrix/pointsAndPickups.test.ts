/** Fault matrix (kit.ts) of Sendcloud service points and pickups (v3). */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { faultMatrix, type Row, type Verdict } from './kit';
import { rl, without, unitsOf } from './rows';

/** A service point operation; reading only, so every fault but a redirect is recovered from. */
function servicePointRow(name: string, target: IDataObject, parameters: IDataObject): Row {
	return {
		name,
		target,
		run: async (cell) => {
			cell.arm();
			const node = cell.node('sendcloud', { resource: 'servicePoint', ...parameters });
			return { units: unitsOf(await runNode(node), { list: parameters.operation === 'getAll' }) };
		},
	};
}

const PICKUP = {
	resource: 'pickup',
	operation: 'create',
	carrierCode: 'dhl_express',
	name: 'Warehouse',
	addressLine1: 'Keizersgracht',
	houseNumber: '100',
	postalCode: '1015 CS',
	city: 'Amsterdam',
	countryCode: 'NL',
	startAt: '2026-12-03T09:00:00Z',
	endAt: '2026-12-03T12:00:00Z',
	quantity: 3,
	totalWeight: 4.5,
	additionalFields: { phoneNumber: '+31612345678' },
};

const POINT_AND_PICKUP_ROWS: Row[] = [
	servicePointRow(
		'Sendcloud · Service Point · Get Many',
		{ method: 'GET', path: '^/api/v3/service-points$' },
		{
			operation: 'getAll',
			countryCode: 'NL',
			carriers: ['postnl', 'dhl'],
			address: 'Keizersgracht 100, Amsterdam',
			limit: 5,
		},
	),
	servicePointRow(
		'Sendcloud · Service Point · Get',
		{ method: 'GET', path: '^/api/v3/service-points/\\d+$' },
		{ operation: 'get', servicePointId: rl(2000005) },
	),
	servicePointRow(
		'Sendcloud · Service Point · Check Availability',
		{ method: 'POST', path: '/check-availability$' },
		{ operation: 'checkAvailability', servicePointId: rl(2000005) },
	),
	{
		name: 'Sendcloud · Pickup · Create (the booking)',
		target: { method: 'POST', path: '^/api/v3/pickups$' },
		// Never sent twice: a failure after sending is looked up (found: recovered*), else the item says the
		// pickup may have been booked. A 429 is refused before anything is done, and is repeated.
		expected: {
			...Object.fromEntries(
				['500', '502', '503', '504', 'reset before', 'malformed JSON', '200 HTML'].map((f) => [
					f,
					'clear error' as Verdict,
				]),
			),
			'reset after applied': 'recovered*',
		},
		work: (view) => without(view as IDataObject, 'answer_lost'),
		run: async (cell) => {
			cell.arm();
			const run = await runNode(cell.node('sendcloud', PICKUP));
			const units = unitsOf(run, {
				view: (item) => without(item.json, 'created_at', 'tracking_number'),
			});
			const booked = cell.sandbox.v3.pickups.bookings();
			return {
				units,
				broken:
					booked > 1
						? { verdict: 'DUPLICATED', why: `${booked} pickups booked for one visit` }
						: run.items.some((item) => !item.error) && booked === 0
							? { verdict: 'LOST', why: 'a pickup reported, none booked' }
							: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Pickup · Get',
		target: { method: 'GET', path: '^/api/v3/pickups/\\d+$' },
		run: async (cell) => {
			const { id } = cell.sandbox.v3.pickups.seedPickup({
				carrier_code: 'dpd',
				address: {
					name: 'W',
					address_line_1: 'Dam',
					house_number: '1',
					postal_code: '1012 JS',
					city: 'Amsterdam',
					country_code: 'NL',
				},
				time_slots: [{ start_at: '2026-12-04T09:00:00Z', end_at: '2026-12-04T12:00:00Z' }],
				quantity: 1,
				total_weight: { value: '1', unit: 'kg' },
			});
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'pickup',
				operation: 'get',
				pickupId: rl(String(id)),
			});
			return {
				units: unitsOf(await runNode(node), { view: (item) => without(item.json, 'created_at') }),
			};
		},
	},
	{
		name: 'Sendcloud · Pickup · Get Many',
		// The second of two pages.
		target: { method: 'GET', path: '^/api/v3/pickups$', query: 'cursor=' },
		run: async (cell) => {
			for (let n = 0; n < 130; n++)
				cell.sandbox.v3.pickups.seedPickup({
					carrier_code: 'dpd',
					address: {
						name: 'W',
						address_line_1: 'Dam',
						house_number: String(n),
						postal_code: '1012 JS',
						city: 'Amsterdam',
						country_code: 'NL',
					},
					time_slots: [{ start_at: '2026-12-04T09:00:00Z', end_at: '2026-12-04T12:00:00Z' }],
					quantity: 1,
					total_weight: { value: '1', unit: 'kg' },
				});
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'pickup',
				operation: 'getAll',
				returnAll: true,
			});
			return {
				units: unitsOf(await runNode(node), {
					list: true,
					view: (item) => without(item.json, 'created_at'),
				}),
			};
		},
	},
];

faultMatrix('pointsAndPickups', POINT_AND_PICKUP_ROWS);
