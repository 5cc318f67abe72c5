import { cacheDir } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { isoWithOffset } from '../lib/dates.ts';
import { listingPages, type ListingPage } from '../lib/listing-pages.ts';
import { groupReports, type Listings } from '../lib/listings.ts';
import { redirectsOf, type Redirect } from '../lib/redirects.ts';
import { selectPublished, type TakenDown } from '../lib/publication.ts';
import { sortNewestFirst, toReport, type Report } from '../lib/report.ts';
import { site } from '../site.config.ts';
import { buildNow } from './clock.ts';
import { ReportHtmlFiles } from './report-html.ts';
import { loadedBodyText, reportMetadata } from './report-metadata.ts';
import { sourceDirectory } from './source-directory.ts';

/** A report with the collection entry its page renders. */
export interface PublishedReport extends Report {
	entry: CollectionEntry<'reports'>;
}

/** What a build publishes: the live reports' lists, and the reports whose address keeps a notice. */
interface Publication {
	listings: Listings<PublishedReport>;
	takenDown: TakenDown<PublishedReport>[];
}

let publication: Promise<Publication> | undefined;
const bodies = new ReportHtmlFiles(cacheDir);

/**
 * A report's body as HTML, read from the file the loader wrote it to; undefined when the store
 * holds it instead (a body with images), which Astro's `render()` turns into a component.
 */
export function reportBodyHtml(entry: CollectionEntry<'reports'>): string | undefined {
	const file = reportMetadata(entry)?.html;
	return file === undefined ? undefined : bodies.read(file);
}

async function loadPublication(): Promise<Publication> {
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
	const count = (kind: string) =>
		summary.takenDown.filter(({ takedown }) => takedown.kind === kind).length;
	const held = [
		`${summary.published.length} published`,
		summary.drafts > 0 ? `${summary.drafts} draft${summary.drafts === 1 ? '' : 's'} left out` : '',
		summary.scheduled > 0
			? `${summary.scheduled} scheduled held back, next due ${summary.nextDue ? isoWithOffset(summary.nextDue, site.timeZone) : ''}`
			: '',
		count('withdrawn') > 0 ? `${count('withdrawn')} withdrawn` : '',
		count('expired') > 0 ? `${count('expired')} expired taken down` : '',
	].filter(Boolean);
	console.info(
		`[wiredesk] build time ${isoWithOffset(buildNow, site.timeZone)}: reports ${held.join('; ')}`,
	);
	for (const { report, takedown } of summary.takenDown) {
		console.info(
			`[wiredesk] ${takedown.kind} ${isoWithOffset(takedown.date, site.timeZone)}: ${report.entry.filePath ?? report.key} (${report.title})`,
		);
	}
	// Ordered by address, so the notice pages are listed the same way in every build.
	const takenDown = [...summary.takenDown].sort((a, b) =>
		a.report.href < b.report.href ? -1 : a.report.href > b.report.href ? 1 : 0,
	);
	return { listings: groupReports(sortNewestFirst(summary.published)), takenDown };
}

function getPublication(): Promise<Publication> {
	publication ??= loadPublication();
	return publication;
}

/**
 * Every published report, newest first, with the section, agency and tag lists: loaded,
 * filtered, sorted and grouped once per build. The only caller of `getCollection()`.
 */
export async function getListings(): Promise<Listings<PublishedReport>> {
	return (await getPublication()).listings;
}

/**
 * The reports that were published and came down (withdrawn, or past `expires`), ordered by
 * address: each address keeps a notice page, and no list, feed, sitemap or search shows them.
 */
export async function getTakenDown(): Promise<TakenDown<PublishedReport>[]> {
	return (await getPublication()).takenDown;
}

/** Every earlier address of a published or taken-down report, with where it now leads. */
export async function getRedirects(): Promise<Redirect[]> {
	const { listings, takenDown } = await getPublication();
	return redirectsOf([...listings.all, ...takenDown.map(({ report }) => report)]);
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
