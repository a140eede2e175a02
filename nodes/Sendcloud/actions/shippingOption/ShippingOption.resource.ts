import { type Resource, resourceProperties } from '../../../shared/router';
import { getAll } from './getAll.operation';
import { getBest } from './getBest.operation';

/** Sendcloud's v3 shipping options: which carrier services fit a route and its parcels, and at what price. */
export const shippingOption: Resource = {
	getAll,
	getBest,
};

export const shippingOptionProperties = resourceProperties(
	'shippingOption',
	shippingOption,
	'getBest',
);
