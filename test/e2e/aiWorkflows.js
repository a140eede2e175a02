'use strict';
// Workflows and credentials for the AI-tool end-to-end suite (test/e2e/aiTools.js): every operation of
// the Sendcloud and DataFast nodes as a tool node (`<package>.<node>Tool`, parameters from `$fromAI`),
// attached to an MCP Server Trigger, and to AI Agents (3.1 and 2.2) whose chat model is a scripted
// OpenAI-compatible server on loopback.
const { PACKAGE } = require('../../scripts/n8n-runtime');
const { v3Shipment } = require('./workflowKit');
const shipping = require('./aiShippingTools');
const dataFast = require('./aiDataFastTools');

const KEY = { sendcloudApi: { id: 'sendcloudSandboxKey', name: 'Sendcloud sandbox (API key)' } };
const DATAFAST = { dataFastApi: { id: 'dataFastSandbox', name: 'DataFast sandbox' } };
const OPENAI = { openAiApi: { id: 'scriptedModel', name: 'Scripted model (loopback)' } };

/** A `$fromAI` expression: the AI fills the parameter in. */
const ai = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;
const integrationRl = () => ({
	__rl: true,
	mode: 'id',
	value: ai('integration_id', 'Sendcloud integration (shop) ID, e.g. 101', 'number'),
});
const shipmentIdParameter = () =>
	ai('shipment_id', 'Sendcloud shipment ID, as Create and Announce or Get Many return it');

/**
 * The tools: one node per operation. `name` is the node's name, which n8n turns into the tool's name
 * (snake_case here, so the name the client sees is the same).
 */
const TOOLS = [
	{
		name: 'list_integrations',
		description: 'List the shop integrations connected to the Sendcloud account',
		parameters: { resource: 'integration', operation: 'getAll', returnAll: true },
	},
	{
		name: 'get_integration',
		description: 'Get one Sendcloud shop integration by its ID',
		parameters: { resource: 'integration', operation: 'get', integrationId: integrationRl() },
	},
	{
		name: 'rename_integration',
		description: 'Change the shop name of a Sendcloud integration',
		parameters: {
			resource: 'integration',
			operation: 'update',
			integrationId: integrationRl(),
			updateFields: { shopName: ai('shop_name', 'The new shop name') },
		},
	},
	{
		name: 'replace_integration',
		description: 'Replace every setting of a Sendcloud integration',
		parameters: {
			resource: 'integration',
			operation: 'replace',
			integrationId: integrationRl(),
			shopName: ai('shop_name', 'Shop name'),
			shopUrl: ai('shop_url', 'Shop URL, https://…'),
			servicePointEnabled: false,
			servicePointCarriers: '',
			webhookActive: false,
			webhookUrl: '',
		},
	},
	{
		name: 'delete_integration',
		description: 'Delete a Sendcloud shop integration',
		parameters: { resource: 'integration', operation: 'delete', integrationId: integrationRl() },
	},
	{
		name: 'list_exception_logs',
		description: 'List the exception logs of every Sendcloud integration',
		parameters: {
			resource: 'integrationLog',
			operation: 'getAll',
			scope: 'all',
			returnAll: false,
			limit: ai('limit', 'How many log entries at most', 'number'),
		},
	},
	{
		name: 'create_exception_log',
		description: 'Record a problem with a shop in its integration exception log',
		parameters: {
			resource: 'integrationLog',
			operation: 'create',
			integrationId: integrationRl(),
			baseUrl: ai('base_url', 'Base URL of the shop'),
			additionalFields: { exception: ai('exception', 'What went wrong') },
		},
	},
	{
		name: 'list_orders',
		description: 'Find the orders of a Sendcloud integration, optionally by order number',
		parameters: {
			resource: 'shipment',
			operation: 'getAll',
			integrationId: integrationRl(),
			returnAll: false,
			limit: 10,
			filters: {
				orderNumber: ai('order_number', 'Order number as the shop shows it, e.g. ORD-100000'),
			},
		},
	},
	{
		name: 'upsert_order',
		description: 'Create an order in a Sendcloud integration, or update it',
		parameters: {
			resource: 'shipment',
			operation: 'upsert',
			integrationId: integrationRl(),
			dataMode: 'defineBelow',
			name: ai('name', 'Recipient name'),
			address: ai('street', 'Street'),
			houseNumber: ai('house_number', 'House number'),
			city: ai('city', 'City'),
			postalCode: ai('postal_code', 'Postal code'),
			country: ai('country', 'Two-letter country code'),
			email: ai('email', 'Recipient email'),
			orderNumber: ai('order_number', 'Order number'),
			externalOrderId: ai('external_order_id', 'Order ID in the shop'),
			createdAt: ai('created_at', 'When the order was placed (ISO 8601)'),
			currency: 'EUR',
			parcelItems: {
				item: [
					{
						description: ai('item', 'What is in the parcel'),
						quantity: 1,
						value: 19.95,
						weight: 0.5,
					},
				],
			},
		},
	},
	{
		name: 'delete_order',
		description: 'Delete an order of a Sendcloud integration by its shop order ID',
		parameters: {
			resource: 'shipment',
			operation: 'delete',
			integrationId: integrationRl(),
			deleteBy: 'externalIds',
			externalOrderId: ai('external_order_id', 'Order ID in the shop'),
			externalShipmentId: '',
		},
	},
	{
		name: 'buy_label',
		description: 'Create a shipment for an address, announce it to the carrier and buy its label',
		parameters: {
			resource: 'parcel',
			operation: 'create',
			dataMode: 'defineBelow',
			externalReferenceId: ai('reference', 'Your unique reference, such as the order number'),
			recipientName: ai('name', 'Recipient name'),
			recipientAddressLine1: ai('street', 'Street and house number'),
			recipientPostalCode: ai('postal_code', 'Postal code'),
			recipientCity: ai('city', 'City'),
			recipientCountryCode: ai('country', 'Two-letter country code, e.g. NL'),
			senderType: 'senderAddressId',
			senderAddressId: 192,
			shippingOptionCode: ai('shipping_option_code', 'Carrier service, e.g. postnl:standard'),
			parcels: { parcel: [{ weight: ai('weight_kg', 'Weight in kg', 'number') }] },
			downloadLabel: true,
			binaryPropertyName: 'label',
		},
	},
	{
		name: 'download_document',
		description: 'Download the label of a parcel as a PDF',
		parameters: {
			resource: 'parcel',
			operation: 'downloadDocument',
			documentMode: 'perParcel',
			parcelId: ai('parcel_id', 'Sendcloud parcel ID'),
			documentType: 'label',
			binaryPropertyName: 'data',
		},
	},
	{
		name: 'get_shipment',
		description: 'Get a shipment with its parcels, status and tracking',
		parameters: { resource: 'parcel', operation: 'get', shipmentId: shipmentIdParameter() },
	},
	{
		name: 'find_shipments',
		description: 'Find shipments by order number',
		parameters: {
			resource: 'parcel',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { orderNumber: ai('order_number', 'Order number') },
		},
	},
	{
		name: 'cancel_shipment',
		description: 'Cancel a shipment before the carrier has it',
		parameters: { resource: 'parcel', operation: 'cancel', shipmentId: shipmentIdParameter() },
	},
	{
		name: 'return_portal_url',
		description: 'Get the link where the recipient starts a return',
		parameters: {
			resource: 'parcel',
			operation: 'getReturnPortalUrl',
			shipmentId: shipmentIdParameter(),
		},
	},
	{
		name: 'validate_address',
		description: 'Check an address for a carrier',
		parameters: {
			resource: 'parcel',
			operation: 'validateAddress',
			carrierCode: ai('carrier', 'Carrier code, e.g. postnl'),
			addressAddressLine1: ai('street', 'Street'),
			addressHouseNumber: ai('house_number', 'House number'),
			addressPostalCode: ai('postal_code', 'Postal code'),
			addressCity: ai('city', 'City'),
			addressCountryCode: ai('country', 'Two-letter country code'),
		},
	},
	{
		name: 'list_sender_addresses',
		description: 'List the sender addresses saved in the Sendcloud account',
		parameters: {
			resource: 'senderAddress',
			operation: 'getAll',
			returnAll: false,
			limit: ai('limit', 'How many addresses at most', 'number'),
		},
	},
	{
		name: 'get_sender_address',
		description: 'Get one sender address of the Sendcloud account by its ID',
		parameters: {
			resource: 'senderAddress',
			operation: 'get',
			senderAddressId: {
				__rl: true,
				mode: 'id',
				value: ai('sender_address_id', 'Sendcloud sender address ID, e.g. 192', 'number'),
			},
		},
	},
	{
		name: 'list_contracts',
		description: 'List the carrier contracts of the Sendcloud account, by carrier',
		parameters: {
			resource: 'contract',
			operation: 'getAll',
			returnAll: true,
			filters: { carrierCode: ai('carrier', 'Carrier code, e.g. postnl') },
		},
	},
	{
		name: 'list_parcel_statuses',
		description: 'List the parcel status codes Sendcloud uses',
		parameters: { resource: 'parcelStatus', operation: 'getAll', returnAll: true },
	},
	{
		name: 'payment_status',
		node: 'dataFast',
		description: 'Which payment providers a DataFast website has connected',
		parameters: {
			resource: 'paymentIntegration',
			operation: 'getStatus',
			websiteId: ai('website_id', 'DataFast website ID (24 hex characters)'),
		},
	},
	...shipping.TOOLS,
	...dataFast.TOOLS,
];

/** A tool node, placed at `index`, with the tool's own description for the AI. */
function toolNode(tool, index) {
	const node = tool.node ?? 'sendcloud';
	return {
		id: `tool-${tool.name}`,
		name: tool.name,
		type: `${PACKAGE}.${node}Tool`,
		typeVersion: 1,
		position: [200 * (index % 6), 300 + 200 * Math.floor(index / 6)],
		parameters: {
			descriptionType: 'manual',
			toolDescription: tool.description,
			...tool.parameters,
		},
		credentials: node === 'dataFast' ? DATAFAST : KEY,
	};
}

/** Every tool node connected to `host` as an `ai_tool`. */
function attachTools(tools, host) {
	return {
		nodes: tools.map(toolNode),
		connections: Object.fromEntries(
			tools.map((tool) => [tool.name, { ai_tool: [[{ node: host, type: 'ai_tool', index: 0 }]] }]),
		),
	};
}

const base = { active: true, settings: { executionOrder: 'v1' }, pinData: {} };

/** MCP Server Trigger at /mcp/<path> with every tool. */
function mcpWorkflow(path, webhookId) {
	const { nodes, connections } = attachTools(TOOLS, 'MCP Server Trigger');
	return {
		...base,
		id: 'aiMcpServer',
		name: 'e2e AI tools: MCP Server Trigger',
		nodes: [
			{
				id: 'mcp',
				name: 'MCP Server Trigger',
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [600, 0],
				webhookId,
				parameters: { authentication: 'none', path },
			},
			...nodes,
		],
		connections,
	};
}

/** Webhook (POST {prompt}) → AI Agent of `version`, its model the scripted server, with `toolNames`. */
function agentWorkflow({ id, version, path, webhookId, toolNames }) {
	const tools = TOOLS.filter((tool) => toolNames.includes(tool.name));
	const attached = attachTools(tools, 'AI Agent');
	return {
		...base,
		id,
		name: `e2e AI tools: AI Agent ${version}`,
		nodes: [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: version,
				position: [300, 0],
				parameters: {
					promptType: 'define',
					text: '={{ $json.body.prompt }}',
					options: { systemMessage: 'You run Sendcloud tools for tests.' },
				},
			},
			{
				id: 'model',
				name: 'Scripted Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [300, 200],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'scripted-model' },
					options: { maxRetries: 0, timeout: 60000 },
				},
				credentials: OPENAI,
			},
			...attached.nodes,
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'Scripted Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			...attached.connections,
		},
	};
}

/** The OpenAI credential whose base URL is the scripted model server. */
const modelCredential = (baseUrl) => ({
	id: 'scriptedModel',
	name: 'Scripted model (loopback)',
	type: 'openAiApi',
	data: { apiKey: 'sk-scripted-not-a-secret', url: baseUrl },
});

/** A shipment in the v3 API's JSON, for the sandbox to hold before the parcel calls ("order 1042"). */
const SEEDED_SHIPMENT = v3Shipment('order-1042', {
	name: 'Piet Jansen',
	orderNumber: '1042',
	// The sandbox's brand with a return portal.
	brandId: 42,
});

/**
 * One call per operation (and two with bad arguments), in an order that keeps the seed usable:
 * `args`, `requests` (every request the sandbox must receive for the call, "METHOD path", in order;
 * a RegExp matches one) and `text` (what the result must contain) may depend on `s`, the seeded
 * shipment; a RegExp in `text` must match. `error`: the call must fail with this text. `custom`: a
 * custom operation of the node. `sandbox(sandbox)`: a problem with the sandbox's state after the call, or
 * nothing.
 */
const CALLS = [
	{
		tool: 'list_integrations',
		args: {},
		requests: ['GET /api/v2/integrations'],
		text: ['Amsterdam Webshop', 'Berlin Store'],
	},
	{
		tool: 'get_integration',
		args: { integration_id: 101 },
		requests: ['GET /api/v2/integrations/101'],
		text: ['Amsterdam Webshop'],
	},
	{
		tool: 'get_integration',
		args: { integration_id: 999999 },
		requests: ['GET /api/v2/integrations/999999'],
		error: 'could not find',
	},
	{
		tool: 'rename_integration',
		args: { integration_id: 102, shop_name: 'Berlin by AI' },
		requests: ['PATCH /api/v2/integrations/102'],
		text: ['Berlin by AI'],
	},
	{
		tool: 'replace_integration',
		args: { integration_id: 103, shop_name: 'Replaced by AI', shop_url: 'https://ai.example.com' },
		requests: ['PUT /api/v2/integrations/103'],
		text: ['Replaced by AI', 'https://ai.example.com'],
	},
	{
		tool: 'list_exception_logs',
		args: { limit: 3 },
		requests: ['GET /api/v2/integrations/logs'],
		text: ['PageNotFound'],
	},
	{
		tool: 'create_exception_log',
		args: {
			integration_id: 101,
			base_url: 'https://amsterdam.example.com',
			exception: 'Seen by an AI',
		},
		requests: ['POST /api/v2/integrations/101/logs'],
		text: ['Seen by an AI'],
	},
	{
		tool: 'list_orders',
		custom: true,
		args: { integration_id: 101, order_number: 'ORD-100003' },
		requests: ['GET /api/v2/integrations/101/shipments'],
		text: ['ORD-100003', '100003'],
	},
	{
		tool: 'list_orders',
		custom: true,
		args: { integration_id: 999999, order_number: 'ORD-100003' },
		requests: ['GET /api/v2/integrations/999999/shipments'],
		error: 'could not find',
	},
	{
		tool: 'upsert_order',
		custom: true,
		args: {
			integration_id: 101,
			name: 'Ada Lovelace',
			street: 'Keizersgracht',
			house_number: '101',
			city: 'Amsterdam',
			postal_code: '1015 CS',
			country: 'NL',
			email: 'ada@example.com',
			order_number: 'AI-990001',
			external_order_id: '990001',
			created_at: '2026-12-01T09:00:00.000Z',
			item: 'Mug',
		},
		requests: ['POST /api/v2/integrations/101/shipments'],
		text: ['990001', 'created'],
	},
	{
		tool: 'delete_order',
		args: { integration_id: 101, external_order_id: '100001' },
		requests: ['POST /api/v2/integrations/101/shipments/delete'],
		text: ['100001', 'deleted'],
	},
	{
		tool: 'buy_label',
		custom: true,
		args: {
			reference: 'ai-label-1',
			name: 'Anna de Vries',
			street: 'Stadhuisplein 10',
			postal_code: '5611 EM',
			city: 'Eindhoven',
			country: 'NL',
			shipping_option_code: 'postnl:standard',
			weight_kg: 1.2,
		},
		requests: [
			'POST /api/v3/shipments/announce',
			/^GET \/api\/v3\/parcels\/\d+\/documents\/label$/,
		],
		text: ['ai-label-1', 'created', 'tracking_number'],
	},
	{
		tool: 'download_document',
		custom: true,
		args: (s) => ({ parcel_id: String(s.parcels[0].id) }),
		requests: (s) => [`GET /api/v3/parcels/${s.parcels[0].id}/documents/label`],
		text: (s) => [String(s.parcels[0].id), 'application/pdf'],
	},
	{
		tool: 'get_shipment',
		args: (s) => ({ shipment_id: s.id }),
		requests: (s) => [`GET /api/v3/shipments/${s.id}`],
		text: (s) => [s.id, s.parcels[0].tracking_number],
	},
	{
		tool: 'find_shipments',
		args: { order_number: '1042' },
		requests: ['GET /api/v3/shipments'],
		text: (s) => [s.id, s.parcels[0].tracking_number],
	},
	{
		tool: 'return_portal_url',
		args: (s) => ({ shipment_id: s.id }),
		requests: (s) => [`GET /api/v3/shipments/${s.id}/return-portal-url`],
		text: (s) => [s.id, `returns-portal.com/initiate/${s.id}`],
	},
	{
		tool: 'cancel_shipment',
		args: (s) => ({ shipment_id: s.id }),
		requests: (s) => [`POST /api/v3/shipments/${s.id}/cancel`],
		text: (s) => [s.id, 'cancelled'],
	},
	{
		tool: 'validate_address',
		args: {
			carrier: 'postnl',
			street: 'Stadhuisplein',
			house_number: '10',
			postal_code: '5611 EM',
			city: 'Eindhoven',
			country: 'NL',
		},
		requests: ['POST /api/v3/addresses/validate'],
		text: ['Eindhoven'],
	},
	{
		tool: 'payment_status',
		args: { website_id: '66f1c0ffee0123456789abcd' },
		requests: ['GET /datafast/api/v1/admin/websites/66f1c0ffee0123456789abcd/integrations'],
		text: ['stripe', 'paddle'],
	},
	{
		tool: 'delete_integration',
		args: { integration_id: 103 },
		requests: ['DELETE /api/v2/integrations/103'],
		text: ['103', 'deleted'],
	},
	{
		tool: 'list_sender_addresses',
		args: { limit: 2 },
		requests: ['GET /api/v3/addresses/sender-addresses'],
		text: ['Marie Doe', 'Sendcloud Store Amsterdam 1'],
	},
	{
		tool: 'get_sender_address',
		args: { sender_address_id: 192 },
		requests: ['GET /api/v3/addresses/sender-addresses/192'],
		text: ['Marie Doe', 'Stadhuisplein'],
	},
	{
		tool: 'get_sender_address',
		args: { sender_address_id: 999999 },
		requests: ['GET /api/v3/addresses/sender-addresses/999999'],
		error: 'could not find sender address',
	},
	{
		tool: 'list_contracts',
		args: { carrier: 'postnl' },
		requests: ['GET /api/v3/contracts'],
		text: ['PostNL main', 'PostNL returns'],
	},
	{
		tool: 'list_parcel_statuses',
		args: {},
		requests: ['GET /api/v3/parcels/statuses'],
		text: ['READY_TO_SEND', 'Delivered'],
	},
	...shipping.CALLS,
	...dataFast.CALLS,
];

/**
 * Calls to the tools of examples/sendcloud-mcp-server.json, as an AI client makes them: "where is
 * order 1042?" and "buy a label for this address" (shipping rules choose the service).
 */
const EXAMPLE_CALLS = [
	{
		tool: 'Find_shipments',
		args: { order_number: '1042' },
		requests: ['GET /api/v3/shipments'],
		text: (s) => [s.id, s.parcels[0].tracking_number],
	},
	{
		tool: 'Buy_label',
		custom: true,
		args: {
			use_shipping_rules: true,
			reference: 'order-2001',
			name: 'Anna de Vries',
			street: 'Stadhuisplein 10',
			postal_code: '5611 EM',
			city: 'Eindhoven',
			country_code: 'NL',
		},
		requests: ['POST /api/v3/shipments/announce-with-shipping-rules'],
		text: ['order-2001', 'created', 'tracking_number'],
	},
];

module.exports = {
	TOOLS,
	CALLS,
	EXAMPLE_CALLS,
	SEEDED_SHIPMENT,
	toolNode,
	mcpWorkflow,
	agentWorkflow,
	modelCredential,
};
