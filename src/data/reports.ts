import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewestFirst, toReport, type Report } from '../lib/report.ts';
import { site } from '../site.config.ts';
import { sourceDirectory } from './source-directory.ts';

/** A report with the collection entry its page renders. */
export interface PublishedReport extends Report {
	entry: CollectionEntry<'reports'>;
}

let published: Promise<PublishedReport[]> | undefined;

async function loadReports(): Promise<PublishedReport[]> {
	const entries = await getCollection('reports');
	// Drafts are visible in `astro dev` (with a banner) and never in a production build.
	const visible = import.meta.env.PROD ? entries.filter((entry) => !entry.data.draft) : entries;
	const reports = visible.map((entry) => ({ ...toReport(entry, site, sourceDirectory), entry }));
	return sortNewestFirst(reports);
}

/**
 * Every published report, newest first: loaded, filtered and sorted once per build.
 * The only caller of `getCollection()` in the site.
 */
export function getReports(): Promise<PublishedReport[]> {
	published ??= loadReports();
	return published;
}

/** The reports of one section, newest first. */
export async function getSectionReports(section: string): Promise<PublishedReport[]> {
	return (await getReports()).filter((report) => report.section.slug === section);
}
