import { type Resource, resourceProperties } from '../../../shared/router';
import { deleteOrder } from './delete.operation';
import { getAll } from './getAll.operation';
import { upsert } from './upsert.operation';

/** The orders of a shop integration; stored as the resource `shipment`, the API's name for them. */
export const order: Resource = { getAll, upsert, delete: deleteOrder };

export const orderProperties = resourceProperties('shipment', order, 'upsert');
