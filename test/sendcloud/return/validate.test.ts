import { runNode } from '../../helpers/engine';
import { afterLabel, apiReturn, returnNode, RETURN_FIELDS, v3Calls } from '../../helpers/returns';
import { useSandbox } from '../../helpers/sandbox';

// Issue 20, item 2: Validate asks Sendcloud whether a return would go through, and buys nothing.
const sandbox = useSandbox();

describe('Return → Validate', () => {
	test('a valid return: valid, the return as Sendcloud checked it, nothing created', async () => {
		const { json } = await runNode(returnNode({ operation: 'validate', ...RETURN_FIELDS }));
		expect(json[0]).toMatchObject({ valid: true, return: { weight: 1.2, order_number: 'SHOP-1' } });
		expect(v3Calls(sandbox, '/returns')).toEqual(['POST /returns/validate 200']);
		expect(afterLabel(sandbox).returns()).toEqual([]);
	});

	test('refused returns are answers, not failures: valid false with the reason, one item per input', async () => {
		const { json } = await runNode(
			returnNode({ operation: 'validate', dataMode: 'autoMapInputData' }),
			[
				apiReturn({
					from_address: { ...(apiReturn().from_address as object), postal_code: '9999 ZZ' },
				}),
				apiReturn({
					from_address: {
						...(apiReturn().from_address as object),
						country_code: 'CH',
						postal_code: '8001',
					},
				}),
				apiReturn(),
			],
		);
		expect(json).toEqual([
			{
				valid: false,
				reason: 'from_address.postal_code: Carrier error: postal code 9999 ZZ does not exist.',
				errors: [
					{
						field: 'from_address.postal_code',
						code: 'invalid',
						message: 'Carrier error: postal code 9999 ZZ does not exist.',
					},
				],
			},
			expect.objectContaining({
				valid: false,
				reason: 'parcel_items: Parcel items are required for a return from outside the EU.',
			}),
			expect.objectContaining({ valid: true }),
		]);
		expect(afterLabel(sandbox).returnLabelsBought()).toBe(0);
	});

	test('an item without a weight is refused before sending', async () => {
		const { error } = await runNode(
			returnNode({ operation: 'validate', dataMode: 'autoMapInputData' }),
			[apiReturn({ weight: { value: 0, unit: 'kg' } })],
		);
		expect(error?.message).toBe('The return of item 0 lacks a weight above 0 (weight)');
		expect(v3Calls(sandbox, '/returns')).toEqual([]);
	});
});
