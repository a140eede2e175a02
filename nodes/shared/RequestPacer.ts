import { sleep } from 'n8n-workflow';

export interface RateWindow {
	/** Requests allowed in any rolling period of `periodMs`. */
	limit: number;
	periodMs: number;
}

/**
 * How a paced request ended, as far as the quota is concerned: `within` the limits (any answer but a
 * 429), `throttled` (a 429, with the wait its `Retry-After` asked for, in milliseconds), or `unknown`
 * (no answer, or a server error that says nothing about the quota).
 */
export type PacedAnswer =
	{ quota: 'within' | 'unknown' } | { quota: 'throttled'; retryAfterMs?: number };

/** Re-check interval while the request that decides the wait has not been answered yet. */
const IN_FLIGHT_POLL_MS = 5;
/** A 429 cuts the limit it hit to this fraction (AIMD's multiplicative decrease)... */
const DECREASE_FACTOR = 0.7;
/** ...down to this share of the published limit, so that a process is never starved by another one's bursts. */
const MIN_SHARE = 1 / 16;

/** One published limit, and how much of it this process allows itself now. */
interface PacedWindow extends RateWindow {
	allowed: number;
	/** A 429 of a request let through before this one was sent at the old rate: it says nothing new. */
	firstAfterDecrease: number;
}

/**
 * Spaces requests so that no rolling window of the API's published limits is exceeded.
 * Waiting here is cheaper than provoking a 429: a rejected request still counts against the quota.
 *
 * The server counts a request when it arrives, which is some time after we start sending it and
 * before its answer comes back. Each request is therefore placed at the time its answer arrived
 * (released), an upper bound of its arrival; until then it blocks the window it would close.
 *
 * Limits are per account, and other processes (n8n workers, other tools) may spend the same
 * account's quota without this process knowing. A 429 is how it finds out. The pacer then holds
 * every request of the account for the `Retry-After` the API gave, not only the request that got
 * it, and lowers the limit the 429 was about: additive increase, multiplicative decrease, which
 * converges processes sharing a quota to fair shares without a shared store. The `Retry-After`
 * tells which limit was hit (a wait of a second is the burst limit, not the one per minute); a
 * minute without 429s gives the published limits back.
 */
export class RequestPacer {
	private readonly slots: Array<{ at: number }> = [];

	private readonly windows: PacedWindow[];

	private readonly horizonMs: number;

	/** Requests let through so far, which numbers them. */
	private sent = 0;

	private pausedUntil = 0;

	private lastThrottledAt = -Infinity;

	constructor(
		windows: RateWindow[],
		/** Added to every period, for clock granularity. */
		private readonly marginMs = 25,
		private readonly now: () => number = () => Date.now(),
	) {
		this.windows = windows
			.map((w) => ({ ...w, allowed: w.limit, firstAfterDecrease: 0 }))
			.sort((a, b) => a.periodMs - b.periodMs);
		this.horizonMs = Math.max(0, ...windows.map((w) => w.periodMs)) + marginMs;
	}

	/** Waits for a free slot; call the returned function when the request's answer (or failure) arrives. */
	async acquire(): Promise<(answer: PacedAnswer) => void> {
		for (;;) {
			const waitMs = this.delayBeforeNext(this.now());
			if (waitMs <= 0) {
				const slot = { at: Infinity };
				this.slots.push(slot);
				const number = this.sent++;
				return (answer: PacedAnswer) => {
					slot.at = this.now();
					if (answer.quota === 'throttled') this.slowDown(number, answer.retryAfterMs);
					else if (answer.quota === 'within') this.speedUp();
				};
			}
			await sleep(waitMs);
		}
	}

	/** Requests let through whose answer (or failure) has not come yet. */
	get inFlight(): number {
		return this.slots.filter((slot) => slot.at === Infinity).length;
	}

	/** How many requests each window (shortest period first) allows now. */
	get currentLimits(): number[] {
		return this.windows.map((w) => Math.floor(w.allowed));
	}

	/** Milliseconds to wait before the next request may be sent at `now`. */
	delayBeforeNext(now: number): number {
		for (let i = this.slots.length - 1; i >= 0; i--) {
			if (this.slots[i].at <= now - this.horizonMs) this.slots.splice(i, 1);
		}
		if (now - this.lastThrottledAt > this.horizonMs)
			this.windows.forEach((w) => (w.allowed = w.limit));
		let waitMs = Math.max(0, this.pausedUntil - now);
		for (const { allowed, periodMs } of this.windows) {
			const limit = Math.floor(allowed);
			const period = periodMs + this.marginMs;
			const inWindow = this.slots
				.map((s) => s.at)
				.filter((at) => at > now - period)
				.sort((a, b) => a - b);
			if (inWindow.length >= limit) {
				const deciding = inWindow[inWindow.length - limit];
				waitMs = Math.max(
					waitMs,
					deciding === Infinity ? IN_FLIGHT_POLL_MS : deciding + period - now + 1,
				);
			}
		}
		return waitMs;
	}

	/** One more request per window's worth of answers within the limits. */
	private speedUp(): void {
		for (const w of this.windows) w.allowed = Math.min(w.limit, w.allowed + 1 / w.allowed);
	}

	private slowDown(requestNumber: number, retryAfterMs: number | undefined): void {
		const now = this.now();
		this.lastThrottledAt = now;
		// A wait longer than the longest window is not about these limits: requests then fail with
		// the 429 (the retry budget refuses such waits) rather than hang in here.
		if (retryAfterMs !== undefined)
			this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(retryAfterMs, this.horizonMs));
		for (const w of this.windowsHit(retryAfterMs, now)) {
			if (requestNumber < w.firstAfterDecrease) continue;
			w.allowed = Math.max(1, w.limit * MIN_SHARE, w.allowed * DECREASE_FACTOR);
			w.firstAfterDecrease = this.sent;
		}
	}

	/**
	 * The limit a 429 is about: the shortest one whose period covers the wait the API asked for (a
	 * shorter window would have freed up sooner). Without a wait, the one this process has used the
	 * most of, for its size: lowering them all would make it wait out a whole minute after a
	 * collision of bursts.
	 */
	private windowsHit(retryAfterMs: number | undefined, now: number): PacedWindow[] {
		const usage = (w: PacedWindow) =>
			this.slots.filter((s) => s.at > now - w.periodMs - this.marginMs).length / w.limit;
		const hit =
			retryAfterMs === undefined
				? [...this.windows].sort((a, b) => usage(b) - usage(a))[0]
				: (this.windows.find((w) => w.periodMs + this.marginMs >= retryAfterMs) ??
					this.windows.at(-1));
		return hit ? [hit] : [];
	}
}

const pacers = new Map<string, RequestPacer>();

/** One pacer per account and kind of request, shared by every node execution in this n8n process. */
export function pacerFor(key: string, windows: RateWindow[]): RequestPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(windows);
		pacers.set(key, pacer);
	}
	return pacer;
}
