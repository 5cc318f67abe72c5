import { lastModified, type Report } from '../lib/report.ts';
import { reportSitemapChunks, type SitemapEntry } from '../lib/sitemaps.ts';
import {
	absoluteUrl,
	homeHref,
	pagesSitemapHref,
	reportsSitemapHref,
	sourcesHref,
	tagsHref,
} from '../lib/urls.ts';
import { site } from '../site.config.ts';
import { getListingPages, getListings, type PublishedReport } from './reports.ts';

/** Reports per sitemap file: far under the protocol's 50,000, so files stay small. */
export const REPORTS_PER_SITEMAP = 10_000;

function newest(reports: readonly Report[]): Date | undefined {
	let latest: Date | undefined;
	for (const report of reports) {
		const modified = lastModified(report);
		if (!latest || modified > latest) latest = modified;
	}
	return latest;
}

/** The index pages of the site (front, overviews, every list page) for the pages sitemap. */
export async function pageEntries(): Promise<SitemapEntry[]> {
	const listings = await getListings();
	const latest = newest(listings.all.slice(0, 1));
	const overview = [homeHref(), sourcesHref(), tagsHref()].map((href) => ({
		loc: absoluteUrl(href, site.url),
		lastmod: latest,
	}));
	const lists = (await getListingPages())
		.filter((page) => !page.redirectTo)
		.map((page) => ({ loc: absoluteUrl(page.href, site.url), lastmod: newest(page.reports) }));
	return [...overview, ...lists];
}

/** The reports sitemaps, oldest reports first, so a publish touches only the last file. */
export async function reportChunks(): Promise<PublishedReport[][]> {
	return reportSitemapChunks((await getListings()).all, REPORTS_PER_SITEMAP);
}

/** Every sitemap file, for the sitemap index. */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
	const listings = await getListings();
	const chunks = await reportChunks();
	return [
		{ loc: absoluteUrl(pagesSitemapHref(), site.url), lastmod: newest(listings.all.slice(0, 1)) },
		...chunks.map((chunk, index) => ({
			loc: absoluteUrl(reportsSitemapHref(index + 1), site.url),
			lastmod: newest(chunk),
		})),
	];
}
