import { sleep } from 'n8n-workflow';

export interface RateWindow {
	/** Requests allowed in any rolling period of `periodMs`. */
	limit: number;
	periodMs: number;
}

/**
 * Spaces requests so that no rolling window of the API's published limits is exceeded.
 * Waiting here is cheaper than provoking a 429: a rejected request still counts against the quota.
 */
export class RequestPacer {
	private readonly sentAt: number[] = [];

	private readonly horizonMs: number;

	constructor(
		private readonly windows: RateWindow[],
		/** Added to every period: the server counts arrivals, which land a little after we send. */
		private readonly marginMs = 50,
	) {
		this.horizonMs = Math.max(0, ...windows.map((w) => w.periodMs)) + marginMs;
	}

	async acquire(now: () => number = Date.now): Promise<void> {
		for (;;) {
			const waitMs = this.waitBeforeNext(now());
			if (waitMs <= 0) {
				this.sentAt.push(now());
				return;
			}
			await sleep(waitMs);
		}
	}

	private waitBeforeNext(now: number): number {
		while (this.sentAt.length && this.sentAt[0] <= now - this.horizonMs) this.sentAt.shift();
		let waitMs = 0;
		for (const { limit, periodMs } of this.windows) {
			const period = periodMs + this.marginMs;
			const inWindow = this.sentAt.filter((t) => t > now - period);
			if (inWindow.length >= limit) {
				waitMs = Math.max(waitMs, inWindow[inWindow.length - limit] + period - now + 1);
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
