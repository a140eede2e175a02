import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { recordsUpTo, returnAllAndLimit } from '../../helpers/fields';
import { pageSizeFor, simplifiedIfAsked, simplifyFieldFor } from '../../helpers/v3Records';
import { sendcloudV3Pages } from '../../transport';
import { simplifyBrand } from './fields';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many brands',
		description:
			'List the brands of the Sendcloud account (the brand_id of a shipment, its tracking page and return portal): ID, name, domain, website and colour',
	},
	description: updateDisplayOptions({ show: { resource: ['brand'], operation: ['getAll'] } }, [
		...returnAllAndLimit({}),
		simplifyFieldFor('the ID, name, domain, website and colour'),
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const pages = sendcloudV3Pages.call(this, '/brands', { page_size: pageSizeFor(this, i) }, i);
			return simplifiedIfAsked(this, i, await recordsUpTo(pages, this, i), simplifyBrand);
		});
	},
};
