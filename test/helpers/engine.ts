/**
 * Runs this package's nodes through n8n-core's real execution engine: WorkflowExecute (which
 * hands declarative nodes to the real RoutingNode and custom operations to the node), real
 * credential authentication, real credential tests and real PollContext.
 */
import * as http from 'http';
import {
	CredentialTestContext,
	ExecuteContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createDeferredPromise,
	createEmptyRunExecutionData,
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { DataFastApi } from '../../credentials/DataFastApi.credentials';
import { SendcloudApi } from '../../credentials/SendcloudApi.credentials';
import { SendcloudOAuth2Api } from '../../credentials/SendcloudOAuth2Api.credentials';
import { DataFast } from '../../nodes/DataFast/DataFast.node';
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

const nodeClasses: Record<string, INodeType> = {
	[`${PACKAGE}.sendcloud`]: new Sendcloud(),
	[`${PACKAGE}.dataFast`]: new DataFast(),
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

const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new SendcloudApi(), new SendcloudOAuth2Api(), new DataFastApi()].map((c) => [c.name, c]),
);

/** Like n8n's own CredentialsHelper: defaults, generic authentication, persisted OAuth2 tokens. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	tokenUpdates = 0;

	set(type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(type, { ...data });
	}

	getParentTypes(name: string): string[] {
		return credentialTypes[name]?.extends ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		const resolve = (value: string) =>
			workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', {
				$credentials: credentials,
			}) as string;
		const options = requestOptions as IHttpRequestOptions & Record<string, IDataObject>;
		for (const [kind, values] of Object.entries(authenticate.properties) as Array<
			[string, Record<string, string>]
		>) {
			const resolved = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, resolve(v)]));
			options[kind] = { ...(options[kind] ?? {}), ...resolved };
		}
		return options;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return { getData: () => this.store.get(type) ?? {} } as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return withDefaults(type, this.store.get(type) ?? {});
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.tokenUpdates++;
		this.store.set(type, { ...(this.store.get(type) ?? {}), oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

function withDefaults(
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const defaults = Object.fromEntries(
		(credentialTypes[type]?.properties ?? []).map((p) => [p.name, p.default as unknown]),
	);
	return { ...defaults, ...data } as ICredentialDataDecryptedObject;
}

export const credentialsHelper = new TestCredentialsHelper();

function additionalData(
	hooks: ExecutionLifecycleHooks,
	baseUrl = 'http://127.0.0.1',
	executionId = 'test-execution',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		currentNodeParameters: undefined,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

const CREDENTIAL_OF: Record<string, (parameters: INodeParameters) => string> = {
	sendcloud: (p) => (p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi'),
	sendcloudTrigger: (p) => (p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi'),
	sendcloudWebhookTrigger: (p) =>
		p.authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi',
	dataFast: () => 'dataFastApi',
};

export function makeNode(
	type: 'sendcloud' | 'dataFast' | 'sendcloudTrigger' | 'sendcloudWebhookTrigger',
	parameters: INodeParameters,
	settings: Partial<INode> = {},
): INode {
	const credentialType = CREDENTIAL_OF[type](parameters);
	return {
		id: `node-${type}`,
		name: type === 'dataFast' ? 'DataFast' : 'Sendcloud',
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
	{ executionId = 'test-execution' }: { executionId?: string } = {},
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
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: workflow.nodes as unknown as INode[],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	const done = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => done.resolve(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [inputItems.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const execute = new WorkflowExecute(
		additionalData(hooks, undefined, executionId),
		mode,
		runExecutionData,
	);
	await execute.processRunExecutionData(workflow);
	const run = await done.promise;
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
			new CredentialTestContext(),
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
	const hooks = new ExecutionLifecycleHooks('internal', 'cred-test', {} as never);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(hooks),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	// The rules are applied as n8n's CredentialsTester applies them: `responseCode` to an HTTP
	// error's status, `responseSuccessBody` (lodash `get` of a dotted key) to the first item.
	const rules = credentialType.test.rules ?? [];
	let output: INodeExecutionData[][] | null | undefined;
	try {
		output = await new RoutingNode(context, nodeType, decrypted).runNode();
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
	const hooks = new ExecutionLifecycleHooks('internal', 'list-search', {} as never);
	const context = new LoadOptionsContext(workflow, node, additionalData(hooks), '');
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
		const hooks = new ExecutionLifecycleHooks(mode, 'poll', {} as never);
		const context = new PollContext(workflow, this.node, additionalData(hooks), mode, 'activate');
		const result = await (nodeClasses[this.node.type] as INodeType).poll!.call(context);
		this.staticData = JSON.parse(JSON.stringify(workflow.staticData));
		return result === null ? null : result[0].map((item) => item.json);
	}
}

/**
 * A webhook trigger served the way n8n serves it: a loopback HTTP server whose requests reach the
 * node's `webhook()` through n8n-core's real WebhookContext, with the body parsed and its raw
 * bytes kept as n8n's body parser keeps them; registration runs through the real HookContext.
 * Static data is kept between calls as JSON, as n8n saves it (every call is also a restart), per
 * mode: n8n gives test webhooks static data of their own.
 */
export class WebhookTriggerRunner {
	private readonly staticData: Record<'manual' | 'trigger', IDataObject> = {
		manual: {},
		trigger: {},
	};
	private server?: http.Server;
	baseUrl = '';
	/** The items of each execution the node started, in order. */
	readonly executions: IDataObject[][] = [];
	/** Every call the node answered: status and whether it started an execution. */
	readonly calls: Array<{ mode: string; status: number; started: boolean }> = [];

	constructor(readonly node: INode) {
		node.webhookId ??= 'a1b2c3d4-0000-4000-8000-00000000abcd';
	}

	async listen(): Promise<void> {
		this.server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => void this.serve(request, response, Buffer.concat(chunks)));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
	}

	async close(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	url(mode: 'manual' | 'trigger'): string {
		return `${this.baseUrl}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${this.node.webhookId}/webhook`;
	}

	private workflow(mode: 'manual' | 'trigger') {
		return new Workflow({
			id: 'webhook-workflow',
			nodes: [this.node],
			connections: {},
			active: mode === 'trigger',
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData[mode])),
		});
	}

	private keep(mode: 'manual' | 'trigger', workflow: Workflow) {
		this.staticData[mode] = JSON.parse(JSON.stringify(workflow.staticData));
	}

	private webhookData(mode: 'manual' | 'trigger') {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
			workflowId: 'webhook-workflow',
			isTest: mode === 'manual',
		} as never;
	}

	/** n8n's activation: create the webhook unless checkExists finds it (as n8n does on every start). */
	async activate(mode: 'manual' | 'trigger' = 'trigger'): Promise<void> {
		const methods = (nodeClasses[this.node.type] as INodeType).webhookMethods!.default!;
		const workflow = this.workflow(mode);
		const context = new HookContext(
			workflow,
			this.node,
			additionalData(new ExecutionLifecycleHooks(mode, 'hook', {} as never), this.baseUrl),
			mode,
			'activate',
			this.webhookData(mode),
		);
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		this.keep(mode, workflow);
	}

	async deactivate(mode: 'manual' | 'trigger' = 'trigger'): Promise<void> {
		const workflow = this.workflow(mode);
		const context = new HookContext(
			workflow,
			this.node,
			additionalData(new ExecutionLifecycleHooks(mode, 'hook', {} as never), this.baseUrl),
			mode,
			'activate',
			this.webhookData(mode),
		);
		await (nodeClasses[this.node.type] as INodeType).webhookMethods!.default!.delete.call(context);
		this.keep(mode, workflow);
	}

	private async serve(
		request: http.IncomingMessage,
		response: http.ServerResponse,
		rawBody: Buffer,
	) {
		const mode = request.url?.startsWith('/webhook-test/') ? 'manual' : 'trigger';
		// What n8n's body parser leaves on the request, and the Express helpers the node may use.
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		Object.assign(request, { rawBody, body, query: {}, params: {} });
		const express = Object.assign(response, {
			status(code: number) {
				response.statusCode = code;
				return express;
			},
			json(value: unknown) {
				response.setHeader('Content-Type', 'application/json');
				response.end(JSON.stringify(value));
				return express;
			},
		});
		const workflow = this.workflow(mode);
		const data = {
			...additionalData(new ExecutionLifecycleHooks(mode, 'webhook', {} as never), this.baseUrl),
			httpRequest: request,
			httpResponse: express,
		} as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			workflow,
			this.node,
			data,
			mode,
			this.webhookData(mode),
			[],
			null,
		);
		try {
			const result = await (nodeClasses[this.node.type] as INodeType).webhook!.call(context);
			this.keep(mode, workflow);
			const started = result.workflowData !== undefined;
			if (started) this.executions.push(result.workflowData![0].map((item) => item.json));
			if (!result.noWebhookResponse) {
				response.statusCode = 200;
				response.end(JSON.stringify({ message: 'Workflow was started' }));
			}
			this.calls.push({ mode, status: response.statusCode, started });
		} catch (error) {
			response.statusCode = 500;
			response.end(JSON.stringify({ message: (error as Error).message }));
			this.calls.push({ mode, status: 500, started: false });
		}
	}
}

/**
 * n8n-core's SSH client manager and cron manager start process-wide intervals when the engine
 * first builds them (an n8n server stops them at shutdown); a test process stops them itself.
 */
export function stopEngineTimers() {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require('@n8n/di');
	const services = [
		require('n8n-core/dist/execution-engine/ssh-clients-manager').SSHClientsManager,
		require('n8n-core/dist/execution-engine/scheduled-task-manager').ScheduledTaskManager,
	];
	/* eslint-enable @typescript-eslint/no-require-imports */
	for (const service of services) {
		if (!Container.has(service)) continue;
		const instance = Container.get(service);
		clearInterval(instance.cleanupTimer);
		clearInterval(instance.logInterval);
	}
}
