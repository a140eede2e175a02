import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** The websites of the DataFast account. */
export const website: Resource = { get, getAll };

export const websiteProperties = resourceProperties('website', website, 'getAll');
