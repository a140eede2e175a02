import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { recordsUpTo, returnAllAndLimit } from '../../helpers/fields';
import { pageSizeFor, simplifiedIfAsked, simplifyFieldFor } from '../../helpers/v3Records';
import { sendcloudV3Pages } from '../../transport';
import { simplifySenderAddress } from './fields';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many sender addresses',
		description:
			'List the sender addresses saved in the Sendcloud account, each with its ID (for a label’s sender), name, company, address, email and phone',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['senderAddress'], operation: ['getAll'] } },
		[...returnAllAndLimit({}), simplifyFieldFor('the ID, name, company, address, email and phone')],
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const pages = sendcloudV3Pages.call(
				this,
				'/addresses/sender-addresses',
				{ page_size: pageSizeFor(this, i) },
				i,
			);
			return simplifiedIfAsked(this, i, await recordsUpTo(pages, this, i), simplifySenderAddress);
		});
	},
};
