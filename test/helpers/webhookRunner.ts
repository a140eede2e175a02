/** A webhook trigger node served over loopback HTTP the way n8n serves it, with n8n's activation. */
import * as http from 'http';
import { type IDataObject, type INode, type INodeType, Workflow } from 'n8n-workflow';

import { hookContext, webhookContext } from './n8nCore';
import { nodeClasses, nodeTypes } from './registry';

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
		const context = hookContext(workflow, this.node, mode, this.baseUrl, this.webhookData(mode));
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		this.keep(mode, workflow);
	}

	async deactivate(mode: 'manual' | 'trigger' = 'trigger'): Promise<void> {
		const workflow = this.workflow(mode);
		const context = hookContext(workflow, this.node, mode, this.baseUrl, this.webhookData(mode));
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
		const context = webhookContext(
			workflow,
			this.node,
			mode,
			this.baseUrl,
			this.webhookData(mode),
			{
				httpRequest: request,
				httpResponse: express,
			},
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
