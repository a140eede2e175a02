import { type Resource, resourceProperties } from '../../../shared/router';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

/** Carrier pickups (a carrier collects parcels at an address) on Sendcloud's v3 API. */
export const pickup: Resource = { create, get, getAll };

export const pickupProperties = resourceProperties('pickup', pickup, 'create');
