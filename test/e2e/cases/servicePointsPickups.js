'use strict';
// Service points and pickups in a real n8n: service points around an address, a pickup booked once when the
// workflow runs twice (and once when its answer is lost), a label to a service point.
const { RECIPIENT, rl, workflow, checkLabelPdf } = require('../workflowKit');

/** A pickup window two days ahead of now, 09:00 to 12:00 UTC: the sandbox books only future windows. */
const windowCode = `
const day = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
return [{ json: { start: day + 'T09:00:00Z', end: day + 'T12:00:00Z' } }];`;

const pickupParameters = {
	resource: 'pickup',
	operation: 'create',
	carrierCode: 'dhl_express',
	name: 'Warehouse Amsterdam',
	addressLine1: 'Keizersgracht',
	houseNumber: '100',
	postalCode: '1015 CS',
	city: 'Amsterdam',
	countryCode: 'NL',
	startAt: '={{ $json.start }}',
	endAt: '={{ $json.end }}',
	quantity: 4,
	totalWeight: 12.5,
	additionalFields: { phoneNumber: '+31612345678', reference: 'E2E-PICKUP' },
};

module.exports = [
	{
		name: 'Service points: Get Many around an address, nearest first, with distance and opening hours',
		workflow: workflow('servicePtsNear', {
			resource: 'servicePoint',
			operation: 'getAll',
			countryCode: 'NL',
			carriers: ['postnl', 'dhl'],
			searchNear: 'address',
			address: 'Keizersgracht 100, Amsterdam',
			radius: 1500,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.id, i.carrier, i.distance_m]),
				[
					[2000005, 'dhl', 41],
					[2000001, 'postnl', 710],
					[2000003, 'postnl', 991],
					[2000002, 'dhl', 1077],
				],
			);
			expect(items[0].opening_hours, 'Mon-Sun 00:00-23:59');
			expect(items[0].address, 'Keizersgracht 120, 1015 CW Amsterdam, NL');
			expect(sandbox.requests.filter((r) => r.path === '/api/v3/service-points').length, 1);
		},
	},
	{
		name: 'Pickups: the workflow run twice books one carrier visit (the second run returns it as existing)',
		runs: 2,
		workflow: workflow('pickupTwice', pickupParameters, { itemsCode: windowCode }),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.outcome, i.carrier_code, i.reference]),
				[['existing', 'dhl_express', 'E2E-PICKUP']],
			);
			expect(sandbox.v3.pickups.bookings(), 1);
			expect(
				sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/pickups').length,
				1,
			);
		},
	},
	{
		name: 'Pickups: an answer lost after Sendcloud booked is never sent again; the booking is found',
		workflow: workflow('pickupLostAnswer', pickupParameters, { itemsCode: windowCode }),
		setup: (sandbox) =>
			sandbox.injectFaults({
				kind: 'applied-then-reset',
				method: 'POST',
				path: '^/api/v3/pickups$',
			}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.outcome, i.answer_lost]),
				[['created', true]],
			);
			expect(sandbox.v3.pickups.bookings(), 1);
		},
	},
	{
		name: 'Labels: a label to a service point (to_service_point), its PDF with the tracking number',
		workflow: workflow('labelToSvcPoint', {
			resource: 'parcel',
			operation: 'create',
			dataMode: 'defineBelow',
			...RECIPIENT,
			deliverToServicePoint: true,
			servicePointId: rl(2000001),
			senderType: 'senderAddressId',
			senderAddressId: 192,
			shippingOptionCode: 'postnl:standard',
			orderNumber: 'E2E-SP-1',
			parcels: { parcel: [{ weight: 1.2 }] },
		}),
		check: ({ items, binaries, sandbox, expect }) => {
			expect(items[0].status, 'created');
			expect(items[0].to_service_point, { id: '2000001', carrier_service_point_id: 'NL-204131' });
			const [announce] = sandbox.requests.filter((r) => r.path === '/api/v3/shipments/announce');
			expect(announce.body.to_service_point, { id: '2000001' });
			checkLabelPdf(
				binaries[0].data,
				`label-${items[0].external_reference_id}.pdf`,
				[items[0].parcels[0].tracking_number],
				expect,
			);
			expect(sandbox.v3.labelsBought(), 1);
		},
	},
];
