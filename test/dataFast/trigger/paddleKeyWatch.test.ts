/** The Paddle key rule on its own, with the clock as an argument. */
import { checkPaddleKey, paddleKeyEvent } from '../../../nodes/DataFast/trigger/paddleKeyWatch';

const DAY_MS = 24 * 3600_000;
const NOW = Date.parse('2030-06-15T12:00:00Z');
const status = (keyExpiresAt: unknown, connected = true) => ({
	paddle: { connected, keyExpiresAt },
	currency: 'USD',
});
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString();

test('fires at the edge of the window, not before', () => {
	expect(
		checkPaddleKey(undefined, 'w', status(at(14)), { withinDays: 14, now: NOW }).fire,
	).toHaveLength(1);
	expect(
		checkPaddleKey(undefined, 'w', status(at(14.01)), { withinDays: 14, now: NOW }).fire,
	).toEqual([]);
});

test('once per expiry: the same instant in another notation, or a later clock, fires nothing more', () => {
	const first = checkPaddleKey(undefined, 'w', status('2030-06-20T00:00:00Z'), {
		withinDays: 7,
		now: NOW,
	});
	expect(first.state.notifiedExpiry).toBe('2030-06-20T00:00:00.000Z');
	expect(
		checkPaddleKey(first.state, 'w', status('2030-06-20T02:00:00+02:00'), {
			withinDays: 7,
			now: NOW,
		}).fire,
	).toEqual([]);
	expect(
		checkPaddleKey(first.state, 'w', status('2030-06-20T00:00:00Z'), {
			withinDays: 7,
			now: NOW + 10 * DAY_MS,
		}).fire,
	).toEqual([]);
	const renewed = checkPaddleKey(first.state, 'w', status(at(5)), { withinDays: 7, now: NOW });
	expect(renewed.fire).toHaveLength(1);
});

test('another website starts over', () => {
	const { state } = checkPaddleKey(undefined, 'w1', status(at(1)), { withinDays: 7, now: NOW });
	expect(checkPaddleKey(state, 'w2', status(at(1)), { withinDays: 7, now: NOW }).fire).toHaveLength(
		1,
	);
});

test('a disconnected Paddle, no expiry, or an expiry that is not a date fires nothing and keeps the state', () => {
	const { state } = checkPaddleKey(undefined, 'w', status(at(1)), { withinDays: 7, now: NOW });
	for (const s of [status(at(2), false), status(null), status('soon')]) {
		const result = checkPaddleKey(state, 'w', s, { withinDays: 7, now: NOW });
		expect(result.fire).toEqual([]);
		expect(result.state).toEqual(state);
	}
	expect(
		checkPaddleKey(state, 'w', status('soon'), { withinDays: 7, now: NOW }).invalidExpiry,
	).toBe('soon');
	expect(
		checkPaddleKey(state, 'w', status(null), { withinDays: 7, now: NOW }).invalidExpiry,
	).toBeUndefined();
});

test('the event: whole days left, expired keys at 0', () => {
	expect(paddleKeyEvent('w', status(at(2.9)), { withinDays: 7, now: NOW })).toEqual({
		event: 'paddleKeyExpiring',
		websiteId: 'w',
		paddleConnected: true,
		keyExpiresAt: at(2.9),
		expired: false,
		daysLeft: 2,
		withinDays: 7,
		currency: 'USD',
	});
	expect(paddleKeyEvent('w', status(at(-3)), { withinDays: 7, now: NOW })).toMatchObject({
		expired: true,
		daysLeft: 0,
	});
});
