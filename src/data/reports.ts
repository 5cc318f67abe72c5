import { getCollection, type CollectionEntry } from 'astro:content';
import { isoWithOffset } from '../lib/dates.ts';
import { listingPages, type ListingPage } from '../lib/listing-pages.ts';
import { groupReports, type Listings } from '../lib/listings.ts';
import { selectPublished } from '../lib/publication.ts';
import { sortNewestFirst, toReport, type Report } from '../lib/report.ts';
import { site } from '../site.config.ts';
import { buildNow } from './clock.ts';
import { loadedBodyText } from './report-metadata.ts';
import { sourceDirectory } from './source-directory.ts';

/** A report with the collection entry its page renders. */
export interface PublishedReport extends Report {
	entry: CollectionEntry<'reports'>;
}

let listings: Promise<Listings<PublishedReport>> | undefined;

async function loadListings(): Promise<Listings<PublishedReport>> {
	const entries = await getCollection('reports');
	const reports = entries.map((entry) => ({
		...toReport(
			{ id: entry.id, data: entry.data, bodyText: loadedBodyText(entry) },
			site,
			sourceDirectory,
		),
		entry,
	}));
	// Drafts show in `astro dev` (with a banner) and never in a build. The mode, not NODE_ENV,
	// says which: a build run from a test runner has NODE_ENV=test and must still drop drafts.
	const summary = selectPublished(reports, buildNow, import.meta.env.MODE === 'development');
	const held = [
		`${summary.published.length} published`,
		summary.drafts > 0 ? `${summary.drafts} draft${summary.drafts === 1 ? '' : 's'} left out` : '',
		summary.scheduled > 0
			? `${summary.scheduled} scheduled held back, next due ${summary.nextDue ? isoWithOffset(summary.nextDue, site.timeZone) : ''}`
			: '',
		summary.expired.length > 0 ? `${summary.expired.length} expired taken down` : '',
	].filter(Boolean);
	console.info(
		`[wiredesk] build time ${isoWithOffset(buildNow, site.timeZone)}: reports ${held.join('; ')}`,
	);
	for (const report of summary.expired) {
		console.info(
			`[wiredesk] expired ${report.expires ? isoWithOffset(report.expires, site.timeZone) : ''}: ${report.entry.filePath ?? report.key} (${report.title})`,
		);
	}
	return groupReports(sortNewestFirst(summary.published));
}

/**
 * Every published report, newest first, with the section, agency and tag lists: loaded,
 * filtered, sorted and grouped once per build. The only caller of `getCollection()`.
 */
export function getListings(): Promise<Listings<PublishedReport>> {
	listings ??= loadListings();
	return listings;
}

let pages: Promise<ListingPage<PublishedReport>[]> | undefined;

/** Every section, agency and tag page, computed once: the routes and the pages sitemap share them. */
export function getListingPages(): Promise<ListingPage<PublishedReport>[]> {
	pages ??= getListings().then((grouped) => listingPages(grouped, site));
	return pages;
}

/** Every published report, newest first. */
export async function getReports(): Promise<PublishedReport[]> {
	return (await getListings()).all;
}
