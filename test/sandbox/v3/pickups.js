'use strict';
// The sandbox's v3 Pickups API: pickups booked per account (the identity that authenticated), one by ID, and the
// account's list in cursor pages (newest first, `Link` header). A pickup is a paid carrier visit: every booking is
// counted (`bookings()`), so tests can prove none is made twice. See spec/NOTICE.md for the sandbox's decisions.

const DEFAULT_PAGE_SIZE = 40;
/** A booking is confirmed by the carrier (ANNOUNCING → CREATED, with a tracking number) after this long. */
const CONFIRM_AFTER_MS = 60_000;
/** The carriers of the sandbox refuse pickups at this postal code (the pickup becomes FAILED). */
const REFUSED_POSTAL_CODE = '9999 ZZ';
/** The countries the list's `country` enum allows. */
const COUNTRIES = ['NL', 'BE', 'DE', 'ES', 'FR', 'IT', 'AT', 'PT', 'GB'];
/** The carriers whose item schemas allow pallets. */
const PALLET_CARRIERS = ['dhl', 'dpd_at', 'ups'];
/** The contract a pickup uses when the request names none. */
const DEFAULT_CONTRACT_ID = 10;

const iso = (ms) => new Date(ms).toISOString();

function createPickupApi({ json, clock, pageOf, options = {} }) {
	const state = { pickups: [], bookings: [], nextId: 300001, seq: 0 };

	function reset() {
		state.pickups = [];
		state.bookings = [];
		state.nextId = 300001;
		state.seq = 0;
	}

	/** The status as of now: announcing at first, then created (or failed at a refused address). */
	function settle(pickup) {
		if (pickup.status !== 'ANNOUNCING' || clock() - pickup.createdMs < CONFIRM_AFTER_MS) return;
		if (pickup.address.postal_code === REFUSED_POSTAL_CODE) pickup.status = 'FAILED';
		else {
			pickup.status = 'CREATED';
			pickup.tracking_number = `PU${pickup.id}`;
		}
	}

	function view(pickup) {
		settle(pickup);
		const { account: _a, createdMs: _c, seq: _s, request, ...record } = pickup;
		return { ...record, ...request.extra };
	}

	function listView(pickup) {
		settle(pickup);
		return {
			id: pickup.id,
			time_slots: pickup.time_slots,
			country: pickup.address.country_code,
			carrier_code: pickup.carrier_code,
			tracking_number: pickup.tracking_number,
			status: pickup.status,
			created_at: pickup.created_at,
			cancelled_at: pickup.cancelled_at,
			contract_id: pickup.contract_id,
		};
	}

	const invalid = (pointer, detail) =>
		json(400, {
			errors: [{ status: '400', code: 'validation_error', detail, source: { pointer } }],
		});

	function create({ account, body }) {
		const now = clock();
		const country = String(body.address.country_code).toUpperCase();
		if (!COUNTRIES.includes(country))
			return invalid('/data/address/country_code', `Pickups are not available in ${country}.`);
		const pallet = (body.items ?? []).findIndex((item) => item.container_type === 'pallet');
		if (pallet !== -1 && !PALLET_CARRIERS.includes(body.carrier_code))
			return invalid(
				`/data/items/${pallet}/container_type`,
				`${body.carrier_code} does not collect pallets.`,
			);
		for (const [n, slot] of body.time_slots.entries()) {
			const start = Date.parse(slot.start_at);
			if (start <= now)
				return invalid(`/data/time_slots/${n}/start_at`, 'The pickup time must be in the future.');
			if (slot.end_at && Date.parse(slot.end_at) <= start)
				return invalid(`/data/time_slots/${n}/end_at`, 'end_at must be after start_at.');
		}
		const {
			address: { po_box: _poBox, ...address },
			time_slots,
			items,
			reference,
			special_instructions,
			carrier_code,
			contract_id,
			quantity,
			total_weight,
			...extra
		} = body;
		const derivedItems =
			items ??
			(carrier_code === 'ups' || carrier_code === 'dhl_parcel_gb'
				? undefined
				: [{ quantity, container_type: 'parcel', total_weight }]);
		const pickup = {
			account,
			seq: ++state.seq,
			createdMs: now,
			id: state.nextId++,
			carrier_code,
			address,
			time_slots,
			...(derivedItems ? { items: derivedItems } : {}),
			reference: reference ?? '',
			special_instructions: special_instructions ?? '',
			tracking_number: '',
			status: 'ANNOUNCING',
			created_at: iso(now),
			cancelled_at: null,
			contract_id: contract_id ?? DEFAULT_CONTRACT_ID,
			request: { extra: { ...extra, total_weight } },
		};
		state.pickups.push(pickup);
		state.bookings.push({ account, id: pickup.id, carrier_code, at: now });
		return json(201, { data: view(pickup) });
	}

	const mine = (account) => state.pickups.filter((p) => p.account === account);

	function get({ account, pathParams }) {
		const pickup = mine(account).find((p) => p.id === Number(pathParams.id));
		return pickup
			? json(200, { data: view(pickup) })
			: json(404, {
					errors: [
						{ status: '404', code: 'not_found', detail: 'No Pickup matches the given query.' },
					],
				});
	}

	function list({ req, account, query }) {
		const sign = options.newestFirst === false ? 1 : -1;
		const pickups = mine(account).sort((a, b) => sign * (a.seq - b.seq));
		let page;
		try {
			page = pageOf(pickups, query, query.page_size ?? DEFAULT_PAGE_SIZE, req, (p) => p.seq);
		} catch {
			return json(404, {
				errors: [{ status: '404', code: 'not_found', detail: 'Invalid cursor' }],
			});
		}
		const links = [
			page.previous && `<${page.previous}>; rel="prev"`,
			page.next && `<${page.next}>; rel="next"`,
		].filter(Boolean);
		return json(
			200,
			{ data: page.results.map(listView) },
			links.length ? { Link: links.join(', ') } : {},
		);
	}

	return {
		handlers: {
			'sc-public-v3-scp-post-pickup': create,
			'sc-public-v3-scp-get-pickup': get,
			'sc-public-v3-scp-get-all_pickups': list,
		},
		reset,
		helpers: {
			/** The account's pickups as GET /pickups/{id} shows them (API-key account by default). */
			pickups: (account = 'key:pk_sandbox') => mine(account).map(view),
			/** Pickups booked (successful POST /pickups), optionally for one account. */
			bookings: ({ account } = {}) =>
				state.bookings.filter((b) => account === undefined || b.account === account).length,
			/** Books a pickup straight in the store (no HTTP), as POST /pickups would. */
			seedPickup: (body, account = 'key:pk_sandbox') => create({ account, body }).body?.data,
			refusedPostalCode: REFUSED_POSTAL_CODE,
		},
	};
}

module.exports = { createPickupApi, REFUSED_POSTAL_CODE };
