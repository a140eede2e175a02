import type { IDataObject } from 'n8n-workflow';

import {
	best,
	type Candidate,
	candidatesOf,
} from '../../../nodes/Sendcloud/actions/shippingOption/choose';

const candidate = (code: string, price: number, leadTimeHours: number | null): Candidate => ({
	option: { code },
	price,
	currency: 'EUR',
	leadTimeHours,
});

describe('choosing among shipping options', () => {
	test('cheapest: price, then the shorter lead time, then the code', () => {
		const list = [
			candidate('b', 5, 48),
			candidate('c', 5, 24),
			candidate('a', 5, 24),
			candidate('d', 9, 1),
		];
		expect(best(list, 'cheapest')?.option.code).toBe('a');
		expect(best(list.reverse(), 'cheapest')?.option.code).toBe('a');
	});

	test('fastest: lead time (none counts as slowest), then price, then the code', () => {
		const list = [
			candidate('x', 1, null),
			candidate('b', 9, 24),
			candidate('a', 7, 24),
			candidate('c', 7, 24),
		];
		expect(best(list, 'fastest')?.option.code).toBe('a');
		expect(best([candidate('x', 1, null), candidate('y', 2, null)], 'fastest')?.option.code).toBe(
			'x',
		);
		expect(best([], 'fastest')).toBeUndefined();
	});

	test('fit: weight range in any unit, multicollo, and a priced quote covering the heaviest parcel', () => {
		const quote = (max: IDataObject, value: string, lead = 24) => ({
			weight: { min: { value: '0', unit: 'kg' }, max },
			price: { total: { value, currency: 'EUR' } },
			lead_time: lead,
		});
		const options: IDataObject[] = [
			{
				code: 'grams',
				weight: { max: { value: '2000', unit: 'g' } },
				quotes: [quote({ value: '2', unit: 'kg' }, '3.00')],
			},
			{
				code: 'tiers',
				weight: { max: { value: '10', unit: 'kg' } },
				functionalities: { multicollo: true },
				quotes: [
					quote({ value: '2', unit: 'kg' }, '4.00', 24),
					quote({ value: '10', unit: 'kg' }, '6.00', 48),
				],
			},
			{ code: 'unpriced', quotes: null },
			{
				code: 'single',
				functionalities: { multicollo: false },
				quotes: [quote({ value: '30', unit: 'kg' }, '1.00')],
			},
		];
		expect(candidatesOf(options, [1.5]).map((c) => [c.option.code, c.price])).toEqual([
			['grams', 3],
			['tiers', 4],
			['single', 1],
		]);
		expect(
			candidatesOf(options, [5]).map((c) => [c.option.code, c.price, c.leadTimeHours]),
		).toEqual([
			['tiers', 6, 48],
			['single', 1, 24],
		]);
		expect(candidatesOf(options, [1, 5]).map((c) => c.option.code)).toEqual(['tiers']);
	});
});
