/** Fault matrix (kit.ts) of DataFast: the Payment Integration status, reads, a payment, a goal. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { faultMatrix, type Row } from './kit';
import { rl, without, unitsOf } from './rows';

const DATAFAST_ROWS: Row[] = [
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
];

faultMatrix('dataFast', DATAFAST_ROWS);
