/** A credential's API base URL without trailing slashes, so that paths join cleanly. */
export function trimBaseUrl(value: unknown): string {
	return String(value ?? '').replace(/\/+$/, '');
}

/** The same, as the expression requestDefaults and credential tests evaluate. */
export const BASE_URL_FROM_CREDENTIALS = '={{$credentials.baseUrl.replace(/\\/+$/, "")}}';
