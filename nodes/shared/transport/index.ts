// The one transport every request of this package goes through: base URL, pacing, retries,
// timeouts, redirects, answer checks and error mapping. What differs per API is its ApiProfile.
export { errorBody, failureFromError, malformedAnswer } from './answers';
export {
	NEXT_IN_BODY,
	NEXT_IN_LINK_HEADER,
	nextFromLinkHeader,
	type PageLinks,
	pagesOf,
} from './pages';
export {
	apiRequest,
	apiResponse,
	type JsonRequest,
	jsonRequestFunction,
	type ResponseExpectations,
} from './requests';
export { type ApiProfile, type RequestContext, TRANSPORT_LIMITS } from './send';
