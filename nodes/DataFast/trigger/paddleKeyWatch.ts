import type { IDataObject } from 'n8n-workflow';

const DAY_MS = 24 * 3600_000;

/** What the trigger remembers: the Paddle key expiry it last reported, by website. */
export interface PaddleKeyWatchState {
	version: 1;
	websiteId: string;
	/** The expiry (ISO 8601, normalised) of the last event fired; null before any. */
	notifiedExpiry: string | null;
}

export interface PaddleKeyOptions {
	/** Fire when the key expires within this many days (or has expired). */
	withinDays: number;
	/** The current time (ms): the caller's clock. */
	now: number;
}

/** The Paddle part of a website's status: connected, and the key's expiry when DataFast gives one. */
function paddleOf(status: IDataObject) {
	const paddle = (status.paddle as IDataObject | undefined) ?? {};
	const raw = paddle.keyExpiresAt;
	const expiresAt = typeof raw === 'string' && raw ? Date.parse(raw) : undefined;
	return {
		connected: paddle.connected === true,
		raw: raw ?? null,
		expiresAt: expiresAt !== undefined && !Number.isNaN(expiresAt) ? expiresAt : undefined,
	};
}

/** The item the event starts the workflow with (also the manual sample). */
export function paddleKeyEvent(
	websiteId: string,
	status: IDataObject,
	{ withinDays, now }: PaddleKeyOptions,
): IDataObject {
	const { connected, expiresAt } = paddleOf(status);
	const left = expiresAt === undefined ? undefined : expiresAt - now;
	return {
		event: 'paddleKeyExpiring',
		websiteId,
		paddleConnected: connected,
		keyExpiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
		expired: left === undefined ? null : left <= 0,
		daysLeft: left === undefined ? null : Math.max(0, Math.floor(left / DAY_MS)),
		withinDays,
		currency: status.currency ?? null,
	};
}

/**
 * Fires once per key expiry date: when Paddle is connected and its key expires within `withinDays`
 * of `now` (or has expired), unless that same expiry was already reported. A renewed key has another
 * expiry, so it fires again when that one comes near. Unlike the provider events this fires on the
 * first poll too: a key that expires in three days needs renewing whenever the trigger was activated.
 * `invalidExpiry` carries a `keyExpiresAt` that is not a date (nothing fires for it).
 */
export function checkPaddleKey(
	previous: PaddleKeyWatchState | undefined,
	websiteId: string,
	status: IDataObject,
	options: PaddleKeyOptions,
): { state: PaddleKeyWatchState; fire: IDataObject[]; invalidExpiry?: string } {
	const fresh = !previous || previous.version !== 1 || previous.websiteId !== websiteId;
	const notifiedExpiry = fresh ? null : previous.notifiedExpiry;
	const state: PaddleKeyWatchState = { version: 1, websiteId, notifiedExpiry };
	const { connected, raw, expiresAt } = paddleOf(status);
	if (expiresAt === undefined) {
		return raw === null ? { state, fire: [] } : { state, fire: [], invalidExpiry: String(raw) };
	}
	const expiry = new Date(expiresAt).toISOString();
	if (!connected || expiry === notifiedExpiry) return { state, fire: [] };
	if (expiresAt - options.now > options.withinDays * DAY_MS) return { state, fire: [] };
	return {
		state: { ...state, notifiedExpiry: expiry },
		fire: [paddleKeyEvent(websiteId, status, options)],
	};
}
