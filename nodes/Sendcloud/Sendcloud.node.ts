import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { sendcloudDescription } from './actions/node.description';
import { router } from './actions/router';
import { searchIntegrations } from './methods/listSearch';

export class Sendcloud implements INodeType {
	description = sendcloudDescription;

	methods = {
		listSearch: { searchIntegrations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
