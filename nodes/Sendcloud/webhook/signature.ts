import { createHmac, timingSafeEqual } from 'crypto';

/** Sendcloud's `Sendcloud-Signature`: hex HMAC-SHA256 of the request body, keyed with the integration's key. */
export function signatureOf(body: Buffer, key: string): string {
	return createHmac('sha256', key).update(body).digest('hex');
}

/**
 * Whether `header` signs exactly these bytes. The bytes as received, never re-serialised JSON:
 * Sendcloud serialises with Python's separators, so a re-encoded body has another digest. The
 * comparison takes the same time wherever the first difference is.
 */
export function isSignedBy(body: Buffer | undefined, header: unknown, key: string): boolean {
	if (!body || body.length === 0 || !key || typeof header !== 'string') return false;
	const given = header.trim().toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(given)) return false;
	return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signatureOf(body, key), 'hex'));
}
