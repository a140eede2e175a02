import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/locators';

/** A brand of the Sendcloud account: From List or By ID. */
export function brandLocator(
	displayOptions: IDisplayOptions,
	description: string,
	required = true,
): INodeProperties {
	return idLocator({
		displayName: 'Brand',
		name: 'brandId',
		searchListMethod: 'searchBrands',
		noun: 'brand',
		required,
		description,
		displayOptions,
	});
}

/** The fields people use of a brand: its ID, name, domain and website. */
export function simplifyBrand(brand: IDataObject): IDataObject {
	return {
		id: brand.id ?? null,
		name: brand.name ?? null,
		domain: brand.domain ?? null,
		website: brand.website ?? null,
		color: brand.color ?? null,
	};
}
