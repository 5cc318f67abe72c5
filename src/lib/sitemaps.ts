import XMLBuilder from 'fast-xml-builder';
import { isoWithOffset } from './dates.ts';
import { baseLanguage } from './language.ts';
import type { Report } from './report.ts';
import type { SiteConfig } from './site-config.ts';

/** One address in a sitemap. */
export interface SitemapEntry {
	/** Absolute URL. */
	loc: string;
	lastmod?: Date | undefined;
}

const builder = new XMLBuilder({
	ignoreAttributes: false,
	suppressEmptyNode: true,
	format: true,
	indentBy: '\t',
});
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * Only reports whose agency lets search engines index our copy belong in sitemaps: a
 * `noindex` copy must not be submitted, and a `canonical-to-original` copy is not canonical.
 */
export function isIndexable(report: Pick<Report, 'source'>): boolean {
	return report.source.policy === 'index';
}

/**
 * A sitemap (sitemaps.org 0.9) of some addresses, with `lastmod` in the site's offset.
 */
export function sitemapXml(entries: readonly SitemapEntry[], timeZone: string): string {
	const url = entries.map((entry) => ({
		loc: entry.loc,
		...(entry.lastmod ? { lastmod: isoWithOffset(entry.lastmod, timeZone) } : {}),
	}));
	return DECLARATION + builder.build({ urlset: { '@_xmlns': SITEMAP_NS, url } });
}

/** The sitemap index that names every sitemap of the site. */
export function sitemapIndexXml(entries: readonly SitemapEntry[], timeZone: string): string {
	const sitemap = entries.map((entry) => ({
		loc: entry.loc,
		...(entry.lastmod ? { lastmod: isoWithOffset(entry.lastmod, timeZone) } : {}),
	}));
	return DECLARATION + builder.build({ sitemapindex: { '@_xmlns': SITEMAP_NS, sitemap } });
}

/**
 * Reports split into sitemap files by publication order, oldest first, so publishing a report
 * changes only the last file.
 * @example reportSitemapChunks(newestFirst, 2).map((chunk) => chunk.length) // => [2, 2, 1] for five reports
 */
export function reportSitemapChunks<R extends Report>(
	newestFirst: readonly R[],
	size: number,
): R[][] {
	const oldestFirst = newestFirst.filter(isIndexable).reverse();
	const chunks: R[][] = [];
	for (let start = 0; start < oldestFirst.length; start += size)
		chunks.push(oldestFirst.slice(start, start + size));
	return chunks;
}

/** The language code Google News expects: ISO 639, with zh-cn / zh-tw for Chinese. */
export function newsLanguage(lang: string): string {
	const lower = lang.toLowerCase();
	if (lower.startsWith('zh')) return /tw|hk|hant/.test(lower) ? 'zh-tw' : 'zh-cn';
	return baseLanguage(lower);
}

const NEWS_WINDOW = 48 * 3_600_000;
const NEWS_LIMIT = 1000;

/**
 * The reports a Google News sitemap lists at `now`: indexable, published in the 48 hours
 * before `now`, newest first, at most 1,000.
 */
export function newsReports<R extends Report>(newestFirst: readonly R[], now: Date): R[] {
	const from = now.getTime() - NEWS_WINDOW;
	return newestFirst
		.filter(
			(report) =>
				isIndexable(report) &&
				report.date.getTime() <= now.getTime() &&
				report.date.getTime() > from,
		)
		.slice(0, NEWS_LIMIT);
}

/** A Google News sitemap; valid and empty when there is nothing to list. */
export function newsSitemapXml(reports: readonly Report[], site: SiteConfig): string {
	const url = reports.map((report) => ({
		loc: report.permalink,
		'news:news': {
			'news:publication': { 'news:name': site.name, 'news:language': newsLanguage(report.lang) },
			'news:publication_date': isoWithOffset(report.date, site.timeZone),
			'news:title': report.title,
		},
	}));
	return (
		DECLARATION + builder.build({ urlset: { '@_xmlns': SITEMAP_NS, '@_xmlns:news': NEWS_NS, url } })
	);
}
