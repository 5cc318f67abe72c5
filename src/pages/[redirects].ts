import type { APIRoute, GetStaticPaths } from 'astro';
import { redirectKey } from '../data/cache-keys.ts';
import { getRedirects } from '../data/reports.ts';
import { redirectsFile, type Redirect } from '../lib/redirects.ts';

/**
 * dist/_redirects, the redirects file of Netlify and Cloudflare Pages. A route named "_redirects"
 * would be ignored (Astro skips files starting with "_"), hence the parameter.
 */
export const getStaticPaths = (async () => {
	const redirects = await getRedirects();
	return [
		{ params: { redirects: '_redirects' }, props: { redirects }, cacheKey: redirectKey(redirects) },
	];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(redirectsFile((props as { redirects: Redirect[] }).redirects), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
