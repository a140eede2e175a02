/**
 * Runs this package's nodes through n8n-core's real execution engine: WorkflowExecute (which
 * hands declarative nodes to the real RoutingNode and custom operations to the node), real
 * credential authentication, real credential tests and real PollContext. What touches n8n-core
 * itself is in ./n8nCore; the tests import from here.
 */
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type IRun,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { credentialsHelper, withDefaults } from './credentials';
import {
	credentialTestContext,
	executeWorkflow,
	loadOptionsContext,
	pollContext,
	routingNode,
} from './n8nCore';
import { credentialTypes, nodeClasses, nodeTypes, PACKAGE, registerNodeType } from './registry';

export { credentialsHelper, TestCredentialsHelper } from './credentials';
export { stopEngineTimers } from './n8nCore';
export { nodeTypes, PACKAGE, registerNodeType } from './registry';
export { WebhookTriggerRunner } from './webhookRunner';

const CREDENTIAL_OF: Record<string, (parameters: INodeParameters) => string> = {
	sendcloud: (p) => (p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi'),
	sendcloudTrigger: (p) => (p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi'),
	sendcloudWebhookTrigger: (p) =>
		p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi',
	dataFast: () => 'dataFastApi',
	dataFastTrigger: () => 'dataFastApi',
};

export function makeNode(
	type:
		'sendcloud' | 'dataFast' | 'sendcloudTrigger' | 'sendcloudWebhookTrigger' | 'dataFastTrigger',
	parameters: INodeParameters,
	settings: Partial<INode> = {},
): INode {
	const credentialType = CREDENTIAL_OF[type](parameters);
	return {
		id: `node-${type}`,
		name: type.startsWith('dataFast') ? 'DataFast' : 'Sendcloud',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { [credentialType]: { id: `cred-${credentialType}`, name: credentialType } },
		...settings,
	};
}

export interface NodeRun {
	/** The node's output items (first output), as n8n stores them. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The node's error when the execution failed. */
	error?: Error & IDataObject;
	run: IRun;
}

/**
 * Executes Start → node in a real workflow and returns what the node produced. `executionId`: another
 * execution (a re-run, or another instance whose ids collide with this one's).
 */
export async function runNode(
	node: INode,
	inputItems: IDataObject[] = [{}],
	mode: WorkflowExecuteMode = 'manual',
	{
		executionId = 'test-execution',
		timezone,
	}: { executionId?: string; /** The workflow's time zone setting. */ timezone?: string } = {},
): Promise<NodeRun> {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'test.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [start, node],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: timezone ? { timezone } : {},
	});
	const run = await executeWorkflow(workflow, start, inputItems, mode, executionId);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	return {
		items,
		json: items.map((item) => item.json),
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}

/** Runs a credential type's test the way n8n's CredentialsTester does. */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credentialType = credentialTypes[type];
	const decrypted = { id: `cred-${type}`, name: type, type, data: withDefaults(type, data) };
	credentialsHelper.set(type, decrypted.data);
	if (!credentialType.test) {
		const nodeType = Object.values(nodeClasses).find((n) =>
			(n as INodeType).description.credentials?.some(
				(c) => c.name === type && typeof c.testedBy === 'string',
			),
		) as INodeType;
		const testedBy = nodeType.description.credentials!.find((c) => c.name === type)!
			.testedBy as string;
		return await nodeType.methods!.credentialTest![testedBy].call(
			credentialTestContext(),
			decrypted,
		);
	}
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'test.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: decrypted.id, name: decrypted.name } },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'test.credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credentialType.test.request },
				},
			],
		} as unknown as INodeType['description'],
	};
	registerNodeType('test.credentialTest', nodeType);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const run = routingNode(workflow, node, nodeType, decrypted);
	// The rules are applied as n8n's CredentialsTester applies them: `responseCode` to an HTTP
	// error's status, `responseSuccessBody` (lodash `get` of a dotted key) to the first item.
	const rules = credentialType.test.rules ?? [];
	let output: INodeExecutionData[][] | null | undefined;
	try {
		output = await run();
	} catch (error) {
		const { cause } = error as {
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		const response = cause?.response;
		if (response) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	const body: unknown = output?.[0]?.[0]?.json;
	for (const rule of rules) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>(
				(at, key) => (at as Record<string, unknown> | null | undefined)?.[key],
				body,
			);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** Calls a node's list-search method in a real LoadOptionsContext. */
export async function listSearch(
	node: INode,
	method: string,
	filter?: string,
): Promise<INodeListSearchResult> {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = loadOptionsContext(workflow, node);
	const nodeType = nodeClasses[node.type];
	return await nodeType.methods!.listSearch![method].call(context, filter);
}

/**
 * Polls a trigger node through a real PollContext, keeping its static data between polls the
 * way n8n does: saved as JSON after a successful poll, loaded into a new Workflow for the next
 * one (so every poll is also a restart).
 */
export class TriggerRunner {
	staticData: IDataObject = {};

	constructor(readonly node: INode) {}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<IDataObject[] | null> {
		const workflow = new Workflow({
			id: 'trigger-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)),
		});
		const context = pollContext(workflow, this.node, mode);
		const result = await (nodeClasses[this.node.type] as INodeType).poll!.call(context);
		this.staticData = JSON.parse(JSON.stringify(workflow.staticData));
		return result === null ? null : result[0].map((item) => item.json);
	}
}
