import type { IHttpRequestMethods, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { sendcloudV3Base, trimBaseUrl } from '../../shared/baseUrl';
import { unansweredError } from '../../shared/nodeError';
import { describeFieldErrors, parsePythonLiteral } from '../../shared/pythonLiteral';
import type { HttpFailure } from '../../shared/httpFailure';
import { type ApiProfile, errorBody } from '../../shared/transport';

/** Sendcloud's published limits: GET 1000/min; writes 100/min with a burst of 15/s. */
const READ_LIMITS = [{ limit: 1000, periodMs: 60_000 }];
const WRITE_LIMITS = [
	{ limit: 100, periodMs: 60_000 },
	{ limit: 15, periodMs: 1_000 },
];

interface V3Error {
	detail?: unknown;
	code?: unknown;
	/** The Returns API's errors: `{field, code, message}`. */
	field?: unknown;
	message?: unknown;
	source?: { pointer?: unknown; parameter?: unknown; header?: unknown };
}

/** v3's JSON:API errors, each with the field, parameter or header it is about. */
function v3ErrorLines(errors: V3Error[]): string[] {
	return errors.map((error) => {
		const source = error.source ?? {};
		const where = [source.pointer, source.parameter, source.header, error.field].find(
			(s) => typeof s === 'string' && s !== '',
		);
		const field =
			typeof where === 'string' ? where.replace(/^\/?(data\/)?/, '').replace(/\//g, '.') : '';
		const text = String(error.detail ?? error.message ?? error.code ?? 'no reason given');
		return field ? `${field}: ${text}` : text;
	});
}

/**
 * A Sendcloud error body as text a person can act on: v2's `{error: {code, request, message}}`,
 * whose `message` is sometimes a Python dict of field errors, or v3's `{errors: [...]}`.
 */
export function sendcloudErrorDetail(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 500) : undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const v3Errors = Array.isArray(body) ? body : (body as { errors?: unknown }).errors;
	if (Array.isArray(v3Errors)) return v3ErrorLines(v3Errors as V3Error[]).join('; ') || undefined;
	// The Parcel Tracking API (FastAPI): `{detail: text}`, or `{detail: [{loc, msg}]}` for invalid input.
	const detail = (body as { detail?: unknown }).detail;
	if (typeof detail === 'string' && detail.trim()) return detail.trim();
	if (Array.isArray(detail))
		return (
			(detail as Array<{ loc?: unknown; msg?: unknown }>)
				.map(({ loc, msg }) => {
					const field = Array.isArray(loc) ? loc.filter((l) => l !== 'body').join('.') : '';
					return field ? `${field}: ${String(msg)}` : String(msg);
				})
				.join('; ') || undefined
		);
	const error = (body as { error?: unknown }).error;
	const message =
		typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
	if (typeof message !== 'string') {
		const lines = describeFieldErrors(error ?? body);
		return lines.length ? lines.join('; ') : undefined;
	}
	const parsed = parsePythonLiteral(message.trim());
	const lines = typeof parsed === 'object' && parsed !== null ? describeFieldErrors(parsed) : [];
	return lines.length ? lines.join('; ') : message;
}

/**
 * What a 404 could not find, named from the request's path, and where to find a right ID: the
 * first line of an error is all some AI agents pass on to the model, so it says what to change.
 */
const integrationMissing = (id: string, tries: string) =>
	`Sendcloud could not find integration ${id}${tries}: check the ID, or list the account's integrations with Integration → Get Many`;

const NOT_FOUND: Array<[RegExp, (id: string, tries: string) => string]> = [
	[
		/^\/integrations\/(\d+)\/shipments\/delete$/,
		(id, tries) =>
			`Sendcloud has no such order in integration ${id}${tries}: check the shipment UUID, or the external order and shipment IDs (list the orders with Order → Get Many)`,
	],
	[/^\/integrations\/(\d+)(\/|$)/, integrationMissing],
	[
		/^\/shipments\/([^/]+)\/return-portal-url$/,
		(id, tries) =>
			`Sendcloud has no return portal for shipment ${id}${tries}: the shipment does not exist, or its brand has no return portal set up in Sendcloud`,
	],
	[
		/^\/shipments\/([^/]+)(\/|$)/,
		(id, tries) =>
			`Sendcloud could not find shipment ${id}${tries}: check the ID, or find shipments with Parcel & Label → Get Many`,
	],
	[
		/^\/addresses\/sender-addresses\/(\d+)\/?$/,
		(id, tries) =>
			`Sendcloud could not find sender address ${id}${tries}: check the ID, or list the account's sender addresses with Sender Address → Get Many`,
	],
	[
		/^\/brands\/(\d+)\/?$/,
		(id, tries) =>
			`Sendcloud could not find brand ${id}${tries}: check the ID, or list the account's brands with Brand → Get Many`,
	],
	[
		/^\/contracts\/(\d+)\/?$/,
		(id, tries) =>
			`Sendcloud could not find contract ${id}${tries}: check the ID, or list the account's contracts with Contract → Get Many`,
	],
	[
		/^\/parcels\/tracking\/(.+)$/,
		(id, tries) =>
			`Sendcloud has no parcel with tracking number ${id}${tries}: check the number, or register a parcel bought elsewhere with Tracking → Register External Parcel`,
	],
	[
		/^\/returns\/(\d+)(\/|$)/,
		(id, tries) =>
			`Sendcloud could not find return ${id}${tries}: check the return ID (as Return → Create returns it), or find it with Return → Get Many`,
	],
	[
		/^\/pickups\/(\d+)$/,
		(id, tries) =>
			`Sendcloud could not find pickup ${id}${tries}: check the ID, or list the account's pickups with Pickup → Get Many`,
	],
	[
		/^\/service-points\/(\d+)(\/|$)/,
		(id, tries) =>
			`Sendcloud could not find service point ${id}${tries}: check the ID, or find service points near an address with Service Point → Get Many`,
	],
	[
		/^\/parcels\/(\d+)(\/|$)/,
		(id, tries) =>
			`Sendcloud could not find parcel ${id}${tries}: check the parcel ID (in a shipment's parcels), or find it with Parcel & Label → Get Many`,
	],
];

function notFound(path: string | undefined, tries: string, detail?: string): string {
	// Whatever the path, Sendcloud names a missing integration in its answer.
	const integration = /^\/integrations\/(\d+)/.exec(pathBelowApi(path))?.[1];
	if (integration && /\bIntegration\b/.test(detail ?? ''))
		return integrationMissing(integration, tries);
	const relative = pathBelowApi(path);
	for (const [pattern, message] of NOT_FOUND) {
		const match = pattern.exec(relative);
		if (match) return message(decodeURIComponent(match[1]), tries);
	}
	return `Sendcloud could not find the requested resource${tries}`;
}

/** A request's path below the API's base URL, also for a next page's full URL. */
function pathBelowApi(path: string | undefined): string {
	return /^https?:/.test(path ?? '')
		? new URL(String(path)).pathname.replace(/^.*?\/api\/v[23]/, '')
		: (path ?? '');
}

function summaryFor(statusCode: number, attempts: number, path?: string, detail?: string): string {
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	switch (statusCode) {
		case 400:
			return 'Sendcloud rejected the request as invalid';
		case 401:
			return 'Sendcloud did not accept the credentials: check the keys (or OAuth2 client) in the Sendcloud credential';
		case 403:
			return 'Sendcloud refused access to this resource';
		case 404:
			return notFound(path, tries, detail);
		case 429:
			return `Sendcloud's rate limit was still exceeded${tries}: other clients may be using the same account's quota`;
		default:
			return statusCode >= 500
				? `Sendcloud had a server error (HTTP ${statusCode})${tries}`
				: `Sendcloud answered with HTTP ${statusCode}${tries}`;
	}
}

/**
 * A repeated request that finds nothing to do (a delete's 404, a cancellation's 409) may be
 * answering what an earlier attempt did, whose answer was lost.
 */
function repeatNote(statusCode: number, attempts: number): string | undefined {
	if (attempts < 2 || (statusCode !== 404 && statusCode !== 409)) return undefined;
	return 'An earlier attempt of this request got no usable answer: Sendcloud may have carried it out then (deleted or cancelled it already).';
}

const hints: Record<number, string> = {
	401: 'For API keys, use the public and secret key of an API integration in the Sendcloud panel. For OAuth2, check the client ID, secret and token URL.',
	403: 'Creating or deleting orders through this API is only open to official Sendcloud partners: ask Sendcloud for a Partner ID and enter it in the credential.',
	409: 'Sendcloud cancels a shipment only before it is delivered and within 42 days of its announcement; it may also be cancelled already.',
};

export const sendcloudProfile: ApiProfile = {
	credentialType: (authentication) =>
		authentication === 'oAuth2' ? 'sendcloudOAuth2Api' : 'sendcloudApi',
	baseUrl: (credentials) => trimBaseUrl(credentials.baseUrl),
	rateWindows: (method) => (method === 'GET' ? READ_LIMITS : WRITE_LIMITS),
	// The shipments upsert is idempotent on the external ids, and deleting twice deletes once;
	// a log entry created twice would show twice, so that POST is never repeated.
	safeToRepeat: (method: IHttpRequestMethods, url: string) =>
		method !== 'POST' || /\/shipments(\/delete)?\/?$/.test(url),
	headers: (credentials): Record<string, string> =>
		credentials.partnerId ? { 'Sendcloud-Partner-Id': String(credentials.partnerId) } : {},
	toNodeApiError(node: INode, failure: HttpFailure, attempts: number, itemIndex?: number) {
		const { statusCode } = failure;
		if (statusCode === undefined)
			return new NodeApiError(node, errorBody(failure), {
				...unansweredError('Sendcloud', failure, attempts),
				itemIndex,
			});
		const detail = sendcloudErrorDetail(failure.body);
		return new NodeApiError(node, errorBody(failure), {
			message: summaryFor(statusCode, attempts, failure.path, detail),
			description:
				[detail, hints[statusCode], repeatNote(statusCode, attempts)].filter(Boolean).join(' ') ||
				undefined,
			httpCode: String(statusCode),
			itemIndex,
		});
	},
};

/**
 * Sendcloud's v3 API (shipments, labels, documents) on the same credentials and quota. A create
 * is repeated only when it carries an `external_reference_id`: Sendcloud then answers a repeat
 * with 409 and the shipment it already made, so a lost answer never buys a second label.
 */
export const sendcloudV3Profile: ApiProfile = {
	...sendcloudProfile,
	baseUrl(credentials, node) {
		const base = sendcloudV3Base(credentials.baseUrl);
		if (base === undefined) {
			throw new NodeOperationError(
				node,
				`The credential's API Base URL (${trimBaseUrl(credentials.baseUrl)}) does not end in /api/v2`,
				{
					description:
						"Labels and parcels use Sendcloud's v3 API, found next to v2: set the credential's API Base URL to https://panel.sendcloud.sc/api/v2 (or your proxy's URL ending in /api/v2).",
				},
			);
		}
		return base;
	},
	safeToRepeat(method, url, body) {
		// POST /shipping-options and checking a service point's availability only read: as safe to repeat as a GET.
		// A pickup is never repeated (no reference makes it unique).
		if (
			method !== 'POST' ||
			/\/(cancel|addresses\/validate|shipping-options|check-availability)\/?$/.test(url)
		)
			return true;
		// Registering for tracking is idempotent (same source_id and carrier: `created: false`); validating creates nothing.
		if (/\/(parcels\/tracking|returns\/validate)\/?$/.test(url)) return true;
		// A return repeated with its `external_reference` is refused (400), never a second return label.
		if (/\/returns(\/announce-synchronously)?\/?$/.test(url)) {
			const returnReference = (body as { external_reference?: unknown } | undefined)
				?.external_reference;
			return typeof returnReference === 'string' && returnReference.trim() !== '';
		}
		const reference = (body as { external_reference_id?: unknown } | undefined)
			?.external_reference_id;
		return typeof reference === 'string' && reference.trim() !== '';
	},
};
