import type { IDataObject } from 'n8n-workflow';

/**
 * What one create-and-announce request did, judged from Sendcloud's answer:
 * - `created`: a new shipment whose parcels were announced (labels bought);
 * - `existing`: Sendcloud already had a shipment with this external reference (a repeated
 *   request, 409) and returned it; nothing was bought again;
 * - `failed`: the shipment exists but its announcement failed (a 201 can say so), with the
 *   carrier's reasons; no label was bought.
 */
export type Announcement =
	| { outcome: 'created' | 'existing'; shipment: IDataObject }
	| { outcome: 'failed'; shipment: IDataObject; reasons: string[] };

export const ANNOUNCEMENT_FAILED = 'ANNOUNCEMENT_FAILED';

function parcelsOf(shipment: IDataObject): IDataObject[] {
	return Array.isArray(shipment.parcels) ? (shipment.parcels as IDataObject[]) : [];
}

function statusCodeOf(parcel: IDataObject): unknown {
	return (parcel.status as IDataObject | undefined)?.code;
}

/** Why an announcement failed, in the carrier's words: the shipment's and parcels' errors. */
function failureReasons(
	shipment: IDataObject,
	describe: (errors: unknown[]) => string | undefined,
): string[] {
	const lists = [shipment.errors, ...parcelsOf(shipment).map((parcel) => parcel.errors)];
	const reasons = lists
		.filter((list): list is unknown[] => Array.isArray(list) && list.length > 0)
		.map((list) => describe(list))
		.filter((reason): reason is string => Boolean(reason));
	return reasons.length ? reasons : ['Sendcloud gave no reason'];
}

/** A shipment (new or returned by a 409) judged: a failed announcement is never a success. */
export function judgeShipment(
	shipment: IDataObject,
	outcome: 'created' | 'existing',
	describe: (errors: unknown[]) => string | undefined,
): Announcement {
	const failed =
		parcelsOf(shipment).some((parcel) => statusCodeOf(parcel) === ANNOUNCEMENT_FAILED) ||
		(Array.isArray(shipment.errors) && shipment.errors.length > 0);
	return failed
		? { outcome: 'failed', shipment, reasons: failureReasons(shipment, describe) }
		: { outcome, shipment };
}

/** IDs of the parcels that have a label to download. */
export function labelledParcelIds(shipment: IDataObject): number[] {
	return parcelsOf(shipment)
		.filter(
			(parcel) => statusCodeOf(parcel) !== ANNOUNCEMENT_FAILED && typeof parcel.id === 'number',
		)
		.map((parcel) => parcel.id as number);
}

/** The shipment without its base64 label files: the label goes out as binary data instead. */
export function withoutLabelFiles(shipment: IDataObject): IDataObject {
	if (!Array.isArray(shipment.parcels)) return shipment;
	return {
		...shipment,
		parcels: (shipment.parcels as IDataObject[]).map(
			({ label_file: _labelFile, ...parcel }) => parcel,
		),
	};
}
