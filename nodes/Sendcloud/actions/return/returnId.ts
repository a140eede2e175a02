import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const returnIdField: INodeProperties = {
	displayName: 'Return',
	name: 'returnId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The return: pick one of the last 90 days, or give Sendcloud’s return ID, as Create (return_id) and Get Many (ID) return it',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchReturns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1751075',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[1-9][0-9]*\\s*$',
						errorMessage: 'A return ID is a positive whole number',
					},
				},
			],
		},
	],
};

/** The return ID item `i` names (from the list, typed, or mapped), checked before any request. */
export function returnIdAt(ctx: IExecuteFunctions, i: number): number {
	const raw = String(ctx.getNodeParameter('returnId', i, '', { extractValue: true }) ?? '').trim();
	if (!/^[1-9][0-9]*$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a return ID`, {
			itemIndex: i,
			description: 'A return ID is a whole number, such as the "return_id" Create returns.',
		});
	}
	return Number(raw);
}
