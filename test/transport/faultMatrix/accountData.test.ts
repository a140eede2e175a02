/**
 * Fault matrix (kit.ts) of Sendcloud account data (sender addresses, brands, contracts, parcel statuses;
 * v3 reads).
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch, runNode } from '../../helpers/engine';
import { faultMatrix, type Row } from './kit';
import { rl, unitsOf, settled } from './rows';

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

faultMatrix('accountData', ACCOUNT_ROWS);
