/** Fault matrix (kit.ts) of Sendcloud: integrations, exception logs, orders (v2). */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { shopOrder } from '../../helpers/orders';
import { faultMatrix, FAULTS, type Row, type Unit } from './kit';
import { rl, without, unitsOf, integration } from './rows';

const succeeded = (units: Unit[]) =>
	units.filter((unit): unit is { view: unknown } => 'view' in unit);

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

faultMatrix('integrations', INTEGRATION_ROWS);
