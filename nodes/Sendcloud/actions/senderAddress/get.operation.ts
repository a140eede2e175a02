import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { requiredId } from '../../helpers/locators';
import { v3Record } from '../../helpers/v3Records';
import { senderAddressLocator } from './fields';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a sender address',
		description:
			'Get one sender address of the account by ID: name, company, address, email, phone, tax numbers and signature',
	},
	description: updateDisplayOptions({ show: { resource: ['senderAddress'], operation: ['get'] } }, [
		senderAddressLocator({}, 'The sender address to get: pick it from the list, or give its ID'),
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = requiredId(
				this.getNode(),
				'sender address',
				this.getNodeParameter('senderAddressId', i, ''),
				i,
			);
			return await v3Record(this, `/addresses/sender-addresses/${id}`, i, 'sender address');
		});
	},
};
