import type { APIRoute } from 'astro';
import { buildNow } from '../data/clock.ts';
import { getReports } from '../data/reports.ts';
import { newsReports, newsSitemapXml } from '../lib/sitemaps.ts';
import { site } from '../site.config.ts';

/** Google News sitemap: the reports of the 48 hours before the build. */
export const GET: APIRoute = async () =>
	new Response(newsSitemapXml(newsReports(await getReports(), buildNow), site), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
