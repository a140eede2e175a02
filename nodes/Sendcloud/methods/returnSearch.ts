import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { returnPages, listDate } from '../actions/return/returnList';

/** How far back the Return ID list looks, and how many returns it reads at most. */
const DAYS = 90;
const MAX_RETURNS = 200;

/** The returns of the last 90 days for the Return ID list, newest first, searchable by order, customer or tracking number. */
export async function searchReturns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const now = Date.now();
	const qs = {
		from_date: listDate(now - DAYS * 24 * 3600 * 1000),
		to_date: listDate(now + 24 * 3600 * 1000),
		page_size: 40,
	};
	const found: IDataObject[] = [];
	for await (const page of returnPages(this, qs)) {
		found.push(...page);
		if (found.length >= MAX_RETURNS) break;
	}
	const needle = (filter ?? '').trim().toLowerCase();
	const describe = (ret: IDataObject) =>
		[
			ret.order_number || 'no order number',
			((ret.from_address ?? {}) as IDataObject).name,
			ret.tracking_number ?? 'not announced yet',
		]
			.filter(Boolean)
			.join(' · ');
	return {
		results: found
			.filter((ret) => ret.id !== undefined)
			.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')))
			.filter(
				(ret) => !needle || `${describe(ret)} ${String(ret.id)}`.toLowerCase().includes(needle),
			)
			.map((ret) => ({ name: `${describe(ret)} (ID ${String(ret.id)})`, value: String(ret.id) })),
	};
}
