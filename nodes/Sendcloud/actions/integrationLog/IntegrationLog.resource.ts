import { type Resource, resourceProperties } from '../../../shared/router';
import { create } from './create.operation';
import { getAll } from './getAll.operation';

/** The connection issue log of shop integrations: failed calls to a shop, shown in Sendcloud. */
export const integrationLog: Resource = { create, getAll };

export const integrationLogProperties = resourceProperties(
	'integrationLog',
	integrationLog,
	'getAll',
);
