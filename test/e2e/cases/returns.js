'use strict';
// Tracking and returns (issue 20) in a real n8n: a bought label's tracking, and a return label bought once
// however often the workflow runs.
const { workflow, checkLabelPdf, v3Shipment } = require('../workflowKit');

/** After a reset the sandbox numbers parcels from 400000001: the first label's tracking number. */
const FIRST_TRACKING_NUMBER = '3SYZXG0000001';

const returnCode = (reference) => `
return [{ json: {
  from_address: { name: 'Piet Customer', address_line_1: 'Damrak', house_number: '1', postal_code: '1012 LG', city: 'Amsterdam', country_code: 'NL', email: 'piet@example.com' },
  to_address: { name: 'Shop Warehouse', address_line_1: 'Stadhuisplein', house_number: '10', postal_code: '5611 EM', city: 'Eindhoven', country_code: 'NL' },
  ship_with: { type: 'shipping_option_code', shipping_option_code: 'postnl:standard/return' },
  weight: { value: 0.8, unit: 'kg' },
  order_number: 'SHOP-77',
  external_reference: ${JSON.stringify(reference)},
} }];`;

module.exports = [
	{
		name: 'Tracking: Get shows where a label bought in Sendcloud is, with its carrier and tracking URL',
		workflow: workflow('trackingGet', {
			resource: 'tracking',
			operation: 'get',
			trackingNumber: FIRST_TRACKING_NUMBER,
		}),
		setup: (sandbox) => sandbox.v3.seedShipments([v3Shipment('track-e2e-1')]),
		check: ({ items, expect }) => {
			expect(
				items.map((i) => [i.tracking_number, i.carrier, i.status, i.source_id, i.event_count]),
				[[FIRST_TRACKING_NUMBER, 'postnl', 'READY_TO_SEND', 'track-e2e-1', 1]],
			);
			expect(items[0].tracking_url.includes(`code=${FIRST_TRACKING_NUMBER}`), true);
		},
	},
	{
		name: 'Returns: a workflow run twice creates the return once, and both runs give its label as a PDF',
		workflow: workflow(
			'returnTwice',
			{ resource: 'return', operation: 'create', dataMode: 'autoMapInputData' },
			{ itemsCode: returnCode('RMA-E2E-1') },
		),
		runs: 2,
		check: ({ items, binaries, sandbox, expect, earlier }) => {
			const [first] = earlier;
			expect([first.items[0].status, items[0].status], ['created', 'existing']);
			expect(items[0].return_id, first.items[0].return_id);
			for (const run of [first, { items, binaries }])
				checkLabelPdf(
					run.binaries[0].data,
					'return-label-RMA-E2E-1.pdf',
					[run.items[0].tracking_number],
					expect,
				);
			expect([sandbox.v3.returnLabelsBought(), sandbox.v3.returns().length], [1, 1]);
		},
	},
];
