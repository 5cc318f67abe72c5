import { getCollection, type CollectionEntry } from 'astro:content';
import { groupReports, type Listings } from '../lib/listings.ts';
import { sortNewestFirst, toReport, type Report } from '../lib/report.ts';
import { site } from '../site.config.ts';
import { sourceDirectory } from './source-directory.ts';

/** A report with the collection entry its page renders. */
export interface PublishedReport extends Report {
	entry: CollectionEntry<'reports'>;
}

let listings: Promise<Listings<PublishedReport>> | undefined;

async function loadListings(): Promise<Listings<PublishedReport>> {
	const entries = await getCollection('reports');
	// Drafts are visible in `astro dev` (with a banner) and never in a production build.
	const visible = import.meta.env.PROD ? entries.filter((entry) => !entry.data.draft) : entries;
	const reports = visible.map((entry) => ({ ...toReport(entry, site, sourceDirectory), entry }));
	return groupReports(sortNewestFirst(reports));
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
