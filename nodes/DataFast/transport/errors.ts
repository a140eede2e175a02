/**
 * What a DataFast error answer means for the request that got it: the permission a dft_ account token
 * needs for each route, and what a 404 says was missing. The route is read from the request's path.
 */

/** The permission (scope) a dft_ account token needs for the route at `path`. */
export function scopeFor(path: string, method?: string): string {
	const route = path.split('?')[0].replace(/\/+$/, '');
	if (route.startsWith('/analytics') || route.startsWith('/visitors')) return 'analytics:read';
	if (route === '/goals') return 'goals:write';
	if (route === '/payments') return 'payments:write';
	if (route === '/identify') return 'identify:write';
	if (route === '/admin/websites') return method === 'POST' ? 'websites:write' : 'websites:read';
	if (/^\/admin\/websites\/[^/]+\/funnels/.test(route)) return 'funnels:read';
	return 'settings:read';
}

/** What DataFast did not find, named for the route at `path`. */
export function notFoundFor(path: string, method?: string): string {
	const route = path.split('?')[0].replace(/\/+$/, '');
	if (route.startsWith('/visitors/'))
		return 'DataFast has no visitor with this ID on this website: copy the datafast_visitor_id cookie of a visitor who has visited the site';
	if (route === '/goals' && method === 'DELETE')
		return 'DataFast found no goal events matching these filters: nothing was deleted';
	if (route === '/goals')
		return 'DataFast could not find this visitor, or the visitor has no pageview yet: a goal needs a visitor who has viewed a page';
	if (route === '/payments' && method === 'DELETE')
		return 'DataFast found no payment matching this transaction ID, visitor or time range: nothing was deleted';
	if (route === '/identify')
		return 'DataFast could not find this visitor on this website: identify needs the datafast_visitor_id of a visitor who has viewed a page';
	return 'DataFast could not find this website';
}

/** The first line of a 403: which permission the token lacks, or that tracking is suspended. */
export function forbiddenFor(path: string, detail: string | undefined, method?: string): string {
	if (/suspend/i.test(detail ?? ''))
		return 'DataFast refused: tracking is suspended for this website (check the website in the DataFast dashboard)';
	if (/df_|api key/i.test(detail ?? ''))
		return 'DataFast refused: a website API key (df_) reaches only its own website and no account-level route; use an account token (dft_) with access to the website';
	const scope = scopeFor(path, method);
	const what = scope.endsWith(':read') ? 'read this website' : 'change this website';
	return `The DataFast token may not ${what}: it needs the ${scope} permission and access to the website`;
}
