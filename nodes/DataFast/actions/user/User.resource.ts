import { type Resource, resourceProperties } from '../../../shared/router';
import { identify } from './identify.operation';

/** Your users, linked to DataFast visitors. */
export const user: Resource = { identify };

export const userProperties = resourceProperties('user', user, 'identify');
