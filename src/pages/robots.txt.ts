import type { APIRoute } from 'astro';
import { absoluteUrl, newsSitemapHref, sitemapIndexHref } from '../lib/urls.ts';
import { site } from '../site.config.ts';

/** Lets crawlers in and names both sitemaps. */
export const GET: APIRoute = () =>
	new Response(
		[
			'User-agent: *',
			'Allow: /',
			'',
			`Sitemap: ${absoluteUrl(sitemapIndexHref(), site.url)}`,
			`Sitemap: ${absoluteUrl(newsSitemapHref(), site.url)}`,
			'',
		].join('\n'),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
