import { type Resource, resourceProperties } from '../../../shared/router';
import { get } from './get.operation';
import { register } from './register.operation';

/** Tracking on Sendcloud's v3 API: a parcel's events by tracking number, and parcels bought elsewhere. */
export const tracking: Resource = { get, register };

export const trackingProperties = resourceProperties('tracking', tracking, 'get');
