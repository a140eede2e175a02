/** What went wrong with one HTTP attempt, reduced to what retry and error mapping need. */
export interface HttpFailure {
	statusCode?: number;
	/** Node's network error code (ECONNRESET, ETIMEDOUT, …) when no response arrived. */
	networkCode?: string;
	retryAfter?: string;
	/** A redirect's Location header, as sent. */
	location?: string;
	body?: unknown;
	message: string;
	/** The request's URL (its path below the API base URL, or a next page's full URL), for messages. */
	path?: string;
	/** The request's method, for messages. */
	method?: string;
}
