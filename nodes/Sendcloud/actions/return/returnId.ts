import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const returnIdField: INodeProperties = {
	displayName: 'Return ID',
	name: 'returnId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1751075',
	description: 'Sendcloud’s ID of the return, as Create (return_id) and Get Many (ID) return it',
};

/** The return ID item `i` names, checked before any request. */
export function returnIdAt(ctx: IExecuteFunctions, i: number): number {
	const raw = String(ctx.getNodeParameter('returnId', i, '') ?? '').trim();
	if (!/^[1-9][0-9]*$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a return ID`, {
			itemIndex: i,
			description: 'A return ID is a whole number, such as the "return_id" Create returns.',
		});
	}
	return Number(raw);
}
