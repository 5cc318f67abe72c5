import { getRssString } from '@astrojs/rss';
import { feedContent } from '../lib/feed-content.ts';
import { feedKey } from './cache-keys.ts';
import { feedSpecs, toRssOptions, type FeedSpec } from '../lib/feed.ts';
import type { Report } from '../lib/report.ts';
import { feedStylesheetHref } from '../lib/urls.ts';
import { site } from '../site.config.ts';
import { getListings, reportBodyHtml, type PublishedReport } from './reports.ts';

let specs: Promise<FeedSpec<PublishedReport>[]> | undefined;
const contents = new Map<string, string>();

/** Every feed of the site, computed once per build. */
export function getFeedSpecs(): Promise<FeedSpec<PublishedReport>[]> {
	specs ??= getListings().then((listings) => feedSpecs(listings, site));
	return specs;
}

/** The feeds of one kind, as static paths for their endpoint. */
export async function feedPaths(kind: FeedSpec['kind'], param: string) {
	return (await getFeedSpecs())
		.filter((spec) => spec.kind === kind)
		.map((spec) => ({ params: { [param]: spec.key }, props: { spec }, cacheKey: feedKey(spec) }));
}

// A report appears in several feeds; its feed HTML is made once.
function contentOf(report: Report): string {
	let html = contents.get(report.key);
	if (html === undefined) {
		const { entry } = report as PublishedReport;
		const rendered = reportBodyHtml(entry) ?? entry.rendered?.html ?? '';
		html = feedContent(rendered, report, site);
		contents.set(report.key, html);
	}
	return html;
}

/** The RSS document of a feed, as an endpoint response. */
export async function feedResponse(spec: FeedSpec): Promise<Response> {
	const { options, restore } = toRssOptions(spec, {
		site,
		contentOf,
		stylesheet: feedStylesheetHref(),
	});
	const xml = restore(await getRssString(options));
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
