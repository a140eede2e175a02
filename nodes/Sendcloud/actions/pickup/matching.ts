import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendcloudV3Pages } from '../../transport';
import { getV3Record } from '../parcel/answers';

/** Text compared loosely: Sendcloud may return a postal code or a street in its own spelling. */
const loose = (value: unknown) =>
	String(value ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

const slotsOf = (pickup: IDataObject) =>
	(Array.isArray(pickup.time_slots) ? (pickup.time_slots as IDataObject[]) : []).map((slot) => [
		Date.parse(String(slot.start_at)),
		slot.end_at ? Date.parse(String(slot.end_at)) : null,
	]);

/** The same time window: every slot starts and ends at the same instants. */
function sameWindow(a: IDataObject, b: IDataObject): boolean {
	return JSON.stringify(slotsOf(a)) === JSON.stringify(slotsOf(b));
}

/** The same place: country, postal code, and street with house number. */
function samePlace(asked: IDataObject, found: IDataObject): boolean {
	const [a, b] = [(asked.address ?? {}) as IDataObject, (found.address ?? {}) as IDataObject];
	const street = (x: IDataObject) =>
		loose(`${String(x.address_line_1 ?? '')}${String(x.house_number ?? '')}`);
	return (
		loose(a.country_code) === loose(b.country_code) &&
		loose(a.postal_code) === loose(b.postal_code) &&
		street(a) === street(b)
	);
}

const KG_PER: Record<string, number> = { kg: 1, g: 0.001, lbs: 0.45359237, oz: 0.028349523125 };
const kgOf = (weight: unknown) => {
	const w = (weight ?? {}) as IDataObject;
	return Number(w.value) * (KG_PER[String(w.unit)] ?? NaN);
};
const itemsOf = (pickup: IDataObject) =>
	Array.isArray(pickup.items) ? (pickup.items as IDataObject[]) : [];

/** Parcels and weight of a pickup as Sendcloud returns it: from its items, else its own totals. */
function contentsOf(pickup: IDataObject): { quantity: number; kg: number } {
	const items = itemsOf(pickup);
	return {
		quantity: items.length
			? items.reduce((sum, item) => sum + Number(item.quantity), 0)
			: Number(pickup.quantity),
		kg: pickup.total_weight
			? kgOf(pickup.total_weight)
			: items.reduce((sum, item) => sum + kgOf(item.total_weight), 0),
	};
}

/** What differs between a pickup asked for and one with the same carrier, place and window. */
export function pickupDifferences(asked: IDataObject, found: IDataObject): string[] {
	const [want, got] = [contentsOf(asked), contentsOf(found)];
	const differences: string[] = [];
	if (want.quantity !== got.quantity)
		differences.push(`${got.quantity} parcels instead of ${want.quantity}`);
	if (!(Math.abs(want.kg - got.kg) < 0.001))
		differences.push(`${got.kg} kg instead of ${want.kg} kg`);
	if (loose(asked.reference) !== loose(found.reference))
		differences.push(
			`reference "${String(found.reference ?? '')}" instead of "${String(asked.reference ?? '')}"`,
		);
	return differences;
}

export const isActive = (pickup: IDataObject) =>
	pickup.status !== 'CANCELLED' && pickup.status !== 'FAILED';

/**
 * The account's pickups with the carrier, country and time window of `asked` (the list shows no more), read
 * whole, and kept when they are at the same address. The API cannot filter pickups, so every page is read.
 */
export async function pickupsLike(
	ctx: IExecuteFunctions,
	asked: IDataObject,
	i: number,
): Promise<IDataObject[]> {
	const country = loose(((asked.address ?? {}) as IDataObject).country_code);
	const listed: IDataObject[] = [];
	for await (const page of sendcloudV3Pages.call(ctx, '/pickups', { page_size: 100 }, i)) {
		for (const pickup of page) {
			if (
				pickup.carrier_code === asked.carrier_code &&
				loose(pickup.country) === country &&
				sameWindow(pickup, asked)
			)
				listed.push(pickup);
		}
	}
	const found: IDataObject[] = [];
	for (const summary of listed) {
		const pickup = await getV3Record(ctx, `/pickups/${String(summary.id)}`, i);
		if (samePlace(asked, pickup)) found.push(pickup);
	}
	return found;
}
