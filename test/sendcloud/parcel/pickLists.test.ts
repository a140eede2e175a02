/**
 * Create and Announce and Get Many take sender address, brand, contract and parcel status from pick lists, and
 * workflows saved when those fields held plain numbers or text still send the same requests.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { announces, byId, calls, create, errorOf, parcelNode } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

const sandbox = useSandbox();

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const sent = () => announces(sandbox).map((r) => r.body as IDataObject);

describe('Create and Announce', () => {
	test('takes the sender address, brand and contract picked from their lists', async () => {
		const { json, error } = await runNode(
			create({
				downloadLabel: false,
				senderAddressId: fromList('200'),
				additionalFields: { brandId: fromList('42'), contractId: byId(517) },
			}),
		);
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			expect.objectContaining({
				from_address: { sender_address_id: 200 },
				brand_id: 42,
				ship_with: {
					type: 'shipping_option_code',
					properties: { shipping_option_code: 'postnl:standard', contract_id: 517 },
				},
			}),
		]);
		// The sandbox filled the label's sender from the saved address.
		expect(sandbox.v3.shipments()[0].from_address).toMatchObject({ city: 'Paris' });
		expect(json[0]).toMatchObject({ status: 'created', brand_id: 42 });
	});

	test('a workflow saved with plain numbers (sender address 192, contract 517) sends the same shipment, with the same derived reference, as the pick lists', async () => {
		await runNode(
			create({ downloadLabel: false, senderAddressId: 192, additionalFields: { contractId: 517 } }),
		);
		sandbox.reset();
		await runNode(
			create({
				downloadLabel: false,
				senderAddressId: fromList('192'),
				additionalFields: { contractId: fromList('517') },
			}),
		);
		const [fromPickLists] = sent();
		expect(fromPickLists).toMatchObject({
			from_address: { sender_address_id: 192 },
			ship_with: { properties: { contract_id: 517 } },
		});
		expect(fromPickLists).not.toHaveProperty('brand_id');
		// Re-running the old workflow after the upgrade finds the label it bought instead of buying another.
		sandbox.reset();
		await runNode(
			create({ downloadLabel: false, senderAddressId: 192, additionalFields: { contractId: 517 } }),
		);
		expect(sent()[0]).toEqual(fromPickLists);
	});

	test('a sender address given by an expression per item, and an empty brand and contract are left out', async () => {
		const { json } = await runNode(
			create({
				downloadLabel: false,
				senderAddressId: { __rl: true, mode: 'id', value: '={{ $json.sender }}' },
				additionalFields: { brandId: fromList(''), contractId: fromList('') },
			}),
			[{ sender: 193 }, { sender: '194' }],
		);
		expect(json).toHaveLength(2);
		expect(sent().map((b) => b.from_address)).toEqual([
			{ sender_address_id: 193 },
			{ sender_address_id: 194 },
		]);
		expect(sent()[0]).not.toHaveProperty('brand_id');
		expect(sent()[0].ship_with).toEqual({
			type: 'shipping_option_code',
			properties: { shipping_option_code: 'postnl:standard' },
		});
	});

	test('no sender address, or one that is no ID, is refused before anything is sent', async () => {
		const { items } = await runNode(
			create(
				{ senderAddressId: { __rl: true, mode: 'id', value: '={{ $json.sender }}' } },
				{ continueOnFail: true },
			),
			[{ sender: '' }, { sender: 'Eindhoven' }],
		);
		expect(items.map((item) => errorOf(item).message)).toEqual([
			'No sender address is chosen',
			'"Eindhoven" is not a sender address ID',
		]);
		expect(calls(sandbox)).toEqual([]);
	});
});

describe('Get Many: the parcel status filter', () => {
	beforeEach(() => {
		const [delivered] = sandbox.v3.seedShipments([
			apiShipment('status-1'),
			apiShipment('status-2'),
		]);
		sandbox.v3.advanceParcels({ shipmentId: String(delivered.id) });
	});

	test.each([
		['picked from the list', fromList('READY_TO_SEND')],
		['given by code', { __rl: true, mode: 'code', value: 'READY_TO_SEND' }],
		['saved as plain text before it was a list', 'READY_TO_SEND'],
	])('%s', async (_, parcelStatus) => {
		const { json, error } = await runNode(
			parcelNode({ operation: 'getAll', returnAll: true, filters: { parcelStatus } }),
		);
		expect(error).toBeUndefined();
		expect(json.map((s) => s.external_reference_id)).toEqual(['status-2']);
		expect(calls(sandbox)).toEqual([
			'GET /api/v3/shipments?parcel_status=READY_TO_SEND&page_size=100',
		]);
	});
});
