'use strict';
// Account data in a real n8n: sender addresses listed and read, and a label bought with a sender address, brand
// and contract picked "From List" (resource locator values in list mode, as the editor saves them).
const { RECIPIENT, rl, workflow } = require('../workflowKit');

module.exports = [
	{
		name: 'Sender Address: Get Many returns every address across its cursor pages, simplified',
		workflow: workflow('senderAddrAll', {
			resource: 'senderAddress',
			operation: 'getAll',
			returnAll: true,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(items.length, 120);
			expect(items[0], {
				id: 192,
				name: 'Marie Doe',
				company_name: 'Sendcloud',
				address: 'Stadhuisplein 10, 2e verdieping',
				postal_code: '5611 EM',
				city: 'Eindhoven',
				country_code: 'NL',
				email: 'marie.doe@sendcloud.com',
				phone_number: '+31612345678',
			});
			expect(
				sandbox.requests.map((r) => r.query.includes('cursor=')),
				[false, true],
			);
		},
	},
	{
		name: 'Sender Address: Get picked from the list returns the whole address',
		workflow: workflow('senderAddressGet', {
			resource: 'senderAddress',
			operation: 'get',
			senderAddressId: rl(200, 'list'),
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.id, i.city, i.signature.initials]),
				[[200, 'Paris', 'SM']],
			);
			expect(
				sandbox.requests.map((r) => r.path),
				['/api/v3/addresses/sender-addresses/200'],
			);
		},
	},
	{
		name: 'Labels: Create and Announce with sender address, brand and contract picked from their lists',
		workflow: workflow('labelFromLists', {
			resource: 'parcel',
			operation: 'create',
			dataMode: 'defineBelow',
			...RECIPIENT,
			senderType: 'senderAddressId',
			senderAddressId: rl(201, 'list'),
			shippingOptionCode: 'postnl:standard',
			orderNumber: 'LIST-1',
			parcels: { parcel: [{ weight: 1.5 }] },
			additionalFields: { brandId: rl(42, 'list'), contractId: rl(517, 'list') },
			downloadLabel: false,
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => [i.status, i.order_number, i.brand_id]),
				[['created', 'LIST-1', 42]],
			);
			const announce = sandbox.requests.find((r) => r.path === '/api/v3/shipments/announce');
			expect(
				[announce.body.from_address, announce.body.brand_id, announce.body.ship_with.properties],
				[
					{ sender_address_id: 201 },
					42,
					{ shipping_option_code: 'postnl:standard', contract_id: 517 },
				],
			);
			expect(sandbox.v3.shipments()[0].from_address.city, 'Lyon');
			expect(sandbox.v3.labelsBought(), 1);
		},
	},
	{
		name: 'Contract: Get Many with filters',
		workflow: workflow('contractGetAll', {
			resource: 'contract',
			operation: 'getAll',
			returnAll: true,
			filters: { carrierCode: 'postnl', isActive: 'active' },
		}),
		check: ({ items, sandbox, expect }) => {
			expect(
				items.map((i) => i.id),
				[517],
			);
			expect(sandbox.requests[0].query, '?carrier_code=postnl&is_active=true&page_size=100');
		},
	},
];
