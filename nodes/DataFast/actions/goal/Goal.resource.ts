import { type Resource, resourceProperties } from '../../../shared/router';
import { create } from './create.operation';
import { deleteGoals } from './delete.operation';

/** Custom goals (conversion events) recorded for visitors. */
export const goal: Resource = { create, delete: deleteGoals };

export const goalProperties = resourceProperties('goal', goal, 'create');
