import { type Resource, resourceProperties } from '../../../shared/router';
import { cancel } from './cancel.operation';
import { create } from './create.operation';
import { downloadDocument } from './downloadDocument.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getReturnPortalUrl } from './getReturnPortalUrl.operation';
import { validateAddress } from './validateAddress.operation';

/** Shipments on Sendcloud's v3 API: labels bought, their documents, tracking, cancellation, returns. */
export const parcel: Resource = {
	cancel,
	create,
	downloadDocument,
	get,
	getAll,
	getReturnPortalUrl,
	validateAddress,
};

export const parcelProperties = resourceProperties('parcel', parcel, 'create');
