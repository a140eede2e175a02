import type { IDataObject } from 'n8n-workflow';

/** Starts the project's sandbox for one test file and points the test credentials at it. */
import { credentialsHelper, stopEngineTimers } from './engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seed: seedData } = require('../sandbox/seed');

/** Seed data (test/sandbox/seed.js) on the tests' own time. */
export function seed(options: Record<string, unknown> = {}) {
	return seedData({ now: SEEDED_UNTIL, ...options });
}

export interface Sandbox {
	url: string;
	sendcloudBaseUrl: string;
	sendcloudV3BaseUrl: string;
	tokenUrl: string;
	dataFastBaseUrl: string;
	options: Record<string, unknown>;
	state: {
		integrations: Array<Record<string, unknown>>;
		shipments: Map<number, Array<Record<string, unknown>>>;
		integrationLogs: Array<Record<string, unknown>>;
		tokens: Map<string, unknown>;
	};
	requests: Array<{
		method: string;
		path: string;
		query: string;
		headers: Record<string, string>;
		body: unknown;
		status?: number;
		account?: string;
	}>;
	violations: Array<{ method: string; path: string; violations: string[] }>;
	/** The v3 Shipments and Parcel documents API (test/sandbox/v3). */
	v3: {
		shipments(account?: string): Array<Record<string, unknown>>;
		advanceParcels(filter?: {
			account?: string;
			shipmentId?: string;
			parcelId?: number;
		}): Array<{ id: number; status: string }>;
		labelsBought(filter?: { externalReferenceId?: string; account?: string }): number;
		seedShipments(requests: IDataObject[], account?: string): IDataObject[];
		failing: { postalCode: string; shippingOptionCode: string };
		/** Service points (test/sandbox/v3/servicePoints.js). */
		servicePoints: {
			all(): IDataObject[];
			distanceM(a: IDataObject, b: IDataObject): number;
		};
		/** Pickups (test/sandbox/v3/pickups.js): `bookings` counts every pickup booked. */
		pickups: {
			pickups(account?: string): IDataObject[];
			bookings(filter?: { account?: string }): number;
			seedPickup(body: IDataObject, account?: string): IDataObject;
			refusedPostalCode: string;
		};
	};
	/** Sendcloud's webhook calls to the integrations' webhook_url (test/sandbox/webhooks.js). */
	webhooks: {
		deliveries: WebhookDelivery[];
		send(
			integrationId: number,
			payload: IDataObject,
			options?: WebhookSendOptions,
		): Promise<WebhookDelivery>;
		parcelStatusChanged(
			integrationId: number,
			event: {
				statusId: number;
				statusMessage?: string;
				parcel?: IDataObject;
				timestamp?: number;
			} & WebhookSendOptions,
		): Promise<WebhookDelivery>;
		moveParcel(
			integrationId: number,
			parcelId: number,
			options?: { timestamp?: number } & WebhookSendOptions,
		): Promise<WebhookDelivery>;
		integrationEvent(
			integrationId: number,
			action: 'integration_connected' | 'integration_updated' | 'integration_deleted',
			options?: { timestamp?: number } & WebhookSendOptions,
		): Promise<WebhookDelivery>;
		returnCreated(
			integrationId: number,
			event?: { parcelId?: number; data?: IDataObject; timestamp?: number } & WebhookSendOptions,
		): Promise<WebhookDelivery>;
		replay(delivery: WebhookDelivery): Promise<WebhookDelivery>;
		parcels(integrationId: number): IDataObject[];
		reset(): void;
	};
	reset(): void;
	injectFaults(...faults: Array<Record<string, unknown>>): void;
	clearFaults(): void;
	pendingFaults(): Array<Record<string, unknown>>;
	expireTokens(): void;
	addShipment(integrationId: number, shipment: IDataObject): IDataObject;
	/** Replaces the sandbox's clock; with no argument, its own clock (see SEEDED_UNTIL) comes back. */
	setClock(clock?: () => number): void;
	listen(): Promise<Sandbox>;
	close(): Promise<void>;
}

export interface WebhookSendOptions {
	signature?: 'valid' | 'wrong-key' | 'missing' | 'garbage';
	tamper?: 'none' | 'flip-byte' | 'truncate' | 'empty-body';
	url?: string;
	allowOffSpec?: boolean;
}

/** One webhook call; `sent: false` with `error` 'WEBHOOK_INACTIVE' or 'FOREIGN_HOST' when nothing was posted. */
export interface WebhookDelivery {
	id: number;
	integrationId: number;
	url: string | null;
	action: string;
	timestamp: number;
	signed: 'valid' | 'wrong-key' | 'missing' | 'garbage';
	tamper: 'none' | 'flip-byte' | 'truncate' | 'empty-body';
	headers: Record<string, string>;
	body: string;
	sent: boolean;
	status: number | null;
	error: string | null;
	response: string | null;
	replayOf?: number;
}

export const API_KEY = { publicKey: 'pk_sandbox', secretKey: 'sk_sandbox' };
export const OAUTH_CLIENT = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
export const DATAFAST_TOKEN = 'dft_sandbox_full';

/**
 * The tests' own time, whatever day they run on: the seeded history ends at SEEDED_UNTIL and the sandbox's
 * clock starts at CLOCK_START, then runs in real time. Test data is written relative to these two.
 */
export const SEEDED_UNTIL = Date.parse('2026-11-20T12:00:00Z');
export const CLOCK_START = Date.parse('2026-12-01T00:00:00Z');

/** A sandbox on the tests' own time (see SEEDED_UNTIL), with `options` on top. */
export function testSandbox(options: Record<string, unknown> = {}): Sandbox {
	const seed = { now: SEEDED_UNTIL, ...(options.seed as object) };
	return createSandbox({ startAt: CLOCK_START, ...options, seed }) as Sandbox;
}

/** Creates the sandbox before the file's tests and resets its data and credentials before each. */
export function useSandbox(options: Record<string, unknown> = {}): Sandbox {
	const sandbox = testSandbox(options);
	beforeAll(async () => {
		await sandbox.listen();
	});
	beforeEach(() => {
		sandbox.reset();
		credentialsHelper.set('sendcloudApi', { ...API_KEY, baseUrl: sandbox.sendcloudBaseUrl });
		credentialsHelper.set('sendcloudOAuth2Api', {
			...OAUTH_CLIENT,
			accessTokenUrl: sandbox.tokenUrl,
			baseUrl: sandbox.sendcloudBaseUrl,
		});
		credentialsHelper.set('dataFastApi', {
			apiToken: DATAFAST_TOKEN,
			baseUrl: sandbox.dataFastBaseUrl,
		});
	});
	afterEach(() => {
		// Whatever a test does, no request the nodes send may break the official spec.
		expect(sandbox.violations).toEqual([]);
	});
	afterAll(async () => {
		await sandbox.close();
		stopEngineTimers();
	});
	return sandbox;
}

/** The Sendcloud API requests the sandbox received, as "METHOD /path?query". */
export function apiCalls(sandbox: Sandbox): string[] {
	return sandbox.requests
		.filter((r) => r.path.startsWith('/api/v2') || r.path.startsWith('/datafast'))
		.map((r) => `${r.method} ${r.path}${r.query}`);
}
