import { createHash } from 'node:crypto';
import type { FeedSpec } from '../lib/feed.ts';
import type { ListingPage } from '../lib/listing-pages.ts';
import type { Report } from '../lib/report.ts';
import type { PublishedReport } from './reports.ts';

const summaries = new WeakMap<Report, string>();

/**
 * What a list, a Recent posts item or a neighbour link shows of a report, as text. Made once
 * per report: the same few reports are in the Recent posts of every one of 12,000 pages.
 */
function summaryOf(report: Report): string {
	let summary = summaries.get(report);
	if (summary === undefined) {
		summary = JSON.stringify([
			report.key,
			report.href,
			report.title,
			report.excerpt,
			report.date.getTime(),
			report.source.name,
			report.lang,
			report.dir,
			report.updated?.getTime(),
		]);
		summaries.set(report, summary);
	}
	return summary;
}

/** A digest of several texts, each prefixed with its length so no two lists give the same input. */
function hashParts(parts: readonly (string | undefined)[]): string {
	const hasher = createHash('sha256');
	for (const part of parts) hasher.update(part === undefined ? '-;' : `${part.length};${part}`);
	return hasher.digest('base64url');
}

function hash(value: unknown): string {
	return hashParts([JSON.stringify(value)]);
}

/**
 * The incremental-build key of a report page: everything the page shows that is not in its
 * template or config (those are in Astro's own dependency hash). Its own content (the entry's
 * digest), and what it shows of other reports: the Recent posts built into it and its
 * previous and next reports. When this is unchanged, the page is restored, not re-rendered.
 */
export function reportPageKey(
	report: PublishedReport,
	recent: readonly Report[],
	older?: Report,
	newer?: Report,
): string {
	const { digest, filePath } = report.entry;
	return hashParts([
		String(digest),
		filePath,
		older && summaryOf(older),
		newer && summaryOf(newer),
		String(recent.length),
		...recent.map(summaryOf),
	]);
}

/** The incremental-build key of an index page: its reports, links and Recent posts. */
export function listingPageKey(page: ListingPage, recent: readonly Report[]): string {
	const { reports, ...rest } = page;
	return hashParts([
		JSON.stringify(rest),
		String(reports.length),
		...reports.map(summaryOf),
		String(recent.length),
		...recent.map(summaryOf),
	]);
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
