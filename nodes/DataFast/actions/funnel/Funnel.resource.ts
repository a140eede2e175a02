import { type Resource, resourceProperties } from '../../../shared/router';
import { getAll } from './getAll.operation';

/** A website's funnels (their definitions; results are in DataFast's dashboard). */
export const funnel: Resource = { getAll };

export const funnelProperties = resourceProperties('funnel', funnel, 'getAll');
