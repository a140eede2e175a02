import { RequestPacer } from '../../nodes/shared/RequestPacer';

// Sendcloud's write limits; the clock is the test's, so every wait is computed, not slept.
const WRITES = [
	{ limit: 100, periodMs: 60_000 },
	{ limit: 15, periodMs: 1_000 },
];

function pacerAt(start = 1_000_000) {
	const clock = { now: start };
	const pacer = new RequestPacer(WRITES, 0, () => clock.now);
	/** Sends `count` requests at the current time, then answers them all with `quota`. */
	const send = async (
		count: number,
		quota: 'within' | 'throttled' = 'within',
		retryAfterMs?: number,
	) => {
		const sent = [];
		for (let i = 0; i < count; i++) {
			expect(pacer.delayBeforeNext(clock.now)).toBe(0);
			sent.push(await pacer.acquire());
		}
		sent.forEach((answered) =>
			answered(quota === 'throttled' ? { quota, retryAfterMs } : { quota }),
		);
	};
	return { clock, pacer, send };
}

test('without 429s it allows the published limits: 15 in a second, then waits for the window', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(15);
	expect(pacer.delayBeforeNext(clock.now)).toBe(1_001);
	clock.now += 1_001;
	expect(pacer.delayBeforeNext(clock.now)).toBe(0);
	expect(pacer.currentLimits).toEqual([15, 100]);
});

test('a 429 that asks for a second lowers the per-second limit, not the per-minute one', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(1, 'throttled', 1_000);
	expect(pacer.currentLimits).toEqual([10, 100]);
	clock.now += 1_001;
	for (let i = 0; i < 10; i++) await pacer.acquire();
	// 10 in flight this second: the 11th waits.
	expect(pacer.delayBeforeNext(clock.now)).toBeGreaterThan(0);
});

test('a 429 that asks for half a minute lowers the per-minute limit', async () => {
	const { pacer, send } = pacerAt();
	await send(1, 'throttled', 30_000);
	expect(pacer.currentLimits).toEqual([15, 70]);
});

test('a 429 without Retry-After lowers the limit this process has used the most of', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(12);
	await send(1, 'throttled');
	// 13 of 15 a second against 13 of 100 a minute: the burst.
	expect(pacer.currentLimits).toEqual([10, 100]);
	for (let i = 0; i < 6; i++) {
		clock.now += 1_001;
		await send(10);
	}
	clock.now += 1_001;
	await send(1, 'throttled');
	// 1 of 15 this second against 74 of 100 this minute: the minute.
	expect(pacer.currentLimits[1]).toBe(70);
});

test('429s of requests sent before the slow-down was decided do not slow it down again', async () => {
	const { pacer } = pacerAt();
	const inFlight = [await pacer.acquire(), await pacer.acquire(), await pacer.acquire()];
	inFlight.forEach((answered) => answered({ quota: 'throttled', retryAfterMs: 1_000 }));
	expect(pacer.currentLimits).toEqual([10, 100]);
});

test('later 429s lower it again, down to a floor that still lets requests through', async () => {
	const { clock, pacer, send } = pacerAt();
	for (let i = 0; i < 12; i++) {
		clock.now += 2_000;
		await send(1, 'throttled', 1_000);
	}
	expect(pacer.currentLimits).toEqual([1, 100]);
	clock.now += 2_000;
	expect(pacer.delayBeforeNext(clock.now)).toBe(0);
});

test('Retry-After holds every request of the account, not only the one that got it', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(1, 'throttled', 3_000);
	expect(pacer.delayBeforeNext(clock.now)).toBe(3_000);
	clock.now += 2_999;
	expect(pacer.delayBeforeNext(clock.now)).toBe(1);
	clock.now += 1;
	expect(pacer.delayBeforeNext(clock.now)).toBe(0);
});

test('a Retry-After longer than the longest window holds requests for that window only', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(1, 'throttled', 3_600_000);
	expect(pacer.delayBeforeNext(clock.now)).toBe(60_000);
});

test("answers within the limits win back one request per window's worth of them", async () => {
	const { clock, pacer, send } = pacerAt();
	await send(1, 'throttled', 1_000);
	clock.now += 1_001;
	await send(10);
	expect(pacer.currentLimits).toEqual([11, 100]);
});

test('answers that say nothing about the quota (server errors, no answer) change nothing', async () => {
	const { pacer } = pacerAt();
	const [throttled, unanswered] = [await pacer.acquire(), await pacer.acquire()];
	throttled({ quota: 'throttled', retryAfterMs: 1_000 });
	unanswered({ quota: 'unknown' });
	expect(pacer.currentLimits).toEqual([10, 100]);
});

test('a minute without 429s gives the published limits back', async () => {
	const { clock, pacer, send } = pacerAt();
	await send(1, 'throttled', 30_000);
	clock.now += 60_000;
	pacer.delayBeforeNext(clock.now);
	expect(pacer.currentLimits).toEqual([15, 70]);
	clock.now += 1;
	pacer.delayBeforeNext(clock.now);
	expect(pacer.currentLimits).toEqual([15, 100]);
});
