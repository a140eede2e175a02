import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { eachItem } from '../../../shared/items';
import { asNodeError } from '../../../shared/nodeError';
import type { Operation } from '../../../shared/router';
import { failureFromError } from '../../../shared/transport';
import { sendcloudV3ApiRequest } from '../../transport';
import { pickupBody } from './body';
import { carrierName } from './carriers';
import { createFields } from './createFields';
import { isActive, pickupDifferences, pickupsLike } from './matching';

/** Failures that show the request never reached Sendcloud, or was refused: nothing was booked. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'REDIRECT_REFUSED']);

/** Whether Sendcloud may have booked the pickup although the node got no success: a lost or unusable answer, a 5xx. */
function mayHaveBooked(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	if (error.httpCode && Number.isInteger(status)) return status >= 500;
	// A redirect is an answer: the request was not carried out where it was sent, and is not followed.
	if (/answered with a redirect/.test(error.message)) return false;
	const failure = failureFromError(error);
	return !(failure?.networkCode && NOT_SENT.has(failure.networkCode));
}

/** The pickup in words, for messages: carrier, window and place. */
function described(body: IDataObject): string {
	const address = body.address as IDataObject;
	const [slot] = body.time_slots as IDataObject[];
	return `${carrierName(body.carrier_code)}, ${String(slot.start_at)} to ${String(slot.end_at)}, ${String(address.address_line_1)} ${String(address.house_number ?? '')}, ${String(address.postal_code)} ${String(address.city)}`.replace(
		/ +,/g,
		',',
	);
}

/**
 * Books one pickup (a paid carrier visit) at most once. The spec gives a pickup no idempotency key and no
 * unique reference, and the list cannot be filtered, so the node (1) reads the account's pickups first and
 * returns one with the same carrier, address and time window as "existing" instead of booking again, (2) sends
 * the booking once, never repeated, and (3) when the answer is lost, reads the pickups again: the one that
 * appeared is this booking; if none did, it fails saying the pickup may have been booked.
 */
async function bookOnce(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = pickupBody(ctx, i);
	const allowDuplicate = ctx.getNodeParameter('allowDuplicate', i, false) as boolean;
	const before = await pickupsLike(ctx, body, i);
	const active = before.filter(isActive);
	if (!allowDuplicate && active.length) {
		const same = active.find((pickup) => pickupDifferences(body, pickup).length === 0);
		if (same) return { outcome: 'existing', ...same };
		const [other] = active;
		throw new NodeOperationError(
			ctx.getNode(),
			`A pickup with the same carrier, address and time window is already booked (pickup ${String(other.id)}, ${String(other.status)}): it differs in ${pickupDifferences(body, other).join(', ')}`,
			{
				itemIndex: i,
				description:
					'Nothing was booked: one carrier visit collects every parcel. Change or cancel that pickup in Sendcloud, or turn on "Book Even If a Matching Pickup Exists" to book a second visit.',
			},
		);
	}
	let created: IDataObject;
	try {
		created = (await sendcloudV3ApiRequest.call(ctx, 'POST', '/pickups', { body, itemIndex: i }))
			.data as IDataObject;
	} catch (error) {
		if (!mayHaveBooked(error)) throw asNodeError(ctx.getNode(), error, i);
		return await afterLostAnswer(ctx, body, before, error as NodeApiError, i);
	}
	return { outcome: 'created', ...created };
}

/** After a lost answer: the pickup that appeared since, or an error that says it may have been booked. */
async function afterLostAnswer(
	ctx: IExecuteFunctions,
	body: IDataObject,
	before: IDataObject[],
	lost: NodeApiError,
	i: number,
): Promise<IDataObject> {
	const known = new Set(before.map((pickup) => pickup.id));
	let appeared: IDataObject[] | undefined;
	try {
		appeared = (await pickupsLike(ctx, body, i)).filter(
			(pickup) => !known.has(pickup.id) && pickupDifferences(body, pickup).length === 0,
		);
	} catch {
		appeared = undefined;
	}
	if (appeared?.length === 1) return { outcome: 'created', answer_lost: true, ...appeared[0] };
	const error = new NodeApiError(
		ctx.getNode(),
		{},
		{
			message: `The pickup may have been booked: ${lost.message}, and ${appeared === undefined ? 'the pickups could not be read to find out' : appeared.length ? `${appeared.length} matching pickups appeared (${appeared.map((p) => String(p.id)).join(', ')})` : 'no matching pickup is listed yet'}`,
			description: `It was not sent again, so as not to book a second carrier visit. Check the account's pickups in Sendcloud (Shipping → Pickups, or Pickup → Get Many) for ${described(body)} before booking it. Running the node again with the same input is safe once it is listed: a pickup with the same carrier, address and time window is returned as "existing" rather than booked again.`,
			httpCode: lost.httpCode ?? undefined,
			itemIndex: i,
		},
	);
	error.context = { ...error.context, pickup_may_be_booked: true };
	throw error;
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Book a pickup',
		description:
			'Book a carrier to collect parcels at an address in a time window (a paid visit): returns the pickup (ID, status, tracking number) with outcome "created". At most one per input: a pickup already booked with the same carrier, address and window is returned with outcome "existing" instead.',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['pickup'], operation: ['create'] } },
		createFields,
	),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		// One item after another: a later item that asks for the same visit finds the earlier one's.
		return await eachItem(this, items, async (i) => await bookOnce(this, i));
	},
};
