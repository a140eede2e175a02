import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { sendcloudProperties } from './actions/properties';
import { router } from './actions/router';
import { sendcloudCredentials } from './helpers/fields';
import {
	searchBrands,
	searchContracts,
	searchIntegrations,
	searchParcelStatuses,
	searchSenderAddresses,
} from './methods/listSearch';
import { searchShippingOptions } from './methods/shippingOptionSearch';
import { searchReturns } from './methods/returnSearch';
import { searchPickups } from './methods/pickupSearch';
import { searchServicePoints } from './methods/servicePointSearch';

export class Sendcloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendcloud',
		name: 'sendcloud',
		icon: { light: 'file:sendcloud.svg', dark: 'file:sendcloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create shipping labels, track parcels, and manage Sendcloud shop integrations, their orders and exception logs',
		defaults: { name: 'Sendcloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: sendcloudCredentials,
		properties: sendcloudProperties,
	};

	methods = {
		listSearch: {
			searchIntegrations,
			searchSenderAddresses,
			searchBrands,
			searchContracts,
			searchParcelStatuses,
			searchShippingOptions,
			searchReturns,
			searchPickups,
			searchServicePoints,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
