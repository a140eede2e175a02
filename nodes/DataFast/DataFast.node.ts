import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { dataFastProperties } from './actions/properties';
import { router } from './actions/router';
import { searchWebsites } from './methods/listSearch';

export class DataFast implements INodeType {
	// Written out here, not imported: n8n's package scanner reads a node's name and icon from the
	// literal in its `.node.ts` file, and refuses a node description found in any other file.
	description: INodeTypeDescription = {
		displayName: 'DataFast',
		name: 'dataFast',
		icon: { light: 'file:datafast.svg', dark: 'file:datafast.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read DataFast analytics and visitors, record payments, goals and users, and read websites, funnels and payment provider connections',
		defaults: { name: 'DataFast' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dataFastApi', required: true }],
		properties: dataFastProperties,
	};

	methods = {
		listSearch: { searchWebsites },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
