import { type Resource, resourceProperties } from '../../../shared/router';
import { create } from './create.operation';
import { deletePayments } from './delete.operation';

/** Payments recorded through the API (any provider), attributed to visitors. */
export const payment: Resource = { create, delete: deletePayments };

export const paymentProperties = resourceProperties('payment', payment, 'create');
