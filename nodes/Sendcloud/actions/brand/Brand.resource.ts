import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** The account's brands: the look of tracking pages and return portals, and a shipment's brand_id. */
export const brand: Resource = { get, getAll };

export const brandProperties = resourceProperties('brand', brand, 'getAll');
