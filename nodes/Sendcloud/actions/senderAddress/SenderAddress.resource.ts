import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** The sender addresses saved in the account: the "from" of a label. */
export const senderAddress: Resource = { get, getAll };

export const senderAddressProperties = resourceProperties('senderAddress', senderAddress, 'getAll');
