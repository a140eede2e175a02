import { type Resource, resourceProperties } from '../../../shared/router';
import { checkAvailability } from './checkAvailability.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** Carriers' service points (parcel shops, lockers, post offices) on Sendcloud's v3 API. */
export const servicePoint: Resource = { checkAvailability, get, getAll };

export const servicePointProperties = resourceProperties('servicePoint', servicePoint, 'getAll');
