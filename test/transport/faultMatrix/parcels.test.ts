/** Fault matrix (kit.ts) of Sendcloud: parcels and labels (v3). */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { apiShipment } from '../../helpers/shipments';
import { faultMatrix, type Row, type Verdict } from './kit';
import { bytesOf, binarySummary, unitsOf, fakeFiles, seeded } from './rows';

const REFERENCES = ['order-fm-1', 'order-fm-2'];

/** Create and Announce of two labels, the fault on `target`; at most one shipment and label per order, ever. */
function labelPurchase(name: string, target: IDataObject, expected?: Record<string, Verdict>): Row {
	return {
		name,
		target,
		expected,
		work: (view) => ({ ...(view as IDataObject), status: 'bought' }),
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'parcel',
					operation: 'create',
					dataMode: 'autoMapInputData',
				}),
				REFERENCES.map((r) => apiShipment(r)),
			);
			// Parcel IDs and tracking numbers depend on which of the concurrent creates Sendcloud saw first.
			const units = unitsOf(run, {
				view: (item) => ({
					status: item.json.status,
					external_reference_id: item.json.external_reference_id,
					parcels: (item.json.parcels as IDataObject[]).length,
					label: binarySummary(item),
				}),
			});
			for (const reference of REFERENCES) {
				const shipments = cell.sandbox.v3
					.shipments()
					.filter((s) => s.external_reference_id === reference).length;
				const labels = cell.sandbox.v3.labelsBought({ externalReferenceId: reference });
				if (shipments > 1 || labels > 1)
					return {
						units,
						broken: {
							verdict: 'DUPLICATED',
							why: `${reference}: ${shipments} shipments, ${labels} labels`,
						},
					};
			}
			const wrongLabel = run.items.find((item) => {
				if (item.error) return false;
				const trackingNumber = String((item.json.parcels as IDataObject[])[0].tracking_number);
				const stored = cell.sandbox.v3
					.shipments()
					.some((s) => s.external_reference_id === item.json.external_reference_id);
				return !stored || !bytesOf(item).toString('latin1').includes(trackingNumber);
			});
			return {
				units,
				broken: wrongLabel
					? {
							verdict: 'LOST',
							why: `${String(wrongLabel.json.external_reference_id)}: no such shipment, or a label without its tracking number`,
						}
					: fakeFiles(run),
			};
		},
	};
}

const parcelIdsOf = (shipments: IDataObject[]) =>
	shipments.map((s) => (s.parcels as IDataObject[])[0].id);

function documentDownload(name: string, target: IDataObject, documentMode: string): Row {
	return {
		name,
		target,
		run: async (cell) => {
			const parcels = parcelIdsOf(seeded(cell, 2));
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'parcel',
				operation: 'downloadDocument',
				documentMode,
				parcelId: '={{ $json.parcel }}',
			});
			const run = await runNode(
				node,
				parcels.map((parcel) => ({ parcel })),
			);
			return { units: unitsOf(run), broken: fakeFiles(run) };
		},
	};
}

/** A routed v3 operation on one seeded shipment. */
function shipmentOperation(
	name: string,
	target: IDataObject,
	parameters: IDataObject,
	expected?: Record<string, Verdict>,
	overrides: IDataObject = {},
): Row {
	return {
		name,
		target,
		expected,
		run: async (cell) => {
			const [shipment] = seeded(cell, 1, overrides);
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', { resource: 'parcel', shipmentId: shipment.id, ...parameters }),
					),
				),
			};
		},
	};
}

const PARCEL_ROWS: Row[] = [
	labelPurchase(
		'Sendcloud · Parcel & Label · Create and Announce (the announce)',
		{ method: 'POST', path: '^/api/v3/shipments/announce$' },
		{
			// The repeat gets Sendcloud's 409 with the shipment the lost answer's attempt bought: `existing`.
			'reset after applied': 'recovered*',
		},
	),
	labelPurchase('Sendcloud · Parcel & Label · Create and Announce (its label file)', {
		method: 'GET',
		path: '^/api/v3/parcels/\\d+/documents/label$',
	}),
	documentDownload(
		'Sendcloud · Parcel & Label · Download Document (one file per item)',
		{ method: 'GET', path: '^/api/v3/parcels/\\d+/documents/label$' },
		'perParcel',
	),
	documentDownload(
		'Sendcloud · Parcel & Label · Download Document (print batch)',
		{ method: 'GET', path: '^/api/v3/parcel-documents/label$' },
		'printBatch',
	),
	shipmentOperation(
		'Sendcloud · Parcel & Label · Get',
		{ method: 'GET', path: '^/api/v3/shipments/[^/]+$' },
		{ operation: 'get' },
	),
	{
		name: 'Sendcloud · Parcel & Label · Get Many',
		// The second of two pages.
		target: { method: 'GET', path: '^/api/v3/shipments$', query: 'cursor=' },
		run: async (cell) => {
			seeded(cell, 130);
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', { resource: 'parcel', operation: 'getAll', returnAll: true }),
					),
					{ list: true },
				),
			};
		},
	},
	shipmentOperation(
		'Sendcloud · Parcel & Label · Cancel',
		{ method: 'POST', path: '/cancel$' },
		{ operation: 'cancel' },
		{
			// The repeat is refused with 409: the lost answer's attempt had the cancellation queued.
			'reset after applied': 'clear error',
		},
	),
	shipmentOperation(
		'Sendcloud · Parcel & Label · Get Return Portal URL',
		{ method: 'GET', path: '/return-portal-url$' },
		{ operation: 'getReturnPortalUrl' },
		undefined,
		{ brand_id: 42 },
	),
	{
		name: 'Sendcloud · Parcel & Label · Validate Address',
		target: { method: 'POST', path: '^/api/v3/addresses/validate$' },
		run: async (cell) => {
			cell.arm();
			const address = {
				carrierCode: 'postnl',
				addressAddressLine1: 'Stadhuisplein 10',
				addressPostalCode: '5611EM',
				addressCity: 'Eindhoven',
				addressCountryCode: 'nl',
			};
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', {
							resource: 'parcel',
							operation: 'validateAddress',
							...address,
						}),
					),
				),
			};
		},
	},
];

faultMatrix('parcels', PARCEL_ROWS);
