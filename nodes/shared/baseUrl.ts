/** A credential's API base URL without trailing slashes, so that paths join cleanly. */
export function trimBaseUrl(value: unknown): string {
	return String(value ?? '').replace(/\/+$/, '');
}

/** The same, as the expression requestDefaults and credential tests evaluate. */
export const BASE_URL_FROM_CREDENTIALS = '={{$credentials.baseUrl.replace(/\\/+$/, "")}}';

/**
 * Sendcloud's v3 API base next to the v2 base a credential holds: ".../api/v2" → ".../api/v3".
 * Credentials keep one base URL (v2's, as saved before v3 was used), so both versions share it.
 * Undefined when the base does not end in an API version, as a proxy's may not.
 */
export function sendcloudV3Base(value: unknown): string | undefined {
	const base = trimBaseUrl(value);
	return /\/api\/v[23]$/.test(base) ? base.replace(/v[23]$/, 'v3') : undefined;
}
