import { type Resource, resourceProperties } from '../../../shared/router';
import { cancel } from './cancel.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { validate } from './validate.operation';

/** Standalone returns on Sendcloud's v3 API: create one with its label, read, list, cancel, validate. */
export const returnResource: Resource = { cancel, create, get, getAll, validate };

export const returnProperties = resourceProperties('return', returnResource, 'create');
