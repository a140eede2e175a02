import type { IDataObject } from 'n8n-workflow';

/** kg per unit, as the spec's weight units. */
const KG: Record<string, number> = { kg: 1, g: 0.001, lbs: 0.45359237, oz: 0.028349523125 };

export type Criterion = 'cheapest' | 'fastest';

/** One option as compared: its price for the whole shipment and its lead time in hours. */
export interface Candidate {
	option: IDataObject;
	price: number;
	currency: string;
	/** Hours, as the spec's quote `lead_time`; null when Sendcloud gives none. */
	leadTimeHours: number | null;
}

function kilograms(weight: unknown): number | undefined {
	const { value, unit } = (weight ?? {}) as { value?: unknown; unit?: unknown };
	const factor = KG[String(unit ?? 'kg')];
	const number = Number(value);
	return factor !== undefined && value !== undefined && Number.isFinite(number)
		? number * factor
		: undefined;
}

/** Whether a weight range ({min, max} of spec Weights) holds `kg`; a bound left out holds anything. */
function inRange(range: unknown, kg: number): boolean {
	const { min, max } = (range ?? {}) as { min?: unknown; max?: unknown };
	const low = kilograms(min);
	const high = kilograms(max);
	return (low === undefined || kg >= low - 1e-9) && (high === undefined || kg <= high + 1e-9);
}

/**
 * The quote that prices this shipment: the first whose weight range holds the heaviest parcel (ranges are per
 * parcel, like the option's), else the first quote. Undefined when the option has no priced quote.
 */
export function quoteOf(option: IDataObject, weightsKg: number[]): IDataObject | undefined {
	const quotes = ((option.quotes as IDataObject[] | null | undefined) ?? []).filter((quote) => {
		const total = (quote.price as IDataObject | undefined)?.total as IDataObject | undefined;
		return total?.value !== undefined && Number.isFinite(Number(total.value));
	});
	const heaviest = Math.max(...weightsKg);
	return quotes.find((quote) => inRange(quote.weight, heaviest)) ?? quotes[0];
}

/**
 * The options that fit the parcels, with their prices: Sendcloud already filters, and this holds the answer to
 * it: each parcel within the option's weight range, several parcels only where multicollo is not ruled out, and a
 * priced quote (an option without a price cannot be compared, nor bought knowingly).
 */
export function candidatesOf(options: IDataObject[], weightsKg: number[]): Candidate[] {
	return options.flatMap((option) => {
		const functionalities = (option.functionalities ?? {}) as IDataObject;
		if (weightsKg.length > 1 && functionalities.multicollo === false) return [];
		if (!weightsKg.every((kg) => inRange(option.weight, kg))) return [];
		const quote = quoteOf(option, weightsKg);
		if (!quote) return [];
		const total = (quote.price as IDataObject).total as IDataObject;
		const lead = quote.lead_time;
		return [
			{
				option,
				price: Number(total.value),
				currency: String(total.currency ?? ''),
				leadTimeHours: typeof lead === 'number' && Number.isFinite(lead) ? lead : null,
			},
		];
	});
}

const byLeadTime = (a: Candidate, b: Candidate) =>
	(a.leadTimeHours ?? Infinity) - (b.leadTimeHours ?? Infinity);
const byPrice = (a: Candidate, b: Candidate) => a.price - b.price;
const byCode = (a: Candidate, b: Candidate) =>
	String(a.option.code).localeCompare(String(b.option.code));

/**
 * The best candidate. Cheapest: lowest total price, then the shorter lead time, then the code (alphabetical).
 * Fastest: shortest lead time (an option without one comes after all that have one), then the lower price,
 * then the code. The code makes the choice the same on every run, whatever order Sendcloud lists them in.
 */
export function best(candidates: Candidate[], criterion: Criterion): Candidate | undefined {
	const order =
		criterion === 'cheapest' ? [byPrice, byLeadTime, byCode] : [byLeadTime, byPrice, byCode];
	return [...candidates].sort((a, b) => {
		for (const compare of order) {
			const difference = compare(a, b);
			if (difference !== 0 && !Number.isNaN(difference)) return difference;
		}
		return 0;
	})[0];
}

/** The currencies the candidates are priced in (prices in different currencies cannot be compared). */
export const currenciesOf = (candidates: Candidate[]) => [
	...new Set(candidates.map((candidate) => candidate.currency)),
];
