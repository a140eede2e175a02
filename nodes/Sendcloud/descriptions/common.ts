import type { IDisplayOptions, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function integrationIdLocator(displayOptions: IDisplayOptions, description?: string): INodeProperties {
	return {
		displayName: 'Integration',
		name: 'integrationId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchIntegrations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[1-9][0-9]*\\s*$',
							errorMessage: 'An integration ID is a positive whole number',
						},
					},
				],
			},
		],
	};
}

/** Path of the chosen integration, validated: every operation on one integration starts here. */
export const INTEGRATION_PATH = '=/integrations/{{ String($parameter.integrationId).trim() }}';

export function integrationIdOf(this: IExecuteSingleFunctions): number {
	const raw = String(this.getNodeParameter('integrationId', undefined, { extractValue: true }) ?? '');
	if (!/^\s*[1-9][0-9]*\s*$/.test(raw)) {
		throw new NodeOperationError(this.getNode(), `"${raw}" is not an integration ID`, {
			itemIndex: this.getItemIndex(),
			description: 'An integration ID is a positive whole number, such as 12345.',
		});
	}
	return Number(raw);
}

export async function validateIntegrationId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	integrationIdOf.call(this);
	return requestOptions;
}

export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
}
