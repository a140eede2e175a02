import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataFastApiRequest, tokenKind } from '../transport';

/** The websites the account token may reach (`GET /admin/websites`, websites:read). */
export async function searchWebsites(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	if ((await tokenKind(this)) === 'websiteKey')
		throw new NodeOperationError(
			this.getNode(),
			'A website API key (df_) belongs to one website: leave Website empty (or enter its ID By ID where an operation needs it)',
		);
	const answer = await dataFastApiRequest.call(this, 'GET', '/admin/websites');
	const websites = (Array.isArray(answer.data) ? answer.data : []) as IDataObject[];
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: websites
			.map((w) => ({
				name: `${String(w.name ?? w.domain ?? w._id)} (${String(w.domain ?? '')})`,
				value: String(w._id ?? w.id ?? ''),
				url: w.domain ? `https://${String(w.domain)}` : undefined,
			}))
			.filter((w) => w.value && (!needle || `${w.name} ${w.value}`.toLowerCase().includes(needle))),
	};
}
