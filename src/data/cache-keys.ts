import { createHash } from 'node:crypto';
import type { FeedSpec } from '../lib/feed.ts';
import type { ListItem } from '../lib/list-item.ts';
import type { ListingPage } from '../lib/listing-pages.ts';
import type { NoticePage } from '../lib/notice-page.ts';
import type { Redirect } from '../lib/redirects.ts';
import type { PublishedReport } from './reports.ts';

const texts = new WeakMap<ListItem, string>();

/**
 * A list item as text: all of it, field by field, so whatever a list comes to show of a report
 * is in the key of every page that lists it. Made once per item: the same few reports are in
 * the Recent posts of every one of 12,000 pages.
 */
function listItemText(item: ListItem): string {
	let text = texts.get(item);
	if (text === undefined) {
		text = JSON.stringify(item);
		texts.set(item, text);
	}
	return text;
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
 * digest), and what it shows of other reports, as the list items it is given: the Recent posts
 * built into it and its previous and next reports. When this is unchanged, the page is
 * restored, not re-rendered.
 */
export function reportPageKey(
	report: { entry: Pick<PublishedReport['entry'], 'digest' | 'filePath'> },
	recent: readonly ListItem[],
	older?: ListItem,
	newer?: ListItem,
): string {
	const { digest, filePath } = report.entry;
	return hashParts([
		String(digest),
		filePath,
		older && listItemText(older),
		newer && listItemText(newer),
		String(recent.length),
		...recent.map(listItemText),
	]);
}

/**
 * The incremental-build key of an index page: its headings and links, the list items it shows
 * of its reports (`page.reports` as list items) and its Recent posts.
 */
export function listingPageKey(
	page: ListingPage,
	items: readonly ListItem[],
	recent: readonly ListItem[],
): string {
	// The reports themselves are in the key as the items the page shows of them.
	const { reports: _reports, ...rest } = page;
	return hashParts([
		JSON.stringify(rest),
		String(items.length),
		...items.map(listItemText),
		String(recent.length),
		...recent.map(listItemText),
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

/** The incremental-build key of a taken-down report's notice page: all that page shows. */
export function noticePageKey(page: NoticePage): string {
	return hash(page);
}

/**
 * The incremental-build key of the page at an earlier address, and of `_redirects` (given every
 * redirect): where each address leads and the headline its link shows.
 */
export function redirectKey(redirects: Redirect | readonly Redirect[]): string {
	return hash(redirects);
}
