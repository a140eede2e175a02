import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pagesOf, type RequestContext } from '../../../shared/transport';
import { sendcloudV3Profile } from '../../transport';

/** The list's time filters as the spec writes them: `2022-04-06 00:00:00` (taken as UTC). */
export const listDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The records of each page of GET /returns: `{data, next}`, the next page's URL in the body. */
export function returnPages(
	ctx: RequestContext,
	qs: IDataObject,
	itemIndex?: number,
): AsyncGenerator<IDataObject[]> {
	return pagesOf.call(
		ctx,
		sendcloudV3Profile,
		{ method: 'GET', url: '/returns', qs, headers: { Accept: 'application/json' } },
		{
			links: { resultsProperty: 'data', next: (response) => (response.body as IDataObject).next },
			itemIndex,
		},
	);
}

/** The parcel of a return, from its label's URL (`…/parcels/{id}/documents/label`): the Return has no parcel field. */
export function returnParcelId(ret: IDataObject): number | undefined {
	if (typeof ret.parcel_id === 'number') return ret.parcel_id;
	const label = (ret.label ?? {}) as IDataObject;
	const url = String(label.label_printer ?? ret.label_url ?? '');
	const id = /\/parcels\/(\d+)\/documents\//.exec(url)?.[1];
	return id ? Number(id) : undefined;
}

export const returnSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the main fields (ID, status, tracking, label link, customer, order number) instead of everything',
};

/** The fields people use of a return. */
export function simplifyReturn(ret: IDataObject): IDataObject {
	const from = (ret.from_address ?? {}) as IDataObject;
	const history = Array.isArray(ret.status_history) ? (ret.status_history as IDataObject[]) : [];
	const latest = history[history.length - 1] ?? {};
	return {
		id: ret.id ?? null,
		status: ret.status ?? null,
		parcel_status: latest.parent_status ?? null,
		parcel_id: returnParcelId(ret) ?? null,
		is_cancellable: ret.is_cancellable ?? null,
		tracking_number: ret.tracking_number ?? null,
		tracking_url: ret.tracking_url ?? null,
		label_url: ((ret.label ?? {}) as IDataObject).label_printer ?? ret.label_url ?? null,
		order_number: ret.order_number ?? null,
		customer_name: from.name ?? null,
		customer_email: from.email ?? null,
		shipping_option_code: ((ret.shipping_option ?? {}) as IDataObject).code ?? null,
		created_at: ret.created_at ?? null,
		delivered_at: ret.delivered_at_iso ?? null,
		errors: Array.isArray(ret.errors) && ret.errors.length ? ret.errors : undefined,
	};
}
