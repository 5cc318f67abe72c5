import type { APIRoute, GetStaticPaths } from 'astro';
import { redirectKey } from '../data/cache-keys.ts';
import { getRedirects } from '../data/reports.ts';
import { redirectPage, redirectPageName, type Redirect } from '../lib/redirects.ts';
import { site } from '../site.config.ts';

/**
 * The page at each earlier address of a report, for servers that do not read `_redirects`: a
 * page path is served from its folder's index.html, an .html path from that file.
 */
export const getStaticPaths = (async () =>
	(await getRedirects()).flatMap((redirect) => {
		const name = redirectPageName(redirect.from);
		return name === undefined
			? []
			: [{ params: { alias: name }, props: { redirect }, cacheKey: redirectKey(redirect) }];
	})) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(redirectPage((props as { redirect: Redirect }).redirect, site), {
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
	});
