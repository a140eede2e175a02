import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** The visitors DataFast tracked on a website. */
export const visitor: Resource = { get, getAll };

export const visitorProperties = resourceProperties('visitor', visitor, 'get');
