import type { INodePropertyOptions } from 'n8n-workflow';

/** The carriers the Pickups API books with, by their carrier codes (the spec's request schemas). */
export const PICKUP_CARRIERS: INodePropertyOptions[] = [
	{ name: 'BRT', value: 'brt' },
	{ name: 'Correos', value: 'correos' },
	{ name: 'Correos Express', value: 'correos_express' },
	{ name: 'DHL', value: 'dhl' },
	{ name: 'DHL Express', value: 'dhl_express' },
	{ name: 'DHL Germany', value: 'dhl_de' },
	{ name: 'DHL Parcel Iberia', value: 'dhl_parcel_iberia' },
	{ name: 'DHL Parcel UK', value: 'dhl_parcel_gb' },
	{ name: 'DPD', value: 'dpd' },
	{ name: 'DPD Austria', value: 'dpd_at' },
	{ name: 'FedEx', value: 'fedex' },
	{ name: 'GLS Italy', value: 'gls_it' },
	{ name: 'Hermes Germany', value: 'hermes_de' },
	{ name: 'Poste Italiane Delivery', value: 'poste_it_delivery' },
	{ name: 'UPS', value: 'ups' },
];

export const carrierName = (code: unknown) =>
	PICKUP_CARRIERS.find((c) => c.value === code)?.name ?? String(code);

/** What each carrier's request schema requires beyond the common fields. */
export const CARRIER_RULES = {
	/** The address's state or province (ISO 3166-2). */
	stateRequired: ['brt', 'gls_it', 'poste_it_delivery'],
	/** A contact phone number. */
	phoneRequired: ['correos_express', 'dhl_express', 'fedex'],
	/** Pallets may be picked up, not only parcels. */
	pallets: ['dhl', 'dpd_at', 'ups'],
	/** Their items need fields the node does not ask for: the node sends no items unless Other Fields gives them. */
	ownItems: ['ups'],
	/** Fields to give in Other Fields (JSON). */
	extraFields: {
		fedex: ['origin_detail'],
		dhl_parcel_gb: ['customer_account_number', 'trading_location_id'],
	} as Record<string, string[]>,
};
