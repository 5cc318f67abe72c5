import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapKey } from '../data/cache-keys.ts';
import { reportChunks } from '../data/sitemaps.ts';
import { lastModified, type Report } from '../lib/report.ts';
import { sitemapXml } from '../lib/sitemaps.ts';
import { site } from '../site.config.ts';

/** The reports, oldest first, in files of up to 10,000. */
export const getStaticPaths = (async () =>
	(await reportChunks()).map((reports, index) => ({
		params: { number: String(index + 1) },
		props: { reports },
		cacheKey: sitemapKey(reports),
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { reports } = props as { reports: Report[] };
	const entries = reports.map((report) => ({
		loc: report.permalink,
		lastmod: lastModified(report),
	}));
	return new Response(sitemapXml(entries, site.timeZone), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
