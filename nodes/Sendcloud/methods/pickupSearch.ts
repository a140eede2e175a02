import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { carrierName } from '../actions/pickup/carriers';
import { sendcloudV3ApiRequest } from '../transport';

/** The account's latest 100 pickups for a picker, newest first, filtered by what is typed. */
export async function searchPickups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = (await sendcloudV3ApiRequest.call(this, 'GET', '/pickups', {
		qs: { page_size: 100 },
	})) as { data?: Array<Record<string, unknown>> };
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: (answer.data ?? [])
			.map((pickup) => {
				const [slot] = (pickup.time_slots ?? []) as Array<Record<string, unknown>>;
				return {
					name: `${carrierName(pickup.carrier_code)} ${String(pickup.country ?? '')}, ${String(slot?.start_at ?? '')}: ${String(pickup.status ?? '')} (ID ${String(pickup.id)})`,
					value: String(pickup.id),
				};
			})
			.filter((result) => !needle || result.name.toLowerCase().includes(needle)),
	};
}
