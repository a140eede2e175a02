import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { dataFastApiRequest, dataOf, tokenKind } from '../../transport';
import { returnAllAndLimit, wantedCount } from '../../helpers/fields';

const displayOptions = { show: { resource: ['website'], operation: ['getAll'] } };

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many websites',
		description:
			'The websites the account token may reach, with ID, domain, name, timezone and currency; one item per website (needs an account token with websites:read)',
	},
	description: [...returnAllAndLimit(displayOptions)],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			if ((await tokenKind(this)) === 'websiteKey')
				throw new NodeOperationError(
					this.getNode(),
					'Listing websites needs an account token (dft_): a website API key (df_) belongs to one website',
					{ itemIndex: i },
				);
			const answer = await dataFastApiRequest.call(this, 'GET', '/admin/websites', {
				itemIndex: i,
			});
			const websites: IDataObject[] = dataOf(answer);
			return websites.slice(0, wantedCount(this, i));
		});
	},
};
