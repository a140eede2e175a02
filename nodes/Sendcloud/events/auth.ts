import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * The secret of a trigger's connection. The Event Subscriptions API signs nothing: a webhook connection authenticates
 * its deliveries with `none`, `bearer`, `basic` or `api_key`, each a fixed secret in a header. The trigger uses
 * `bearer` with 256 random bits: as strong as the other two secret-bearing types, and a header n8n and proxies
 * already treat as a secret.
 */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether an `Authorization` header carries `Bearer <token>` for one of `tokens`. Compares SHA-256 digests in constant
 * time, so neither the position of a difference nor the token's length shows in the time taken.
 */
export function bearerMatches(header: unknown, tokens: string[]): boolean {
	if (typeof header !== 'string') return false;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
	if (!match) return false;
	const given = digest(match[1]);
	let matched = false;
	for (const token of tokens) {
		if (token && timingSafeEqual(given, digest(token))) matched = true;
	}
	return matched;
}
