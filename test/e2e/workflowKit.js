'use strict';
// What the end-to-end tests share: credentials as n8n holds them, a recipient, the one-node workflow, the
// activated triggers' workflows that report to the sandbox's sink (with activate and the wait for a served
// webhook), item makers, shipments to seed and label checks. The cases themselves are in cases/, one file per area.
const runtime = require('../../scripts/n8n-runtime');

const { PACKAGE } = runtime;

const KEY = { sendcloudApi: { id: 'sendcloudSandboxKey', name: 'Sendcloud sandbox (API key)' } };
const OAUTH = {
	sendcloudOAuth2Api: { id: 'sendcloudSandboxOAuth', name: 'Sendcloud sandbox (OAuth2)' },
};
const DATAFAST = { dataFastApi: { id: 'dataFastSandbox', name: 'DataFast sandbox' } };
const DATAFAST_KEY = {
	dataFastApi: { id: 'dataFastSandboxKey', name: 'DataFast sandbox (website key)' },
};
/** The recipient of a label made with "Define Below" (dataMode: 'defineBelow'), to spread into its parameters. */
const RECIPIENT = {
	recipientName: 'Jan Jansen',
	recipientAddressLine1: 'Keizersgracht',
	recipientHouseNumber: '100',
	recipientPostalCode: '1015 CS',
	recipientCity: 'Amsterdam',
	recipientCountryCode: 'NL',
};
const rl = (value, mode = 'id') => ({ __rl: true, mode, value: String(value) });

// n8n 1.x saves no static data for a longer ID (test/package/workflowIds.test.ts says why that matters).
function checkId(id) {
	if (!/^[A-Za-z0-9]{1,16}$/.test(id))
		throw new Error(`workflow ID "${id}": at most 16 letters and digits, as n8n's own IDs`);
}

/** Manual Trigger → [Code that makes items] → the node under test (named "Under Test"). */
function workflow(
	id,
	parameters,
	{ credentials = KEY, type = 'sendcloud', itemsCode, settings = {} } = {},
) {
	checkId(id);
	const nodes = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections = {};
	let previous = 'Start';
	if (itemsCode) {
		nodes.push({
			id: 'items',
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: itemsCode },
		});
		connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
		previous = 'Items';
	}
	nodes.push({
		id: 'under-test',
		name: 'Under Test',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials,
		...settings,
	});
	connections[previous] = { main: [[{ node: 'Under Test', type: 'main', index: 0 }]] };
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A trigger node of this package; `type` without the package's prefix (`sendcloudTrigger`). */
function triggerNode(
	id,
	name,
	type,
	parameters,
	{ credentials = KEY, position = [0, 0], webhookId } = {},
) {
	return {
		id,
		name,
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position,
		...(webhookId === undefined ? {} : { webhookId }),
		parameters,
		credentials,
	};
}

/** An HTTP Request node named "Report" that POSTs `jsonBody` (an expression) to the sandbox's sink. */
function reportNode(sandbox, jsonBody, position = [200, 0]) {
	return {
		id: 'report',
		name: 'Report',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/__sink`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
	};
}

/**
 * An active workflow for the checks under `n8n start`: each trigger node (one or an array) → Report, so
 * that every run posts `jsonBody` to the sandbox's sink (sandbox.sink).
 */
function triggerToSink(id, name, triggers, { sandbox, jsonBody, reportPosition }) {
	checkId(id);
	const starts = [].concat(triggers);
	return {
		id,
		name,
		active: true,
		nodes: [...starts, reportNode(sandbox, jsonBody, reportPosition)],
		connections: Object.fromEntries(
			starts.map((t) => [t.name, { main: [[{ node: 'Report', type: 'main', index: 0 }]] }]),
		),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Activates an imported workflow with n8n's CLI: `publish:workflow` where n8n has it (2.x), else `update:workflow`. */
async function activate(line, env, id) {
	const help = await runtime.n8n(line, env, ['--help']);
	if (/publish:workflow/.test(help))
		await runtime.n8n(line, env, ['publish:workflow', `--id=${id}`]);
	else await runtime.n8n(line, env, ['update:workflow', `--id=${id}`, '--active=true']);
}

/**
 * For waitUntil: whether n8n serves a webhook yet (it publishes them a moment after it answers). An unsigned
 * call gets 401 from this package's webhook triggers once they are served.
 */
const webhookServed = (hookUrl) => async () =>
	(
		await fetch(hookUrl, {
			method: 'POST',
			body: '{}',
			headers: { 'Content-Type': 'application/json' },
		}).catch(() => ({ status: 0 }))
	).status === 401;

const ordersCode = (count, invalidEvery = 0) => `
const items = [];
for (let n = 0; n < ${count}; n++) {
  items.push({ json: {
    name: 'Customer ' + n, address: 'Keizersgracht', house_number: String(100 + n % 50), city: 'Amsterdam',
    postal_code: '1015 CS', country: 'nl', email: ${invalidEvery ? `n % ${invalidEvery} === 7 ? 'not-an-email' : ` : ''}'customer' + n + '@example.com',
    order_number: 'E2E-' + n, external_order_id: 700000 + n, created_at: '2026-11-21T09:00:00Z', currency: 'eur',
    total_order_value: 19.95, weight: 0.5, payment_status: 'paid',
    parcel_items: [{ description: 'T-shirt', quantity: 1, value: 19.95 }],
  } });
}
return items;`;

const posts = (sandbox) =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/shipments'));

/** Shipments in the API's JSON, as a shop would hand them to Create and Announce (Auto-Map). */
const shipmentsCode = (references, postalCode = '5611 EM') => `
return ${JSON.stringify(references)}.map((reference) => ({ json: {
  to_address: { name: 'Piet ' + reference, address_line_1: 'Stadhuisplein 10', postal_code: ${JSON.stringify(postalCode)}, city: 'Eindhoven', country_code: 'NL' },
  from_address: { sender_address_id: 192 },
  ship_with: { type: 'shipping_option_code', properties: { shipping_option_code: 'postnl:standard' } },
  parcels: [{ weight: { value: '1.000', unit: 'kg' } }],
  external_reference_id: reference,
} }));`;

/** A shipment in the v3 API's JSON for the sandbox to hold (sandbox.v3.seedShipments): to Eindhoven, PostNL. */
const v3Shipment = (reference, { name = 'Piet', weight = '1.000', orderNumber, brandId } = {}) => ({
	to_address: {
		name,
		address_line_1: 'Stadhuisplein 10',
		postal_code: '5611 EM',
		city: 'Eindhoven',
		country_code: 'NL',
	},
	from_address: { sender_address_id: 192 },
	ship_with: {
		type: 'shipping_option_code',
		properties: { shipping_option_code: 'postnl:standard' },
	},
	parcels: [{ weight: { value: weight, unit: 'kg' } }],
	...(orderNumber === undefined ? {} : { order_number: orderNumber }),
	external_reference_id: reference,
	...(brandId === undefined ? {} : { brand_id: brandId }),
});

/** The text of a PDF n8n produced, as pdftotext (Debian's poppler-utils) reads it. */
function pdfText(binary) {
	const { execFileSync } = require('child_process');
	const path = require('path');
	const pdftotext = execFileSync(
		'bash',
		[path.join(__dirname, '../../scripts/ensure-tool.sh'), 'pdftotext', 'poppler-utils'],
		{ encoding: 'utf8' },
	)
		.trim()
		.split('\n')
		.pop();
	return execFileSync(pdftotext, ['-', '-'], {
		input: Buffer.from(binary.data, 'base64'),
	}).toString();
}

/** A label file as n8n holds it: name, type, size, and a PDF that opens and shows each tracking number. */
function checkLabelPdf(binary, fileName, trackingNumbers, expect) {
	expect(
		[binary.fileName, binary.mimeType, binary.fileExtension],
		[fileName, 'application/pdf', 'pdf'],
	);
	const bytes = Buffer.from(binary.data, 'base64');
	expect(bytes.length > 500 && bytes.subarray(0, 5).toString() === '%PDF-', true);
	const text = pdfText(binary);
	for (const trackingNumber of trackingNumbers) expect(text.includes(trackingNumber), true);
}

module.exports = {
	KEY,
	OAUTH,
	DATAFAST,
	DATAFAST_KEY,
	RECIPIENT,
	rl,
	workflow,
	triggerNode,
	reportNode,
	triggerToSink,
	activate,
	webhookServed,
	ordersCode,
	posts,
	shipmentsCode,
	v3Shipment,
	pdfText,
	checkLabelPdf,
};
