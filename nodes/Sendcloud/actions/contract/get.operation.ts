import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import type { Operation } from '../../../shared/router';
import { requiredId } from '../../helpers/locators';
import { v3Record } from '../../helpers/v3Records';
import { contractLocator } from './fields';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a contract',
		description:
			'Get one carrier contract of the account by ID: carrier, name, client ID, country, state (active, validating, …), type and whether it is the carrier’s default',
	},
	description: updateDisplayOptions({ show: { resource: ['contract'], operation: ['get'] } }, [
		contractLocator({}, 'The contract to get: pick it from the list, or give its ID'),
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await eachItem(this, items, async (i) => {
			const id = requiredId(
				this.getNode(),
				'contract',
				this.getNodeParameter('contractId', i, ''),
				i,
			);
			return await v3Record(this, `/contracts/${id}`, i, 'contract');
		});
	},
};
