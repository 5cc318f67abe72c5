import type { APIRoute } from 'astro';
import { sitemapEntries } from '../data/sitemaps.ts';
import { sitemapIndexXml } from '../lib/sitemaps.ts';
import { site } from '../site.config.ts';

/** Names the pages sitemap and every reports sitemap. */
export const GET: APIRoute = async () =>
	new Response(sitemapIndexXml(await sitemapEntries(), site.timeZone), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
