'use strict';
// A scripted OpenAI-compatible chat model on loopback, for AI Agent tests without a network or a real
// model. The user prompt says what to do: `CALL <tool> <JSON arguments>` makes the model answer with
// that tool call; once the conversation holds a tool result, it answers `DONE <tool result>`.
// Every request is recorded (`model.requests`: {method, path, body}); `/v1/models` lists one model.
const http = require('http');

const MODEL = 'scripted-model';

const textOf = (content) =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

/** What the model says next: {toolCall: {name, arguments}} or {content}. */
function nextTurn(body) {
	const messages = body.messages ?? [];
	const toolResults = messages.filter((m) => m.role === 'tool');
	if (toolResults.length) return { content: `DONE ${textOf(toolResults.at(-1).content)}` };
	const prompt = textOf(messages.filter((m) => m.role === 'user').at(-1)?.content);
	const match = /CALL\s+(\S+)\s+(\{[\s\S]*\})/.exec(prompt);
	if (!match) return { content: `NO CALL in the prompt: ${prompt.slice(0, 200)}` };
	const offered = (body.tools ?? []).map((tool) => tool.function?.name ?? tool.name);
	if (!offered.includes(match[1]))
		return { content: `NO TOOL ${match[1]} among the tools offered: ${offered.join(', ')}` };
	return { toolCall: { name: match[1], arguments: match[2] } };
}

function completion(turn, id) {
	const message = turn.toolCall
		? {
				role: 'assistant',
				content: null,
				tool_calls: [{ id: `call_${id}`, type: 'function', function: turn.toolCall }],
			}
		: { role: 'assistant', content: turn.content };
	return {
		id: `chatcmpl-${id}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: MODEL,
		choices: [{ index: 0, message, finish_reason: turn.toolCall ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent chunks, as `stream: true` asks. */
function chunks(turn, id) {
	const chunk = (delta, finish = null) => ({
		id: `chatcmpl-${id}`,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: MODEL,
		choices: [{ index: 0, delta, finish_reason: finish }],
	});
	const delta = turn.toolCall
		? {
				role: 'assistant',
				content: null,
				tool_calls: [{ index: 0, id: `call_${id}`, type: 'function', function: turn.toolCall }],
			}
		: { role: 'assistant', content: turn.content };
	return [
		chunk(delta),
		chunk({}, turn.toolCall ? 'tool_calls' : 'stop'),
		{
			...chunk({}),
			choices: [],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		},
	];
}

function createScriptedModel() {
	const requests = [];
	let calls = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d) => (raw += d));
		req.on('end', () => {
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			const path = new URL(req.url, 'http://model').pathname;
			requests.push({ method: req.method, path, body });
			const send = (status, value) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(value));
			};
			if (path.endsWith('/models'))
				return send(200, {
					object: 'list',
					data: [{ id: MODEL, object: 'model', owned_by: 'test' }],
				});
			if (!path.endsWith('/chat/completions'))
				return send(404, { error: { message: `the scripted model has no ${path}` } });
			const id = ++calls;
			const turn = nextTurn(body ?? {});
			if (!body?.stream) return send(200, completion(turn, id));
			res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
			for (const chunk of chunks(turn, id)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	return {
		requests,
		async listen() {
			await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
			this.baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
			return this;
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { createScriptedModel, MODEL };
