import type { RSSOptions } from '@astrojs/rss';
import type { Listings } from './listings.ts';
import { lastModified, type Report } from './report.ts';
import { reportLists, sourceListHeading, tagListHeading } from './listing-pages.ts';
import type { SiteConfig } from './site-config.ts';
import { absoluteUrl, feedHref, homeHref, sectionHref, sourceHref, tagHref } from './urls.ts';
import { escapeHtmlText, escapeXml, escapeXmlText } from './xml.ts';

/** One RSS feed of the site: the whole site, a section, an agency or a tag. */
export interface FeedSpec<R extends Report = Report> {
	/** Which list the feed follows, and its slug (empty for the whole site). */
	kind: 'site' | 'section' | 'source' | 'tag';
	key: string;
	/** Site-relative address of the feed, e.g. "/wire/rss.xml". */
	href: string;
	/** Site-relative address of the page the feed mirrors. */
	pageHref: string;
	title: string;
	description: string;
	/** Newest first, at most `feedSize`. */
	reports: R[];
}

/** XML namespaces the feeds use. */
export const FEED_NAMESPACES = {
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/**
 * Every feed of the site, each with its newest `site.feedSize` reports.
 * @example feedSpecs(listings, site)[0].href // => '/rss.xml'
 */
export function feedSpecs<R extends Report>(
	listings: Listings<R>,
	site: SiteConfig,
): FeedSpec<R>[] {
	const take = (reports: readonly R[]) => reports.slice(0, site.feedSize);
	return [
		{
			kind: 'site',
			key: '',
			href: feedHref(homeHref()),
			pageHref: homeHref(),
			title: site.name,
			description: site.description,
			reports: take(listings.all),
		},
		...reportLists(listings, site).map((list) => ({
			kind: list.kind,
			key: list.key,
			href: feedHref(list.href),
			pageHref: list.href,
			title: `${list.heading} — ${site.name}`,
			description: list.description,
			reports: take(list.reports),
		})),
	];
}

/**
 * The feeds a report page announces besides the site's: its section's, its agency's and each
 * of its tags', titled as those feeds are.
 */
export function reportFeedLinks(
	report: Report,
	site: SiteConfig,
): { href: string; title: string }[] {
	return [
		{ href: feedHref(sectionHref(report.section.slug)), heading: report.section.name },
		{
			href: feedHref(sourceHref(report.source.slug)),
			heading: sourceListHeading(site, report.source.name),
		},
		...report.tags.map((tag) => ({
			href: feedHref(tagHref(tag.slug)),
			heading: tagListHeading(site, tag.name),
		})),
	].map(({ href, heading }) => ({ href, title: `${heading} — ${site.name}` }));
}

/**
 * RFC 822 date, as RSS wants it.
 * @example rfc822(new Date('2026-11-24T08:30:00Z')) // => 'Tue, 24 Nov 2026 08:30:00 GMT'
 */
export function rfc822(date: Date): string {
	return date.toUTCString();
}

/** Options for {@link toFeedXml}. */
export interface FeedOptions {
	site: SiteConfig;
	/** The full sanitised HTML of a report with absolute URLs, for `content:encoded`. */
	contentOf: (report: Report) => string;
	/** Address of the XSL stylesheet that makes the feed readable in a browser. */
	stylesheet: string;
}

// Every text we write into an element goes to @astrojs/rss as a placeholder and is swapped back
// after rendering, so that one rule writes all of it: hexadecimal references (escapeXmlText).
// @astrojs/rss would otherwise write "&lt;" and "&amp;", which aggregators read differently in
// plain-text elements, and it re-parses customData with number parsing on ("0123" becomes "123").
class Placeholders {
	readonly #values: string[] = [];
	readonly #marker: string;

	/** `raw` is what is rendered as given (HTML, URLs): the marker occurs in none of it, so agency copy cannot forge one. */
	constructor(raw: readonly string[]) {
		let round = 0;
		while (raw.some((text) => text.includes(`wiredesk-text-${round}-`))) round += 1;
		this.#marker = `wiredesk-text-${round}-`;
	}

	/** A stand-in for element text. */
	text(value: string): string {
		this.#values.push(value);
		return `${this.#marker}${this.#values.length - 1}-x`;
	}

	restore(xml: string): string {
		return xml.replace(new RegExp(`${this.#marker}(\\d+)-x`, 'g'), (_, index: string) =>
			escapeXmlText(this.#values[Number(index)] ?? ''),
		);
	}
}

/**
 * The RSS options of one feed for `@astrojs/rss`, with the text to restore after rendering:
 * channel language, lastBuildDate (the newest item's date, so the feed is deterministic) and
 * `atom:link rel="self"`; items with guid, categories, creator, the agency as `<source>` and
 * `atom:link rel="via"` to the original report. Plain text is written with hexadecimal
 * references; `description` holds HTML in RSS 2.0 (readers and the W3C validator read it so),
 * so the excerpt is escaped as HTML first, then written like any text.
 */
export function toRssOptions(
	spec: FeedSpec,
	{ site, contentOf, stylesheet }: FeedOptions,
): { options: RSSOptions; restore: (xml: string) => string } {
	const contents = spec.reports.map((report) => contentOf(report));
	const feedUrl = absoluteUrl(spec.href, site.url);
	const pageUrl = absoluteUrl(spec.pageHref, site.url);
	const urls = spec.reports.flatMap((report) => [
		report.permalink,
		report.url,
		report.source.feed ?? report.source.homepage,
	]);
	const placeholders = new Placeholders([...contents, ...urls, feedUrl, pageUrl, stylesheet]);
	const text = (value: string) => placeholders.text(value);
	const newest = spec.reports[0];
	const channel = [
		`<language>${text(site.locale.toLowerCase())}</language>`,
		newest ? `<lastBuildDate>${rfc822(lastModified(newest))}</lastBuildDate>` : '',
		`<atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
	].join('');
	const options: RSSOptions = {
		title: text(spec.title),
		description: text(spec.description),
		site: pageUrl,
		stylesheet,
		xmlns: { ...FEED_NAMESPACES },
		customData: channel,
		items: spec.reports.map((report, index) => ({
			title: text(report.title),
			link: report.permalink,
			pubDate: report.date,
			description: text(escapeHtmlText(report.excerpt)),
			content: contents[index] ?? '',
			categories: [report.section.name, ...report.tags.map((tag) => tag.name)].map(text),
			source: {
				title: text(report.source.name),
				url: report.source.feed ?? report.source.homepage,
			},
			// Replaces the guid @astrojs/rss makes from the link, so every guid is written the same way.
			customData: [
				`<guid isPermaLink="${report.guid === report.permalink}">${text(report.guid)}</guid>`,
				`<dc:creator>${text(report.author ?? report.source.name)}</dc:creator>`,
				`<atom:link rel="via" href="${escapeXml(report.url)}"/>`,
			].join(''),
		})),
	};
	return { options, restore: (xml) => placeholders.restore(xml) };
}
