import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * One operation of a resource: its fields (display rules included) and its code. `execute` gets
 * every input item and returns one output item per input item, paired with it (a list operation
 * returns the records it found for each item).
 */
export interface Operation {
	/** The entry in the resource's Operation list: name, value, action and description. */
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** A resource's operations by their stored value (`getAll`, `upsert`, …). */
export type Resource = Record<string, Operation>;

/** The Operation field of a resource and the fields of all its operations, for the node's properties. */
export function resourceProperties(
	resource: string,
	operations: Resource,
	defaultOperation: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			default: defaultOperation,
			// n8n lists operations alphabetically by name.
			options: Object.values(operations)
				.map((operation) => operation.option)
				.sort((a, b) => a.name.localeCompare(b.name)),
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}

/**
 * Runs the operation the node is set to. Every host n8n offers (a workflow, the AI Agent, the MCP
 * Server Trigger) calls a node's `execute`, so every operation runs wherever the node does.
 */
export async function route(
	this: IExecuteFunctions,
	resources: Record<string, Resource>,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of the resource "${resource}" is not known to this version of the node`,
		);
	}
	return [await run.execute.call(this, this.getInputData())];
}
