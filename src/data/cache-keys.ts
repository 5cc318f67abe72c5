import { createHash } from 'node:crypto';
import type { FeedSpec } from '../lib/feed.ts';
import type { ListingPage } from '../lib/listing-pages.ts';
import type { Report } from '../lib/report.ts';
import type { PublishedReport } from './reports.ts';

/** What a list, a Recent posts item or a neighbour link shows of a report. */
function summaryOf(report: Report): unknown[] {
	return [report.key, report.href, report.title, report.excerpt, report.date.getTime(), report.source.name, report.lang, report.dir, report.updated?.getTime()];
}

function hash(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * The incremental-build key of a report page: everything the page shows that is not in its
 * template or config (those are in Astro's own dependency hash). Its own content (the entry's
 * digest), and what it shows of other reports: the Recent posts built into it and its
 * previous and next reports. When this is unchanged, the page is restored, not re-rendered.
 */
export function reportPageKey(report: PublishedReport, recent: readonly Report[], older?: Report, newer?: Report): string {
	return hash([report.entry.digest, report.entry.filePath, recent.map(summaryOf), older && summaryOf(older), newer && summaryOf(newer)]);
}

/** The incremental-build key of an index page: its reports, links and Recent posts. */
export function listingPageKey(page: ListingPage, recent: readonly Report[]): string {
	const { reports, ...rest } = page;
	return hash([rest, reports.map(summaryOf), recent.map(summaryOf)]);
}

/** What a feed or sitemap shows of a report: all of it comes from its file and its address. */
function entryOf(report: PublishedReport): unknown[] {
	return [report.key, report.entry.digest, report.entry.filePath];
}

/**
 * The incremental-build key of a feed: its channel and, for each item, the report's file, so a
 * feed whose reports did not change is not rendered (and its XML not rebuilt) again.
 */
export function feedKey(spec: FeedSpec<PublishedReport>): string {
	const { reports, ...channel } = spec;
	return hash([channel, reports.map(entryOf)]);
}

/** The incremental-build key of a reports sitemap: its reports' addresses and dates. */
export function sitemapKey(reports: readonly PublishedReport[]): string {
	return hash(reports.map(entryOf));
}
