import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** The account's carrier contracts: which carrier account a label is bought on. */
export const contract: Resource = { get, getAll };

export const contractProperties = resourceProperties('contract', contract, 'getAll');
