import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { sendcloudV3ApiRequest, sendcloudV3Pages } from '../transport';

/** Every record of a v3 list, page by page (cursor pages, the next one in the `Link` header). */
async function allRecords(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for await (const page of sendcloudV3Pages.call(ctx, path, { ...qs, page_size: 100 }))
		records.push(...page);
	return records;
}

/** The entries whose text contains the filter (case-insensitive), each with its name and value. */
function matching(
	records: IDataObject[],
	filter: string | undefined,
	entry: (record: IDataObject) => { name: string; value: string; text: string; url?: string },
): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: records
			.map(entry)
			.filter((e) => !needle || e.text.toLowerCase().includes(needle))
			.map(({ name, value, url }) => (url ? { name, value, url } : { name, value })),
	};
}

const joined = (...parts: unknown[]) =>
	parts
		.filter((p) => p !== undefined && p !== null && String(p).trim() !== '')
		.map(String)
		.join(', ');

/** The account's sender addresses, found by name, company, street, city, country or ID. */
export async function searchSenderAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const addresses = await allRecords(this, '/addresses/sender-addresses');
	return matching(addresses, filter, (a) => {
		const who = joined(a.company_name, a.name) || 'Sender address';
		const where = joined(
			joined(a.address_line_1, a.house_number).replace(', ', ' '),
			joined(a.postal_code, a.city).replace(', ', ' '),
			a.country_code,
		);
		const name = `${who} (${where}, ID ${a.id})`;
		return { name, value: String(a.id), text: `${name} ${a.email ?? ''}` };
	});
}

/** The account's brands, found by name, domain or ID. */
export async function searchBrands(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const brands = await allRecords(this, '/brands');
	return matching(brands, filter, (b) => {
		const name = `${b.name} (${b.domain ? `${b.domain}, ` : ''}ID ${b.id})`;
		return { name, value: String(b.id), text: `${name} ${b.website ?? ''}` };
	});
}

/** The account's carrier contracts, found by carrier, name, client ID, country, state or ID. */
export async function searchContracts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const contracts = await allRecords(this, '/contracts');
	return matching(contracts, filter, (c) => {
		const carrier = (c.carrier ?? {}) as IDataObject;
		const label = joined(c.name, c.client_id);
		const details = joined(
			c.type,
			c.state,
			c.country_code ?? c.country,
			c.is_default_per_carrier ? 'default' : undefined,
		);
		const carrierName = String(carrier.name ?? carrier.code ?? 'Carrier');
		const name = `${carrierName}${label ? `: ${label}` : ''} (${details ? `${details}, ` : ''}ID ${c.id})`;
		return { name, value: String(c.id), text: `${name} ${carrier.code ?? ''}` };
	});
}

/** Sendcloud's parcel statuses (one short list, not paged), found by message or code. */
export async function searchParcelStatuses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = (await sendcloudV3ApiRequest.call(this, 'GET', '/parcels/statuses')) as {
		data?: unknown;
	};
	const statuses = Array.isArray(answer?.data) ? (answer.data as IDataObject[]) : [];
	return matching(statuses, filter, (s) => {
		const name = `${s.message ?? s.code} (${s.code})`;
		return { name, value: String(s.code), text: name };
	});
}
