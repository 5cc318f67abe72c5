import { getCollection, type CollectionEntry } from 'astro:content';
import { isoWithOffset } from '../lib/dates.ts';
import { groupReports, type Listings } from '../lib/listings.ts';
import { selectPublished } from '../lib/publication.ts';
import { sortNewestFirst, toReport, type Report } from '../lib/report.ts';
import { site } from '../site.config.ts';
import { buildNow } from './clock.ts';
import { sourceDirectory } from './source-directory.ts';

/** A report with the collection entry its page renders. */
export interface PublishedReport extends Report {
	entry: CollectionEntry<'reports'>;
}

let listings: Promise<Listings<PublishedReport>> | undefined;

async function loadListings(): Promise<Listings<PublishedReport>> {
	const entries = await getCollection('reports');
	const reports = entries.map((entry) => ({ ...toReport(entry, site, sourceDirectory), entry }));
	// Drafts show in `astro dev` (with a banner) and never in a production build.
	const summary = selectPublished(reports, buildNow, import.meta.env.DEV);
	const held = [
		`${summary.published.length} published`,
		summary.drafts > 0 ? `${summary.drafts} draft${summary.drafts === 1 ? '' : 's'} left out` : '',
		summary.scheduled > 0
			? `${summary.scheduled} scheduled held back, next due ${summary.nextDue ? isoWithOffset(summary.nextDue, site.timeZone) : ''}`
			: '',
		summary.expired > 0 ? `${summary.expired} expired taken down` : '',
	].filter(Boolean);
	console.info(`[wiredesk] build time ${isoWithOffset(buildNow, site.timeZone)}: reports ${held.join('; ')}`);
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

/** Every published report, newest first. */
export async function getReports(): Promise<PublishedReport[]> {
	return (await getListings()).all;
}
