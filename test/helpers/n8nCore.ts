/**
 * The adapter to n8n-core: the only file under test/ that imports it (test/package/layout.test.ts
 * checks), so that an n8n upgrade which moves or changes its internals breaks here and nowhere else.
 * It builds what n8n builds around a node (execution hooks, additional data, the node's contexts)
 * and runs workflows through the real WorkflowExecute and declarative nodes through RoutingNode.
 */
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
	type ICredentialsDecrypted,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { credentialsHelper } from './credentials';

export type Hooks = ExecutionLifecycleHooks;

/** n8n's execution lifecycle hooks for one execution (`workflowData`: the workflow as saved). */
export function hooks(mode: WorkflowExecuteMode, executionId: string, workflowData: object = {}) {
	return new ExecutionLifecycleHooks(mode, executionId, workflowData as never);
}

/** What n8n hands every context besides the workflow: credentials, hooks and its URLs. */
export function additionalData(
	executionHooks: Hooks,
	baseUrl = 'http://127.0.0.1',
	executionId = 'test-execution',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks: executionHooks,
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

/**
 * Runs a workflow from `start` (fed `inputItems`) through the real WorkflowExecute and returns the
 * run as the workflowExecuteAfter hook receives it.
 */
export async function executeWorkflow(
	workflow: Workflow,
	start: INode,
	inputItems: IDataObject[],
	mode: WorkflowExecuteMode,
	executionId: string,
): Promise<IRun> {
	const executionHooks = hooks(mode, executionId, {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: workflow.nodes as unknown as INode[],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	});
	const done = createDeferredPromise<IRun>();
	executionHooks.addHandler('workflowExecuteAfter', (run: IRun) => done.resolve(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [inputItems.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const execute = new WorkflowExecute(
		additionalData(executionHooks, undefined, executionId),
		mode,
		runExecutionData,
	);
	await execute.processRunExecutionData(workflow);
	return await done.promise;
}

/** The context n8n's CredentialsTester gives a node's own credential test method. */
export function credentialTestContext() {
	return new CredentialTestContext();
}

/**
 * A declarative node type's routing over one empty input item, as a credential test runs it: the
 * context is built now, the requests are sent when the returned function is called.
 */
export function routingNode(
	workflow: Workflow,
	node: INode,
	nodeType: INodeType,
	credentials: ICredentialsDecrypted,
): () => Promise<INodeExecutionData[][] | null | undefined> {
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(hooks('internal', 'cred-test')),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	return async () => await new RoutingNode(context, nodeType, credentials).runNode();
}

export function loadOptionsContext(workflow: Workflow, node: INode) {
	// The editor sends the node's current parameters with every list search.
	const data = { ...additionalData(hooks('internal', 'list-search')) };
	data.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, data, '');
}

export function pollContext(workflow: Workflow, node: INode, mode: WorkflowExecuteMode) {
	return new PollContext(workflow, node, additionalData(hooks(mode, 'poll')), mode, 'activate');
}

/** The context of a webhook node's checkExists / create / delete (n8n's activation). */
export function hookContext(
	workflow: Workflow,
	node: INode,
	mode: 'manual' | 'trigger',
	baseUrl: string,
	webhookData: unknown,
) {
	return new HookContext(
		workflow,
		node,
		additionalData(hooks(mode, 'hook'), baseUrl),
		mode,
		'activate',
		webhookData as never,
	);
}

/** The context of a webhook node's `webhook()`, for one request n8n received. */
export function webhookContext(
	workflow: Workflow,
	node: INode,
	mode: 'manual' | 'trigger',
	baseUrl: string,
	webhookData: unknown,
	http: { httpRequest: unknown; httpResponse: unknown },
) {
	const data = {
		...additionalData(hooks(mode, 'webhook'), baseUrl),
		...http,
	} as IWorkflowExecuteAdditionalData;
	return new WebhookContext(workflow, node, data, mode, webhookData as never, [], null);
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
