/** Fault matrix (kit.ts) of Sendcloud after the label: tracking and returns (v3, issue 20). */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { afterLabel, apiReturn } from '../../helpers/returns';
import { faultMatrix, type Cell, type Row, type Verdict } from './kit';
import { rl, without, binarySummary, unitsOf, fakeFiles, seeded } from './rows';

const RETURN_REFERENCES = ['rma-fm-1', 'rma-fm-2'];
const afterLabelOf = (cell: Cell) => afterLabel(cell.sandbox);
const returnsIn = (cell: Cell, count: number) =>
	(cell.sandbox.v3 as unknown as { seedReturns(bodies: IDataObject[]): number[] }).seedReturns(
		Array.from({ length: count }, (_, n) => apiReturn({ order_number: `FM-${n}` })),
	);
/** What a return's output says, without what depends on when the cell ran. */
const returnView = (item: INodeExecutionData) => ({
	...without(
		item.json,
		'created_at',
		'tracking_url',
		'status_history',
		'return_id',
		'parcel_id',
		'id',
		'label_url',
		'label',
		'tracking_number',
	),
	label: binarySummary(item),
});

/** Return → Create of two returns with their labels, the fault on `target`; at most one return label per item. */
function returnPurchase(
	name: string,
	target: IDataObject,
	expected?: Record<string, Verdict>,
): Row {
	return {
		name,
		target,
		expected,
		work: (view) => ({ ...(view as IDataObject), status: 'bought' }),
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'return',
					operation: 'create',
					dataMode: 'autoMapInputData',
				}),
				RETURN_REFERENCES.map((reference) => apiReturn({ external_reference: reference })),
			);
			for (const reference of RETURN_REFERENCES) {
				const labels = afterLabelOf(cell).returnLabelsBought({ externalReference: reference });
				if (labels > 1)
					return {
						units: unitsOf(run),
						broken: { verdict: 'DUPLICATED', why: `${reference}: ${labels} return labels` },
					};
			}
			return { units: unitsOf(run, { view: returnView }), broken: fakeFiles(run) };
		},
	};
}

const AFTER_LABEL_ROWS: Row[] = [
	{
		name: 'Sendcloud · Tracking · Get',
		target: { method: 'GET', path: '^/api/v3/parcels/tracking/' },
		run: async (cell) => {
			const [shipment] = seeded(cell, 1);
			cell.arm();
			const trackingNumber = (shipment.parcels as IDataObject[])[0].tracking_number;
			const run = await runNode(
				cell.node('sendcloud', { resource: 'tracking', operation: 'get', trackingNumber }),
			);
			return {
				units: unitsOf(run, {
					view: (item) =>
						without(
							item.json,
							'last_event_at',
							'last_event',
							'announced_at',
							'tracking_url',
							'expected_delivery_date',
						),
				}),
			};
		},
	},
	{
		name: 'Sendcloud · Tracking · Register External Parcel',
		target: { method: 'POST', path: '^/api/v3/parcels/tracking$' },
		// The repeat finds the parcel the lost answer's attempt registered: `existing`.
		expected: { 'reset after applied': 'recovered*' },
		work: (view) => ({ ...(view as IDataObject), status: 'registered' }),
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'tracking',
					operation: 'register',
					dataMode: 'defineBelow',
					trackingNumber: 'FM-TRACK-1',
					carrierCode: 'postnl',
					announcedAt: '2026-11-30T10:00:00Z',
					contractId: 517,
					senderPostalCode: '5611 EM',
					senderCountryCode: 'NL',
					recipientPostalCode: '1015 CS',
					recipientCountryCode: 'NL',
				}),
			);
			const registered = afterLabelOf(cell).registeredParcels().length;
			if (registered > 1)
				return {
					units: unitsOf(run),
					broken: { verdict: 'DUPLICATED', why: `${registered} parcels` },
				};
			return {
				units: unitsOf(run, {
					view: (item) => ({ status: item.json.status, source_id: item.json.source_id }),
				}),
			};
		},
	},
	returnPurchase(
		'Sendcloud · Return · Create (the synchronous announce)',
		{ method: 'POST', path: '^/api/v3/returns/announce-synchronously$' },
		// The repeat is refused for its reference; the node finds the return the lost answer's attempt made.
		{ 'reset after applied': 'recovered*' },
	),
	returnPurchase('Sendcloud · Return · Create (its label file)', {
		method: 'GET',
		path: '^/api/v3/parcels/\\d+/documents/label$',
	}),
	{
		name: 'Sendcloud · Return · Get',
		target: { method: 'GET', path: '^/api/v3/returns/\\d+$' },
		run: async (cell) => {
			const [id] = returnsIn(cell, 1);
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', { resource: 'return', operation: 'get', returnId: rl(id) }),
			);
			return {
				units: unitsOf(run, {
					view: (item) => without(item.json, 'created_at', 'tracking_url', 'label_url'),
				}),
			};
		},
	},
	{
		name: 'Sendcloud · Return · Get Many',
		// The second of two pages.
		target: { method: 'GET', path: '^/api/v3/returns$', query: 'cursor=' },
		run: async (cell) => {
			returnsIn(cell, 45);
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'return',
					operation: 'getAll',
					fromDate: '2026-11-01T00:00:00Z',
					toDate: '2027-12-31T00:00:00Z',
					returnAll: true,
				}),
			);
			return {
				units: unitsOf(run, {
					list: true,
					view: (item) => ({ id: item.json.id, order: item.json.order_number }),
				}),
			};
		},
	},
	{
		name: 'Sendcloud · Return · Cancel',
		target: { method: 'PATCH', path: '/cancel$' },
		// The repeat is refused with 409: the lost answer's attempt had the cancellation requested.
		expected: { 'reset after applied': 'clear error' },
		run: async (cell) => {
			const [id] = returnsIn(cell, 1);
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', {
							resource: 'return',
							operation: 'cancel',
							returnId: rl(id),
						}),
					),
				),
			};
		},
	},
	{
		name: 'Sendcloud · Return · Validate',
		target: { method: 'POST', path: '^/api/v3/returns/validate$' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'return',
					operation: 'validate',
					dataMode: 'autoMapInputData',
				}),
				[apiReturn()],
			);
			return { units: unitsOf(run) };
		},
	},
];

faultMatrix('afterLabel', AFTER_LABEL_ROWS);
