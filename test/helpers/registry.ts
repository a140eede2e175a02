/** The node and credential types the test engine knows: this package's, and a Start node. */
import {
	NodeHelpers,
	type ICredentialType,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { DataFastApi } from '../../credentials/DataFastApi.credentials';
import { SendcloudApi } from '../../credentials/SendcloudApi.credentials';
import { SendcloudOAuth2Api } from '../../credentials/SendcloudOAuth2Api.credentials';
import { DataFast } from '../../nodes/DataFast/DataFast.node';
import { DataFastTrigger } from '../../nodes/DataFast/DataFastTrigger.node';
import { Sendcloud } from '../../nodes/Sendcloud/Sendcloud.node';
import { SendcloudTrigger } from '../../nodes/Sendcloud/SendcloudTrigger.node';
import { SendcloudWebhookTrigger } from '../../nodes/Sendcloud/SendcloudWebhookTrigger.node';

export const PACKAGE = 'n8n-nodes-sendcloud-datafast';

/** Stands in for the Manual Trigger: starts the workflow with the items a test gives it. */
class TestStart implements INodeType {
	description = {
		displayName: 'Test Start',
		name: 'testStart',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		return [this.getInputData()];
	}
}

export const nodeClasses: Record<string, INodeType> = {
	[`${PACKAGE}.sendcloud`]: new Sendcloud(),
	[`${PACKAGE}.dataFast`]: new DataFast(),
	[`${PACKAGE}.dataFastTrigger`]: new DataFastTrigger(),
	[`${PACKAGE}.sendcloudTrigger`]: new SendcloudTrigger(),
	[`${PACKAGE}.sendcloudWebhookTrigger`]: new SendcloudWebhookTrigger(),
	'test.start': new TestStart(),
};

export function registerNodeType(name: string, type: INodeType) {
	nodeClasses[name] = type;
}

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeClasses[name] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (name, version) =>
		NodeHelpers.getVersionedNodeType(nodeClasses[name], version),
	getKnownTypes: () => ({}),
};

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new SendcloudApi(), new SendcloudOAuth2Api(), new DataFastApi()].map((c) => [c.name, c]),
);
