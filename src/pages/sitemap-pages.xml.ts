import type { APIRoute } from 'astro';
import { pageEntries } from '../data/sitemaps.ts';
import { sitemapXml } from '../lib/sitemaps.ts';
import { site } from '../site.config.ts';

/** The front page, the overviews and every section, agency and tag page. */
export const GET: APIRoute = async () =>
	new Response(sitemapXml(await pageEntries(), site.timeZone), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
