import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filterFields, filterQuery } from '../../helpers/filters';
import { rangeFields, rangeQuery, textAt } from '../../helpers/fields';
import { websiteLocator } from '../../helpers/website';

const show = (operation: string) => ({ show: { resource: ['analytics'], operation: [operation] } });

/** The Website field of an analytics operation. */
export const websiteField = (operation: string) => websiteLocator(show(operation));

/** Range, timezone and filters of an analytics operation. */
export function scopeFields(operation: string, { filters = true } = {}): INodeProperties[] {
	return [
		...rangeFields(show(operation)),
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Amsterdam',
			description: "IANA timezone the dates are read in; empty for the website's own timezone",
			displayOptions: show(operation),
		},
		...(filters ? filterFields(show(operation)) : []),
	];
}

/** The query of range, timezone and filters, checked before sending. */
export function scopeQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const query: IDataObject = { ...rangeQuery(ctx, itemIndex), ...filterQuery(ctx, itemIndex) };
	const timezone = textAt(ctx, 'timezone', itemIndex);
	if (timezone !== undefined) query.timezone = timezone;
	return query;
}

export { show };
