import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { sendcloudProfile } from '../transport';

interface IntegrationSummary {
	id: number;
	shop_name: string;
	system?: string;
}

export async function searchIntegrations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const integrations = (await apiRequest.call(this, sendcloudProfile, {
		method: 'GET',
		url: '/integrations',
		qs: { ordering: 'shop_name' },
	})) as IntegrationSummary[];
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
