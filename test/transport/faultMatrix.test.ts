/**
 * The fault matrix: every operation of every node, run through the real engine against the sandbox once
 * without a fault and once per fault the sandbox injects, each cell judged against the run without it:
 * - recovered: the same output;
 * - recovered*: the same work done, but the retry found it done by the attempt whose answer was lost, so
 *   the output says `existing` / `unchanged` where it would say `created` / `updated`;
 * - clear error: the item fails with a NodeApiError that names what happened, one error item per input
 *   item (Continue On Fail is on);
 * - never allowed: LOST (an item missing, a success claimed for what did not happen, a page saved as a
 *   label), DUPLICATED (an order, log, shipment or label made twice), an unclear error, or an output
 *   that differs without saying why.
 * Each fault column has a sandbox of its own, so that a row's cells run side by side: retries sleep for
 * real (Retry-After, backoff), and one after the other the file would take minutes.
 * The matrix is printed and written to test-output/fault-matrix.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	credentialsHelper,
	listSearch,
	makeNode,
	type NodeRun,
	runNode,
	stopEngineTimers,
	TriggerRunner,
	WebhookTriggerRunner,
} from '../helpers/engine';
import { shopOrder } from '../helpers/orders';
import { API_KEY, DATAFAST_TOKEN, type Sandbox, testSandbox } from '../helpers/sandbox';
import { afterLabel, apiReturn } from '../helpers/returns';
import { apiShipment, arrive } from '../helpers/shipments';
import type { DataFastStates } from '../dataFast/trigger/triggerKit';

type Verdict =
	| 'recovered'
	| 'recovered*'
	| 'clear error'
	| 'unclear error'
	| 'different output'
	| 'LOST'
	| 'DUPLICATED';

interface Fault {
	name: string;
	/** What sandbox.injectFaults takes; the row adds which request it hits. */
	fault: IDataObject;
	/** What an error caused by this fault must say (its message or description). */
	says: RegExp;
	/** The verdict of every row that does not say otherwise; `recovered` by default. */
	expected?: Verdict;
}

/**
 * Well under the transport's own timeout (60 s a JSON call, 120 s a file): this column shows that an
 * answer slower than usual is waited for. test/timeouts.test.ts covers answers that never come.
 */
const SLOW_MS = 1000;

const FAULTS: Fault[] = [
	{ name: '429 + Retry-After', fault: { kind: '429', retryAfter: 1 }, says: /rate limit|HTTP 429/ },
	{ name: '429', fault: { kind: '429' }, says: /rate limit|HTTP 429/ },
	...[500, 502, 503, 504].map((status) => ({
		name: String(status),
		fault: { kind: String(status) },
		says: new RegExp(`HTTP ${status}`),
	})),
	{
		name: 'reset before',
		fault: { kind: 'reset' },
		says: /answer was lost: the connection dropped/,
	},
	// Not repeatable: the answer was lost; repeatable: the repeat may find the work done.
	{
		name: 'reset after applied',
		fault: { kind: 'applied-then-reset' },
		says: /answer was lost: the connection dropped|An earlier attempt .* may have carried it out/,
	},
	{
		name: `slow (${SLOW_MS / 1000} s)`,
		fault: { kind: 'slow', delayMs: SLOW_MS },
		says: /answer was lost: it did not come in time/,
	},
	{ name: 'malformed JSON', fault: { kind: 'malformed' }, says: /not JSON|instead of/ },
	{ name: '200 HTML', fault: { kind: 'html' }, says: /not JSON|text\/html/ },
	// Port 9 (discard) on loopback: nothing is ever sent there, so nothing needs to listen.
	{
		name: 'redirect elsewhere',
		fault: { kind: 'redirect', location: 'http://127.0.0.1:9/elsewhere' },
		says: /redirect to another host \(http:\/\/127\.0\.0\.1:9\)/,
		expected: 'clear error',
	},
];
const BASELINE = 'no fault';
const COLUMNS = [BASELINE, ...FAULTS.map((f) => f.name)];

/** What one input item came to: its output (as compared), or its error. */
type Unit = { view: unknown } | { error: unknown; nodeLevel?: boolean };

interface Outcome {
	/** One per input item; a list operation's single input item holds the whole list. */
	units: Unit[];
	/** What the output alone cannot show: an order stored twice, a success claimed for nothing. */
	broken?: { verdict: 'LOST' | 'DUPLICATED'; why: string };
}

interface Cell {
	sandbox: Sandbox;
	/** A node with this cell's credentials (its sandbox) and Continue On Fail on. */
	node(
		type:
			'sendcloud' | 'dataFast' | 'sendcloudTrigger' | 'sendcloudWebhookTrigger' | 'dataFastTrigger',
		parameters: IDataObject,
	): INode;
	/** Queues the cell's fault (none without one) for the row's request; rows call it once set up. */
	arm(): void;
}

interface Row {
	name: string;
	/** The request the fault hits: method, path and query as sandbox.injectFaults matches them. */
	target: IDataObject;
	run(cell: Cell): Promise<Outcome>;
	/** Cells not expected to be `recovered`. */
	expected?: Record<string, Verdict>;
	/** Reduces an output to the work it reports done, so that `existing` reads as `created` (recovered*). */
	work?(view: unknown): unknown;
}

const rl = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const without = (json: IDataObject, ...keys: string[]) =>
	Object.fromEntries(Object.entries(json).filter(([key]) => !keys.includes(key)));
const bytesOf = (item: INodeExecutionData, property = 'data') =>
	Buffer.from(item.binary?.[property]?.data ?? '', 'base64');

function binarySummary(item: INodeExecutionData) {
	return Object.fromEntries(
		Object.entries(item.binary ?? {}).map(([property, file]) => [
			property,
			{
				mimeType: file.mimeType,
				fileName: file.fileName,
				starts: bytesOf(item, property).subarray(0, 5).toString('latin1'),
			},
		]),
	);
}

const plainView = (item: INodeExecutionData) =>
	item.binary ? { json: item.json, binary: binarySummary(item) } : item.json;

/** A node run's units: one per output item, or, for a list operation, the list as one unit. */
function unitsOf(
	run: NodeRun,
	{
		view = plainView,
		list = false,
	}: { view?: (item: INodeExecutionData) => unknown; list?: boolean } = {},
): Unit[] {
	// With Continue On Fail, an error of the node itself means an item went without its error item.
	if (run.error) return [{ error: run.error, nodeLevel: true }];
	const unit = (item: INodeExecutionData): Unit =>
		item.error ? { error: item.error } : { view: view(item) };
	if (list && !run.items.some((item) => item.error)) return [{ view: run.items.map(view) }];
	return run.items.map(unit);
}

async function settled(action: () => Promise<unknown>): Promise<Unit> {
	try {
		return { view: await action() };
	} catch (error) {
		return { error };
	}
}

const succeeded = (units: Unit[]) =>
	units.filter((unit): unit is { view: unknown } => 'view' in unit);

/** A PDF claimed as a file must be one: a proxy's HTML page saved as a label is a lost label. */
function fakeFiles(run: NodeRun): Outcome['broken'] {
	const fake = run.items.find(
		(item) =>
			!item.error &&
			item.binary?.data?.mimeType === 'application/pdf' &&
			!bytesOf(item).toString('latin1').startsWith('%PDF-'),
	);
	return fake
		? {
				verdict: 'LOST',
				why: `saved as a PDF: ${bytesOf(fake).subarray(0, 40).toString('latin1')}…`,
			}
		: undefined;
}

const integration = (sandbox: Sandbox, id = 101) =>
	sandbox.state.integrations.find((i) => i.id === id);

// ---- Sendcloud: integrations, exception logs, orders (v2)

const INTEGRATION_ROWS: Row[] = [
	{
		name: 'Sendcloud · Integration · Get Many',
		target: { method: 'GET', path: '^/integrations$' },
		run: async (cell) => {
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', {
							resource: 'integration',
							operation: 'getAll',
							returnAll: true,
						}),
					),
					{ list: true },
				),
			};
		},
	},
	{
		name: 'Sendcloud · Integration · Get',
		target: { method: 'GET', path: '^/integrations/101$' },
		run: async (cell) => {
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('sendcloud', {
							resource: 'integration',
							operation: 'get',
							integrationId: rl(101),
						}),
					),
				),
			};
		},
	},
	{
		name: 'Sendcloud · Integration · Update',
		target: { method: 'PATCH', path: '^/integrations/101$' },
		run: async (cell) => {
			cell.arm();
			const updateFields = {
				shopName: 'Renamed by n8n',
				webhookActive: true,
				webhookUrl: 'https://hooks.example.com/sendcloud',
			};
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'integration',
					operation: 'update',
					integrationId: rl(101),
					updateFields,
				}),
			);
			const units = unitsOf(run, { view: (item) => without(item.json, 'last_updated_at') });
			const applied = integration(cell.sandbox)?.shop_name === 'Renamed by n8n';
			return {
				units,
				broken:
					succeeded(units).length && !applied
						? { verdict: 'LOST', why: 'reported updated, not changed' }
						: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Integration · Replace',
		target: { method: 'PUT', path: '^/integrations/101$' },
		run: async (cell) => {
			cell.arm();
			const settings = {
				shopName: 'Replaced by n8n',
				shopUrl: 'https://replaced.example.com',
				servicePointEnabled: false,
				servicePointCarriers: '',
				webhookActive: false,
				webhookUrl: '',
			};
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'integration',
					operation: 'replace',
					integrationId: rl(101),
					...settings,
				}),
			);
			const units = unitsOf(run, { view: (item) => without(item.json, 'last_updated_at') });
			const applied = integration(cell.sandbox)?.shop_url === 'https://replaced.example.com';
			return {
				units,
				broken:
					succeeded(units).length && !applied
						? { verdict: 'LOST', why: 'reported replaced, not changed' }
						: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Integration · Delete',
		target: { method: 'DELETE', path: '^/integrations/101$' },
		// The repeat finds nothing to delete: a 404, after the lost answer's attempt deleted it.
		expected: { 'reset after applied': 'clear error' },
		run: async (cell) => {
			cell.arm();
			const units = unitsOf(
				await runNode(
					cell.node('sendcloud', {
						resource: 'integration',
						operation: 'delete',
						integrationId: rl(101),
					}),
				),
			);
			return {
				units,
				broken:
					succeeded(units).length && integration(cell.sandbox)
						? { verdict: 'LOST', why: 'reported deleted, still there' }
						: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Integration Exception Log · Get Many',
		// The second of three pages.
		target: { method: 'GET', path: '^/integrations/logs$', query: 'cursor=' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'integrationLog',
					operation: 'getAll',
					scope: 'all',
					returnAll: true,
				}),
			);
			return { units: unitsOf(run, { list: true }) };
		},
	},
	{
		name: 'Sendcloud · Integration Exception Log · Create',
		target: { method: 'POST', path: '^/integrations/101/logs$' },
		// Never repeated (a second entry would show twice): every failure is the item's error.
		expected: Object.fromEntries(
			FAULTS.filter((f) => f.fault.kind !== 'slow' && f.fault.kind !== '429').map((f) => [
				f.name,
				'clear error',
			]),
		),
		run: async (cell) => {
			const logsBefore = cell.sandbox.state.integrationLogs.length;
			cell.arm();
			const parameters = {
				resource: 'integrationLog',
				operation: 'create',
				integrationId: rl(101),
				baseUrl: 'https://amsterdam.example.com',
				additionalFields: { exception: 'Read timed out', method: 'POST' },
			};
			const units = unitsOf(await runNode(cell.node('sendcloud', parameters)), {
				view: (item) => without(item.json, 'id', 'created_at'),
			});
			const created = cell.sandbox.state.integrationLogs.length - logsBefore;
			if (created > 1)
				return { units, broken: { verdict: 'DUPLICATED', why: `${created} log entries` } };
			return {
				units,
				broken:
					succeeded(units).length && created !== 1
						? { verdict: 'LOST', why: 'reported created, not stored' }
						: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Order · Get Many',
		// The second of four pages. Simplify is off: its expressions take seconds for 315 orders in 12 cells at once.
		target: { method: 'GET', path: '^/integrations/101/shipments$', query: 'cursor=' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'shipment',
					operation: 'getAll',
					integrationId: rl(101),
					returnAll: true,
					simplify: false,
				}),
			);
			return { units: unitsOf(run, { list: true }) };
		},
	},
	{
		name: 'Sendcloud · Order · Create or Update (150 orders, 2 batches)',
		// The first batch to arrive: 30 updates and 70 new orders, or 50 new ones.
		target: { method: 'POST', path: '^/integrations/101/shipments$' },
		expected: { 'reset after applied': 'recovered*' },
		work: (view) => ({ ...(view as IDataObject), status: 'stored', shipment_uuid: 'any' }),
		run: async (cell) => {
			const upsert = (orders: IDataObject[]) =>
				runNode(
					cell.node('sendcloud', {
						resource: 'shipment',
						operation: 'upsert',
						integrationId: rl(101),
						dataMode: 'autoMapInputData',
					}),
					orders,
				);
			await upsert(Array.from({ length: 30 }, (_, n) => shopOrder(n)));
			const orders = Array.from({ length: 150 }, (_, n) =>
				shopOrder(n, n < 30 ? { updated_at: '2026-11-22T10:00:00Z' } : {}),
			);
			cell.arm();
			const run = await upsert(orders);
			const units = unitsOf(run, {
				view: (item) => ({ ...item.json, shipment_uuid: item.json.shipment_uuid ? 'uuid' : null }),
			});
			const stored = cell.sandbox.state.shipments.get(101)!;
			const copies = (id: unknown) =>
				stored.filter((s) => String(s.external_order_id) === String(id));
			const twice = orders.find((order) => copies(order.external_order_id).length > 1);
			if (twice)
				return {
					units,
					broken: {
						verdict: 'DUPLICATED',
						why: `order ${String(twice.external_order_id)} stored twice`,
					},
				};
			if (run.items.length !== orders.length)
				return {
					units,
					broken: {
						verdict: 'LOST',
						why: `${run.items.length} output items for ${orders.length} orders`,
					},
				};
			const missing = run.items.find(
				(item) =>
					!item.error &&
					(copies(item.json.external_order_id).length !== 1 ||
						(item.json.shipment_uuid &&
							copies(item.json.external_order_id)[0].shipment_uuid !== item.json.shipment_uuid)),
			);
			return {
				units,
				broken: missing
					? {
							verdict: 'LOST',
							why: `order ${String(missing.json.external_order_id)} reported ${String(missing.json.status)}, not stored so`,
						}
					: undefined,
			};
		},
	},
	{
		name: 'Sendcloud · Order · Delete',
		target: { method: 'POST', path: '^/integrations/101/shipments/delete$' },
		// The repeat finds nothing to delete: a 404, after the lost answer's attempt deleted it.
		expected: { 'reset after applied': 'clear error' },
		run: async (cell) => {
			const uuid = String(cell.sandbox.state.shipments.get(101)![5].shipment_uuid);
			cell.arm();
			const run = await runNode(
				cell.node('sendcloud', {
					resource: 'shipment',
					operation: 'delete',
					integrationId: rl(101),
					deleteBy: 'shipmentUuid',
					shipmentUuid: uuid,
				}),
			);
			const units = unitsOf(run);
			const stillThere = cell.sandbox.state.shipments
				.get(101)!
				.some((s) => s.shipment_uuid === uuid);
			return {
				units,
				broken:
					succeeded(units).length && stillThere
						? { verdict: 'LOST', why: 'reported deleted, still there' }
						: undefined,
			};
		},
	},
];

// ---- Sendcloud: parcels and labels (v3)

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

/** Shipments announced straight in the sandbox's store, without requests. */
const seeded = (cell: Cell, count: number, overrides: IDataObject = {}) =>
	cell.sandbox.v3.seedShipments(
		Array.from({ length: count }, (_, n) => apiShipment(`seeded-${n}`, overrides)),
	);
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

// ---- Sendcloud: service points and pickups (v3)

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

// ---- DataFast, the triggers, the list search

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

const OTHER_ROWS: Row[] = [
	{
		name: 'DataFast · Payment Integration · Get Status',
		target: { method: 'GET', path: '^/datafast/api/v1/admin/websites/[^/]+/integrations$' },
		run: async (cell) => {
			cell.arm();
			return {
				units: unitsOf(
					await runNode(
						cell.node('dataFast', {
							resource: 'paymentIntegration',
							operation: 'getStatus',
							websiteId: '66f1c0ffee0123456789abcd',
						}),
					),
				),
			};
		},
	},
	// DataFast (test/dataFast/): reads and the idempotent payment are repeated; a goal is not.
	{
		name: 'DataFast · Analytics · Get Breakdown (pages)',
		target: { method: 'GET', path: '^/datafast/api/v1/analytics/pages$' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('dataFast', {
					resource: 'analytics',
					operation: 'breakdown',
					breakdownBy: 'pages',
					returnAll: true,
					website: rl('66f1c0ffee0123456789abcd'),
				}),
			);
			return { units: unitsOf(run, { list: true }) };
		},
	},
	{
		name: 'DataFast · Visitor · Get Many',
		target: { method: 'GET', path: '^/datafast/api/v1/visitors$' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('dataFast', {
					resource: 'visitor',
					operation: 'getAll',
					limit: 5,
					website: rl('66f1c0ffee0123456789abcd'),
				}),
			);
			return { units: unitsOf(run, { list: true }) };
		},
	},
	{
		name: 'DataFast · Payment · Create (idempotent on transaction_id)',
		target: { method: 'POST', path: '^/datafast/api/v1/payments$' },
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('dataFast', {
					resource: 'payment',
					operation: 'create',
					amount: 12.5,
					currency: 'EUR',
					transactionId: 'fault_matrix_tx',
					website: rl('66f1c0ffee0123456789abcd'),
				}),
			);
			const store = (cell.sandbox as unknown as { dataFast: { payments(): IDataObject[] } })
				.dataFast;
			const count = store.payments().filter((p) => p.transaction_id === 'fault_matrix_tx').length;
			const broken =
				count > 1
					? { verdict: 'DUPLICATED' as const, why: `${count} payments` }
					: count === 0 && !run.items[0]?.error
						? { verdict: 'LOST' as const, why: 'success claimed, no payment recorded' }
						: undefined;
			return { units: unitsOf(run), broken };
		},
	},
	{
		name: 'DataFast · Goal · Create (not repeated)',
		target: { method: 'POST', path: '^/datafast/api/v1/goals$' },
		expected: {
			'reset before': 'clear error',
			'reset after applied': 'clear error',
			'malformed JSON': 'clear error',
			'200 HTML': 'clear error',
			...Object.fromEntries(['500', '502', '503', '504'].map((c) => [c, 'clear error' as const])),
		},
		run: async (cell) => {
			cell.arm();
			const run = await runNode(
				cell.node('dataFast', {
					resource: 'goal',
					operation: 'create',
					visitorId: 'a0000000-0000-4000-8000-000000000002',
					name: 'fault_matrix',
					website: rl('66f1c0ffee0123456789abcd'),
				}),
			);
			const store = (cell.sandbox as unknown as { dataFast: { goals(): IDataObject[] } }).dataFast;
			const count = store.goals().filter((g) => g.name === 'fault_matrix').length;
			return {
				units: unitsOf(run, {
					view: (item) => without(item.json, 'eventId'),
				}),
				broken: count > 1 ? { verdict: 'DUPLICATED', why: `${count} goals` } : undefined,
			};
		},
	},
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

// ---- Shipping options (v3): a read, so every fault is retried or reported; nothing is bought

const SHIPPING_OPTION_TARGET = { method: 'POST', path: '^/api/v3/shipping-options$' };
const ROUTE = {
	fromCountryCode: 'NL',
	toCountryCode: '={{ $json.country }}',
	parcels: { parcel: [{ weight: '={{ $json.kg }}' }] },
};
const SHIPPING_OPTION_ROWS: Row[] = [
	{
		name: 'Sendcloud · Shipping Option · Get Many',
		target: SHIPPING_OPTION_TARGET,
		run: async (cell) => {
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'shippingOption',
				operation: 'getAll',
				...ROUTE,
			});
			return { units: unitsOf(await runNode(node, [{ country: 'DE', kg: 2 }]), { list: true }) };
		},
	},
	{
		name: 'Sendcloud · Shipping Option · Get Best Option (3 items, 2 questions)',
		target: SHIPPING_OPTION_TARGET,
		run: async (cell) => {
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'shippingOption',
				operation: 'getBest',
				...ROUTE,
			});
			const input = [
				{ country: 'DE', kg: 2 },
				{ country: 'NL', kg: 1 },
				{ country: 'DE', kg: 2 },
			];
			return { units: unitsOf(await runNode(node, input)) };
		},
	},
	{
		name: 'Sendcloud · list search: shipping options (Create and Announce)',
		target: SHIPPING_OPTION_TARGET,
		run: async (cell) => {
			cell.arm();
			const node = cell.node('sendcloud', {
				resource: 'parcel',
				operation: 'create',
				senderType: 'address',
				senderCountryCode: 'NL',
				recipientCountryCode: 'BE',
				parcels: { parcel: [{ weight: 2 }] },
			});
			return {
				units: [await settled(async () => await listSearch(node, 'searchShippingOptions'))],
			};
		},
	},
];

// ---- Sendcloud: account data (sender addresses, brands, contracts, parcel statuses; v3 reads)

/** One read of account data: a Get (one unit) or a Get Many (the list as one unit). */
function accountRead(name: string, target: IDataObject, parameters: IDataObject): Row {
	return {
		name,
		target,
		run: async (cell) => {
			cell.arm();
			const run = await runNode(cell.node('sendcloud', parameters));
			return { units: unitsOf(run, { list: parameters.operation === 'getAll' }) };
		},
	};
}

const ACCOUNT_ROWS: Row[] = [
	accountRead(
		'Sendcloud · Sender Address · Get Many',
		// The second of two pages.
		{ method: 'GET', path: '^/api/v3/addresses/sender-addresses$', query: 'cursor=' },
		{ resource: 'senderAddress', operation: 'getAll', returnAll: true },
	),
	accountRead(
		'Sendcloud · Sender Address · Get',
		{ method: 'GET', path: '^/api/v3/addresses/sender-addresses/192$' },
		{ resource: 'senderAddress', operation: 'get', senderAddressId: rl(192) },
	),
	accountRead(
		'Sendcloud · Brand · Get Many',
		{ method: 'GET', path: '^/api/v3/brands$' },
		{ resource: 'brand', operation: 'getAll', returnAll: true },
	),
	accountRead(
		'Sendcloud · Brand · Get',
		{ method: 'GET', path: '^/api/v3/brands/42$' },
		{ resource: 'brand', operation: 'get', brandId: rl(42) },
	),
	accountRead(
		'Sendcloud · Contract · Get Many',
		{ method: 'GET', path: '^/api/v3/contracts$' },
		{ resource: 'contract', operation: 'getAll', returnAll: true },
	),
	accountRead(
		'Sendcloud · Contract · Get',
		{ method: 'GET', path: '^/api/v3/contracts/517$' },
		{ resource: 'contract', operation: 'get', contractId: rl(517) },
	),
	accountRead(
		'Sendcloud · Parcel Status · Get Many',
		{ method: 'GET', path: '^/api/v3/parcels/statuses$' },
		{ resource: 'parcelStatus', operation: 'getAll', returnAll: true },
	),
	{
		name: 'Sendcloud · list search: sender addresses',
		// The second of two pages.
		target: { method: 'GET', path: '^/api/v3/addresses/sender-addresses$', query: 'cursor=' },
		run: async (cell) => {
			cell.arm();
			return {
				units: [
					await settled(
						async () =>
							await listSearch(
								cell.node('sendcloud', { resource: 'senderAddress', operation: 'get' }),
								'searchSenderAddresses',
							),
					),
				],
			};
		},
	},
];

// ---- Sendcloud: tracking and returns (v3, issue 20)

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

const ROWS = [
	...INTEGRATION_ROWS,
	...PARCEL_ROWS,
	...OTHER_ROWS,
	...SHIPPING_OPTION_ROWS,
	...ACCOUNT_ROWS,
	...AFTER_LABEL_ROWS,
	...POINT_AND_PICKUP_ROWS,
];

// ---- Judging a cell

function errorText(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string };
	return [message, description].filter(Boolean).join(' — ');
}

function judge(
	row: Row,
	fault: Fault,
	outcome: Outcome,
	baseline: Outcome,
): { verdict: Verdict; detail?: string } {
	if (outcome.broken) return { verdict: outcome.broken.verdict, detail: outcome.broken.why };
	const same = (a: Unit[], b: Unit[]) => isDeepStrictEqual(a, b);
	if (same(outcome.units, baseline.units)) return { verdict: 'recovered' };
	const asWork = (units: Unit[]) =>
		units.map((unit) => ('view' in unit && row.work ? { view: row.work(unit.view) } : unit));
	const errors = outcome.units.filter(
		(unit): unit is { error: unknown; nodeLevel?: boolean } => 'error' in unit,
	);
	if (!errors.length) {
		if (row.work && same(asWork(outcome.units), asWork(baseline.units)))
			return { verdict: 'recovered*' };
		return { verdict: 'different output', detail: JSON.stringify(outcome.units).slice(0, 300) };
	}
	if (outcome.units.length !== baseline.units.length) {
		return {
			verdict: 'LOST',
			detail: `${outcome.units.length} output items for ${baseline.units.length} input items`,
		};
	}
	const changed = outcome.units.find(
		(unit, i) => 'view' in unit && !isDeepStrictEqual(asWork([unit]), asWork([baseline.units[i]])),
	);
	if (changed)
		return { verdict: 'different output', detail: JSON.stringify(changed).slice(0, 300) };
	const unclear = errors.find(
		(unit) =>
			unit.nodeLevel ||
			!(unit.error instanceof NodeApiError) ||
			!fault.says.test(errorText(unit.error)),
	);
	if (unclear)
		return {
			verdict: 'unclear error',
			detail: `${unclear.nodeLevel ? '(the node failed, no error item) ' : ''}${errorText(unclear.error)}`,
		};
	return { verdict: 'clear error', detail: errorText(errors[0].error) };
}

// ---- The sandboxes, one per column, each with credentials of its own

const sandboxes: Sandbox[] = COLUMNS.map(() => testSandbox());
const credentialsById = new Map<string, ICredentialDataDecryptedObject>();
/** Each cell has credentials of its own, so that it starts with a pacer of its own, as a new n8n process would. */
const credentialId = (row: number, column: number, type: string) =>
	`fault-matrix-${row}-${column}-${type}`;

jest
	.spyOn(credentialsHelper, 'getDecrypted')
	.mockImplementation(async (_additionalData, details, type) => {
		const credentials = credentialsById.get(String(details.id));
		if (!credentials) throw new Error(`No ${type} credentials with ID ${String(details.id)}`);
		return credentials;
	});

beforeAll(async () => {
	await Promise.all(sandboxes.map((sandbox) => sandbox.listen()));
	ROWS.forEach((_row, row) =>
		sandboxes.forEach((sandbox, column) => {
			credentialsById.set(credentialId(row, column, 'sendcloudApi'), {
				...API_KEY,
				partnerId: '',
				baseUrl: sandbox.sendcloudBaseUrl,
			});
			credentialsById.set(credentialId(row, column, 'dataFastApi'), {
				apiToken: DATAFAST_TOKEN,
				baseUrl: sandbox.dataFastBaseUrl,
			});
		}),
	);
});

afterEach(() => {
	// Whatever a fault does, no request the nodes send may break the official spec.
	expect(sandboxes.flatMap((sandbox) => sandbox.violations)).toEqual([]);
});

const matrix: Array<{ row: string; cells: Array<{ verdict: Verdict; detail?: string }> }> = [];

afterAll(async () => {
	await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
	stopEngineTimers();
	const markdown = renderMatrix();
	console.log(markdown);
	const file = path.join(__dirname, '..', '..', 'test-output', 'fault-matrix.md');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, markdown);
});

function cellFor(row: Row, column: number): Cell {
	const sandbox = sandboxes[column];
	const fault = FAULTS[column - 1];
	return {
		sandbox,
		node: (type, parameters) => {
			const credentialType = type.startsWith('dataFast') ? 'dataFastApi' : 'sendcloudApi';
			const credentials = {
				[credentialType]: {
					id: credentialId(ROWS.indexOf(row), column, credentialType),
					name: credentialType,
				},
			};
			return makeNode(type, parameters as INodeParameters, { credentials, continueOnFail: true });
		},
		arm: () => {
			if (fault) sandbox.injectFaults({ ...row.target, ...fault.fault });
		},
	};
}

test.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
	sandboxes.forEach((sandbox) => sandbox.reset());
	const [baseline, ...outcomes] = await Promise.all(
		COLUMNS.map(async (_column, column) => await row.run(cellFor(row, column))),
	);
	expect(baseline.broken).toBeUndefined();
	expect(baseline.units.filter((unit) => 'error' in unit)).toEqual([]);

	const cells = outcomes.map((outcome, i) => judge(row, FAULTS[i], outcome, baseline));
	matrix.push({ row: row.name, cells });
	// Every fault met its request: a cell whose fault hit nothing would judge nothing.
	expect(sandboxes.flatMap((sandbox) => sandbox.pendingFaults())).toEqual([]);

	const verdicts = Object.fromEntries(FAULTS.map((fault, i) => [fault.name, cells[i].verdict]));
	expect(
		Object.entries(verdicts).filter(
			([, verdict]) => verdict === 'LOST' || verdict === 'DUPLICATED',
		),
	).toEqual([]);
	const expected = Object.fromEntries(
		FAULTS.map((fault) => [
			fault.name,
			row.expected?.[fault.name] ?? fault.expected ?? 'recovered',
		]),
	);
	// The details (what the errors said) show in the diff when a verdict is not the one expected.
	expect({ verdicts, details: cells.map((c) => c.detail).filter(Boolean) }).toEqual({
		verdicts: expected,
		details: expect.anything(),
	});
});

function renderMatrix(): string {
	const header = `| Operation | ${FAULTS.map((f) => f.name).join(' | ')} |`;
	const rule = `| --- | ${FAULTS.map(() => '---').join(' | ')} |`;
	const lines = matrix.map(
		({ row, cells }) => `| ${row} | ${cells.map((c) => c.verdict).join(' | ')} |`,
	);
	const errors = matrix.flatMap(({ row, cells }) => {
		const byText = new Map<string, string[]>();
		cells.forEach((cell, i) => {
			if (cell.verdict === 'recovered' || cell.verdict === 'recovered*' || !cell.detail) return;
			byText.set(cell.detail, [...(byText.get(cell.detail) ?? []), FAULTS[i].name]);
		});
		return [...byText].map(([text, faults]) => `- ${row} — ${faults.join(', ')}: ${text}`);
	});
	return [
		'## Fault matrix',
		'',
		header,
		rule,
		...lines,
		'',
		'`recovered`: the same output as without the fault. `recovered*`: the same work done, found done by the attempt whose answer was lost, so reported `existing` (labels) or `unchanged` (orders, without their `shipment_uuid`). `clear error`: the item fails with a NodeApiError saying what happened, one error item per input item with Continue On Fail. Never allowed: `LOST`, `DUPLICATED`, `unclear error`, `different output`.',
		'',
		`Each fault hits the operation's request once (a later page for lists, the announce or the label file for label purchases); \`reset before\` drops the connection before the server acts, \`reset after applied\` after it has. \`slow\` answers after ${SLOW_MS / 1000} s, well within the transport's timeout (60 s a JSON call, 120 s a file), and is waited for. \`redirect elsewhere\` answers 302 to another host, which is never followed (test/redirects.test.ts checks that nothing reaches it).`,
		...(errors.length ? ['', 'What the errors said:', '', ...errors] : []),
		'',
	].join('\n');
}
