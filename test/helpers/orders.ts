/** Orders as a shop workflow would map them: plain numbers, lower-case codes, Date-like values. */
import type { IDataObject } from 'n8n-workflow';

export function shopOrder(n: number, overrides: IDataObject = {}): IDataObject {
	return {
		name: `Customer ${n}`,
		address: 'Keizersgracht',
		house_number: String(100 + (n % 50)),
		city: 'Amsterdam',
		postal_code: '1015 CS',
		country: 'nl',
		email: `customer${n}@example.com`,
		telephone: '+31201234567',
		order_number: `SHOP-${n}`,
		external_order_id: 900000 + n,
		created_at: new Date(Date.UTC(2026, 10, 21, 9, 0, n % 60)).toISOString(),
		currency: 'eur',
		total_order_value: 19.95 + n,
		weight: 0.5,
		order_status: 'processing',
		payment_status: 'paid',
		parcel_items: [
			{ description: 'T-shirt', quantity: 1, value: 19.95, weight: 0.5, origin_country: 'nl' },
		],
		...overrides,
	};
}

export const orders = (count: number, from = 0) =>
	Array.from({ length: count }, (_, i) => shopOrder(from + i));
