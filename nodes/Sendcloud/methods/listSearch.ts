import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { sendcloudApiRequest } from '../transport';

export {
	searchBrands,
	searchContracts,
	searchParcelStatuses,
	searchSenderAddresses,
} from './accountLists';

interface IntegrationSummary {
	id: number;
	shop_name: string;
	system?: string;
}

export async function searchIntegrations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const integrations = (await sendcloudApiRequest.call(this, 'GET', '/integrations', {
		qs: { ordering: 'shop_name' },
	})) as unknown as IntegrationSummary[];
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: integrations
			.filter(
				(integration) =>
					!needle ||
					`${integration.shop_name} ${integration.system ?? ''} ${integration.id}`
						.toLowerCase()
						.includes(needle),
			)
			.map((integration) => ({
				name: `${integration.shop_name} (${integration.system ?? 'shop'}, ID ${integration.id})`,
				value: String(integration.id),
			})),
	};
}
