import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { autoMap, calls, errorOf, parcelNode } from '../../helpers/nodes';
import { useSandbox } from '../../helpers/sandbox';
import { apiShipment } from '../../helpers/shipments';

const sandbox = useSandbox();

describe('Download Document', () => {
	async function announced(count: number): Promise<number[]> {
		const { json } = await runNode(
			autoMap({ downloadLabel: false }),
			Array.from({ length: count }, (_, n) => apiShipment(`doc-${n}`)),
		);
		sandbox.requests.length = 0;
		return json.map((shipment) => (shipment.parcels as IDataObject[])[0].id as number);
	}

	test('one file per item, each paired with its item', async () => {
		const ids = await announced(2);
		const { items } = await runNode(
			parcelNode({ operation: 'downloadDocument', parcelId: '={{ $json.parcel }}' }),
			ids.map((parcel) => ({ parcel })),
		);
		expect(calls(sandbox)).toEqual(
			ids.map((id) => `GET /api/v3/parcels/${id}/documents/label?paper_size=A6&dpi=72`),
		);
		expect(items.map((item) => [item.json, item.binary?.data.fileName, item.pairedItem])).toEqual(
			ids.map((id, item) => [
				{
					parcel_id: id,
					document_type: 'label',
					file_name: `label-${id}.pdf`,
					mime_type: 'application/pdf',
				},
				`label-${id}.pdf`,
				{ item },
			]),
		);
	});

	test('a print batch puts 25 items’ labels into two files (20 + 5), each paired with its items', async () => {
		const ids = await announced(25);
		const { items } = await runNode(
			parcelNode({
				operation: 'downloadDocument',
				documentMode: 'printBatch',
				parcelId: '={{ $json.parcel }}',
			}),
			ids.map((parcel) => ({ parcel })),
		);
		expect(calls(sandbox)).toEqual([
			`GET /api/v3/parcel-documents/label?${ids
				.slice(0, 20)
				.map((id) => `parcels=${id}`)
				.join('&')}&paper_size=A6`,
			`GET /api/v3/parcel-documents/label?${ids
				.slice(20)
				.map((id) => `parcels=${id}`)
				.join('&')}&paper_size=A6`,
		]);
		expect(
			items.map((item) => [
				item.json.parcel_count,
				item.binary?.data.fileName,
				(item.pairedItem as unknown[]).length,
			]),
		).toEqual([
			[20, 'labels-1-of-2.pdf', 20],
			[5, 'labels-2-of-2.pdf', 5],
		]);
	});

	test('a parcel ID that is not one fails that item only (Continue On Fail)', async () => {
		const [id] = await announced(1);
		const { items } = await runNode(
			parcelNode(
				{ operation: 'downloadDocument', parcelId: '={{ $json.parcel }}' },
				{ continueOnFail: true },
			),
			[{ parcel: 'abc' }, { parcel: id }],
		);
		expect(errorOf(items[0]).message).toBe('"abc" is not a parcel ID');
		expect(items[1].json.parcel_id).toBe(id);
		expect(calls(sandbox)).toHaveLength(1);
	});

	test('an unknown parcel fails with Sendcloud’s reason', async () => {
		const { error } = await runNode(
			parcelNode({ operation: 'downloadDocument', parcelId: '999999999' }),
		);
		expect(error?.message).toBe(
			"Sendcloud could not find parcel 999999999: check the parcel ID (in a shipment's parcels), or find it with Parcel & Label → Get Many",
		);
	});
});
