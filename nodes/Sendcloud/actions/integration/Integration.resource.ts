import { type Resource, resourceProperties } from '../../../shared/router';
import { deleteIntegration } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { replace } from './replace.operation';
import { update } from './update.operation';

/** Shop integrations: the shops whose orders Sendcloud fetches. */
export const integration: Resource = { delete: deleteIntegration, get, getAll, replace, update };

export const integrationProperties = resourceProperties('integration', integration, 'getAll');
