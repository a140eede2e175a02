'use strict';
// Workflows a user would build, run inside a real n8n by test/e2e/run.js. Each case names its
// workflow's nodes, what to set up in the sandbox first, and what must come out.
const {
	KEY,
	OAUTH,
	rl,
	workflow,
	ordersCode,
	posts,
	shipmentsCode,
	v3Shipment,
	checkLabelPdf,
} = require('../workflowKit');

module.exports = [
	{
		name: 'Integration: Get Many with the API key',
		workflow: workflow('intGetAll', {
			resource: 'integration',
			operation: 'getAll',
			returnAll: true,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => i.id),
				[101, 102, 103],
			);
			expect(sandbox.requests[0].headers.authorization.startsWith('Basic '), true);
		},
	},
	{
		name: 'Integration: Get with OAuth2 client credentials (token fetched, then Bearer)',
		workflow: workflow(
			'intGetOAuth',
			{
				authentication: 'oAuth2',
				resource: 'integration',
				operation: 'get',
				integrationId: rl(102),
			},
			{ credentials: OAUTH },
		),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => i.shop_name),
				['Berlin Store'],
			);
			expect(sandbox.requests.filter((r) => r.path === '/oauth2/token/').length >= 1, true);
			expect(
				sandbox.requests
					.filter((r) => r.path.startsWith('/api/v2'))
					.every((r) => r.headers.authorization.startsWith('Bearer ')),
				true,
			);
		},
	},
	{
		name: 'Integration: Update changes only the fields given',
		workflow: workflow('intUpdate', {
			resource: 'integration',
			operation: 'update',
			integrationId: rl(101),
			updateFields: {
				shopName: 'Renamed by n8n',
				webhookActive: true,
				webhookUrl: 'https://hooks.example.com/sc',
			},
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items[0].shop_name, 'Renamed by n8n');
			expect(sandbox.requests[0].body, {
				shop_name: 'Renamed by n8n',
				webhook_active: true,
				webhook_url: 'https://hooks.example.com/sc',
			});
		},
	},
	{
		name: 'Integration: Replace sends every setting',
		workflow: workflow('intReplace', {
			resource: 'integration',
			operation: 'replace',
			integrationId: rl(102),
			shopName: 'Berlin',
			shopUrl: 'https://berlin.example.com',
			servicePointEnabled: true,
			servicePointCarriers: 'dhl, ups',
			webhookActive: false,
			webhookUrl: '',
		}),
		check: ({ sandbox, expect }) => {
			expect(sandbox.requests[0].method, 'PUT');
			expect(sandbox.requests[0].body, {
				shop_name: 'Berlin',
				shop_url: 'https://berlin.example.com',
				service_point_enabled: true,
				service_point_carriers: ['dhl', 'ups'],
				webhook_active: false,
			});
		},
	},
	{
		name: 'Integration: Delete',
		workflow: workflow('intDelete', {
			resource: 'integration',
			operation: 'delete',
			integrationId: rl(103),
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items, [{ deleted: true, integration_id: 103 }]);
			expect(
				sandbox.state.integrations.map((i) => i.id),
				[101, 102],
			);
		},
	},
	{
		name: 'Integration: a missing integration fails with a clear error',
		workflow: workflow('intMissing', {
			resource: 'integration',
			operation: 'get',
			integrationId: rl(999),
		}),
		expectError:
			"Sendcloud could not find integration 999: check the ID, or list the account's integrations with Integration → Get Many",
	},
	{
		name: 'Exception logs: Get Many follows every page',
		workflow: workflow('logsAll', {
			resource: 'integrationLog',
			operation: 'getAll',
			scope: 'all',
			returnAll: true,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items.length, 120);
			expect(sandbox.requests.length, 3);
		},
	},
	{
		name: 'Exception logs: Create',
		workflow: workflow('logsCreate', {
			resource: 'integrationLog',
			operation: 'create',
			integrationId: rl(101),
			baseUrl: 'https://amsterdam.example.com',
			additionalFields: { exception: 'Timeout from the shop', responseCode: 504 },
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items[0].exception, 'Timeout from the shop');
			expect(sandbox.requests[0].body, {
				base_url: 'https://amsterdam.example.com',
				exception: 'Timeout from the shop',
				response_code: 504,
				integration_id: 101,
			});
		},
	},
	{
		name: 'Orders: Get Many with a Limit on a page boundary makes no extra request',
		workflow: workflow('ordersLimit', {
			resource: 'shipment',
			operation: 'getAll',
			integrationId: rl(101),
			returnAll: false,
			limit: 100,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items.length, 100);
			expect(sandbox.requests.length, 1);
		},
	},
	{
		name: 'Orders: Create or Update 250 mixed orders, Continue On Fail',
		workflow: workflow(
			'ordersUpsert',
			{
				resource: 'shipment',
				operation: 'upsert',
				integrationId: rl(101),
				dataMode: 'autoMapInputData',
			},
			{ itemsCode: ordersCode(250, 50), settings: { onError: 'continueRegularOutput' } },
		),
		check: ({ items, sandbox, expect }) => {
			expect(items.length, 250);
			expect(items.filter((i) => i.status === 'created').length, 245);
			expect(
				items.filter((i) => typeof i.error === 'string' && i.error.includes('was not sent: email'))
					.length,
				5,
			);
			// Batches go out up to three at a time, so they may arrive in any order.
			expect(
				posts(sandbox)
					.map((r) => r.body.length)
					.sort((a, b) => b - a),
				[100, 100, 45],
			);
		},
	},
	{
		name: 'Orders: Create or Update survives injected 429s and lands every order once',
		setup: (sandbox) =>
			sandbox.injectFaults({ kind: '429', method: 'POST', retryAfter: 1, times: 2 }),
		workflow: workflow(
			'ordersUpsert429',
			{
				resource: 'shipment',
				operation: 'upsert',
				integrationId: rl(101),
				dataMode: 'autoMapInputData',
			},
			{ itemsCode: ordersCode(250) },
		),
		check: ({ items, sandbox, expect }) => {
			expect(items.filter((i) => i.status === 'created').length, 250);
			expect(posts(sandbox).filter((r) => r.status === 429).length, 2);
			expect(
				sandbox.state.shipments
					.get(101)
					.filter((s) => String(s.external_order_id).startsWith('700')).length,
				250,
			);
		},
	},
	{
		name: 'Orders: Create or Update without Continue On Fail names every failed order',
		workflow: workflow(
			'ordersUpsertFail',
			{
				resource: 'shipment',
				operation: 'upsert',
				integrationId: rl(101),
				dataMode: 'autoMapInputData',
			},
			{ itemsCode: ordersCode(20, 10) },
		),
		expectError: '2 of 20 orders were not accepted',
	},
	{
		name: 'Orders: Delete by external order ID',
		workflow: workflow('ordersDelete', {
			resource: 'shipment',
			operation: 'delete',
			integrationId: rl(101),
			deleteBy: 'externalIds',
			externalOrderId: '100000',
			externalShipmentId: '',
		}),
		check: ({ items, expect }) =>
			expect(items, [
				{
					deleted: true,
					integration_id: 101,
					external_order_id: '100000',
					external_shipment_id: null,
				},
			]),
	},
	{
		name: 'Labels: Create and Announce returns each label as a PDF file that opens and shows its tracking number',
		workflow: workflow(
			'labelCreate',
			{ resource: 'parcel', operation: 'create', dataMode: 'autoMapInputData' },
			{ itemsCode: shipmentsCode(['shop-1001', 'shop-1002']) },
		),
		check: ({ items, binaries, sandbox, expect }) => {
			expect(
				items.map((i) => [i.status, i.external_reference_id]),
				[
					['created', 'shop-1001'],
					['created', 'shop-1002'],
				],
			);
			items.forEach((item, n) =>
				checkLabelPdf(
					binaries[n].data,
					`label-${item.external_reference_id}.pdf`,
					[item.parcels[0].tracking_number],
					expect,
				),
			);
			expect(sandbox.v3.labelsBought(), 2);
		},
	},
	{
		name: 'Labels: an answer lost after Sendcloud bought the label is retried and returns that label, none bought twice',
		workflow: workflow(
			'labelLostAnswer',
			{ resource: 'parcel', operation: 'create', dataMode: 'autoMapInputData' },
			{ itemsCode: shipmentsCode(['shop-2001']) },
		),
		setup: (sandbox) =>
			sandbox.injectFaults({
				kind: 'applied-then-reset',
				method: 'POST',
				path: '^/api/v3/shipments/announce$',
			}),
		check: ({ items, binaries, sandbox, expect }) => {
			expect(
				items.map((i) => i.status),
				['existing'],
			);
			checkLabelPdf(
				binaries[0].data,
				'label-shop-2001.pdf',
				[items[0].parcels[0].tracking_number],
				expect,
			);
			expect([sandbox.v3.labelsBought(), sandbox.v3.shipments().length], [1, 1]);
		},
	},
	{
		name: 'Labels: a failed announcement is an error item with the carrier’s reason (Continue On Fail)',
		workflow: workflow(
			'labelFailed',
			{ resource: 'parcel', operation: 'create', dataMode: 'autoMapInputData' },
			{
				itemsCode: shipmentsCode(['shop-3001'], '9999 ZZ'),
				settings: { onError: 'continueRegularOutput' },
			},
		),
		check: ({ items, binaries, sandbox, expect }) => {
			expect(items.length, 1);
			expect(
				/^Sendcloud could not announce the shipment "shop-3001": .+/.test(items[0].error),
				true,
			);
			expect(binaries[0], undefined);
			expect(sandbox.v3.labelsBought(), 0);
		},
	},
	{
		name: 'Labels: a print batch puts three parcels’ labels into one PDF',
		workflow: workflow(
			'labelBatch',
			{
				resource: 'parcel',
				operation: 'downloadDocument',
				documentMode: 'printBatch',
				parcelId: '={{ $json.parcel }}',
			},
			{
				itemsCode:
					'return [400000001, 400000002, 400000003].map((parcel) => ({ json: { parcel } }));',
			},
		),
		setup: (sandbox) =>
			sandbox.v3.seedShipments(['b-1', 'b-2', 'b-3'].map((reference) => v3Shipment(reference))),
		check: ({ items, binaries, sandbox, expect }) => {
			expect(
				items.map((i) => [i.parcel_ids, i.parcel_count]),
				[[[400000001, 400000002, 400000003], 3]],
			);
			const tracking = sandbox.v3.shipments().map((s) => s.parcels[0].tracking_number);
			checkLabelPdf(binaries[0].data, 'labels-1-of-1.pdf', tracking, expect);
		},
	},
];
