import { type Resource, resourceProperties } from '../../../shared/router';
import { getStatus } from './getStatus.operation';

/** The payment providers a DataFast website has connected. */
export const paymentIntegration: Resource = { getStatus };

export const paymentIntegrationProperties = resourceProperties(
	'paymentIntegration',
	paymentIntegration,
	'getStatus',
);
