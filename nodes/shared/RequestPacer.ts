import { sleep } from 'n8n-workflow';

export interface RateWindow {
	/** Requests allowed in any rolling period of `periodMs`. */
	limit: number;
	periodMs: number;
}

/** Re-check interval while the request that decides the wait has not been answered yet. */
const IN_FLIGHT_POLL_MS = 5;

/**
 * Spaces requests so that no rolling window of the API's published limits is exceeded.
 * Waiting here is cheaper than provoking a 429: a rejected request still counts against the quota.
 *
 * The server counts a request when it arrives, which is some time after we start sending it and
 * before its answer comes back. Each request is therefore placed at the time its answer arrived
 * (released), an upper bound of its arrival; until then it blocks the window it would close.
 */
export class RequestPacer {
	private readonly slots: Array<{ at: number }> = [];

	private readonly horizonMs: number;

	constructor(
		private readonly windows: RateWindow[],
		/** Added to every period, for clock granularity. */
		private readonly marginMs = 25,
		private readonly now: () => number = () => Date.now(),
	) {
		this.horizonMs = Math.max(0, ...windows.map((w) => w.periodMs)) + marginMs;
	}

	/** Waits for a free slot; call the returned function when the request's answer (or failure) arrives. */
	async acquire(): Promise<() => void> {
		for (;;) {
			const waitMs = this.waitBeforeNext(this.now());
			if (waitMs <= 0) {
				const slot = { at: Infinity };
				this.slots.push(slot);
				return () => {
					slot.at = this.now();
				};
			}
			await sleep(waitMs);
		}
	}

	private waitBeforeNext(now: number): number {
		for (let i = this.slots.length - 1; i >= 0; i--) {
			if (this.slots[i].at <= now - this.horizonMs) this.slots.splice(i, 1);
		}
		let waitMs = 0;
		for (const { limit, periodMs } of this.windows) {
			const period = periodMs + this.marginMs;
			const inWindow = this.slots.map((s) => s.at).filter((at) => at > now - period).sort((a, b) => a - b);
			if (inWindow.length >= limit) {
				const deciding = inWindow[inWindow.length - limit];
				waitMs = Math.max(waitMs, deciding === Infinity ? IN_FLIGHT_POLL_MS : deciding + period - now + 1);
			}
		}
		return waitMs;
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
