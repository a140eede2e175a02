import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/locators';

/** A carrier contract of the Sendcloud account: From List or By ID. */
export function contractLocator(
	displayOptions: IDisplayOptions,
	description: string,
	required = true,
): INodeProperties {
	return idLocator({
		displayName: 'Contract',
		name: 'contractId',
		searchListMethod: 'searchContracts',
		noun: 'contract',
		required,
		description,
		displayOptions,
	});
}
