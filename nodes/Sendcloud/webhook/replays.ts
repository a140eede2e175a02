import { createHash } from 'crypto';

import { timestampMs } from './deliveries';

/** Deliveries remembered at most; beyond it the one received longest ago is forgotten first. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

/** Digests of the signed bodies that started an execution, oldest first. */
export type SeenDeliveries = string[];

/**
 * A digest of the body as received. The signature proves Sendcloud sent these bytes once, not that this is the
 * first time they arrive: a retry or anyone who captured the call can send them again. 128 bits of SHA-256 tell
 * bodies apart and keep static data small.
 */
export function deliveryDigest(body: Buffer): string {
	return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

/**
 * Whether a delivery is new: the same bytes already started an execution otherwise. Returns the digests to keep,
 * bounded to MAX_REMEMBERED_DELIVERIES, or undefined for a repeat.
 */
export function recordIfUnseen(seen: SeenDeliveries, digest: string): SeenDeliveries | undefined {
	if (seen.includes(digest)) return undefined;
	return [...seen.slice(Math.max(0, seen.length + 1 - MAX_REMEMBERED_DELIVERIES)), digest];
}

/**
 * Whether an event's `timestamp` is more than `maxMinutes` before `now` (milliseconds). Off when `maxMinutes` is
 * not positive; an event without a usable timestamp is kept, since Sendcloud sends one with every event and a
 * signed body without it cannot be dated. A timestamp ahead of `now` (clocks differ) is not old.
 */
export function isOlderThan(timestamp: unknown, maxMinutes: unknown, now: number): boolean {
	const limit = Number(maxMinutes);
	if (!Number.isFinite(limit) || limit <= 0) return false;
	const at = timestampMs(timestamp);
	return at !== undefined && now - at > limit * 60_000;
}
