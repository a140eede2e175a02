import { type Resource, resourceProperties } from '../../../shared/router';
import { getAll } from './getAll.operation';

/** Sendcloud's parcel statuses: the codes a parcel's status and the status filters take. */
export const parcelStatus: Resource = { getAll };

export const parcelStatusProperties = resourceProperties('parcelStatus', parcelStatus, 'getAll');
