'use strict';
// A real MCP client (@modelcontextprotocol/sdk) for n8n's MCP Server Trigger, which (from version 2)
// serves streamable HTTP and SSE at one URL, /mcp/<path>. Used by test/e2e/aiTools.js and the demo check.
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const {
	StreamableHTTPClientTransport,
} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { SSEClientTransport } = require('@modelcontextprotocol/sdk/client/sse.js');

/** A connected client; `kind`: 'http' (streamable HTTP) or 'sse'. Rejects after `timeout` ms. */
async function mcpClient(url, kind = 'http', { timeout = 30_000 } = {}) {
	const client = new Client({ name: 'n8n-nodes-sendcloud-datafast-e2e', version: '1.0.0' });
	const Transport = kind === 'sse' ? SSEClientTransport : StreamableHTTPClientTransport;
	await client.connect(new Transport(new URL(url)), { timeout });
	return client;
}

/** Connects once n8n serves `url` (activation is asynchronous after start), for at most `ms`. */
async function mcpClientWhenServed(url, ms = 60_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			return await mcpClient(url, 'http', { timeout: 10_000 });
		} catch (error) {
			if (Date.now() > deadline)
				throw new Error(`no MCP server at ${url} after ${ms / 1000} s: ${error.message}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

/** Calls a tool; resolves with {text, isError} whether the tool failed or the call was refused. */
async function callTool(client, name, args, { timeout = 90_000 } = {}) {
	try {
		const result = await client.callTool({ name, arguments: args }, undefined, { timeout });
		const text = (result.content ?? []).map((c) => c.text ?? JSON.stringify(c)).join('\n');
		return { text, isError: Boolean(result.isError) };
	} catch (error) {
		return { text: String(error.message), isError: true };
	}
}

/** The tool name n8n gives a tool node (n8n-workflow's nodeNameToToolName, without truncation). */
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

module.exports = { mcpClient, mcpClientWhenServed, callTool, toolName };
