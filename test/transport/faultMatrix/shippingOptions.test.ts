/**
 * Fault matrix (kit.ts) of shipping options (v3): a read, so every fault is retried or reported; nothing
 * is bought.
 */
import { listSearch, runNode } from '../../helpers/engine';
import { faultMatrix, type Row } from './kit';
import { unitsOf, settled } from './rows';

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

faultMatrix('shippingOptions', SHIPPING_OPTION_ROWS);
