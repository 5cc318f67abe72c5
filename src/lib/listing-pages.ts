import { formatDayRange } from './display-date.ts';
import type { Listings } from './listings.ts';
import { paginateFromOldest, type PageLink, type Paged } from './pagination.ts';
import type { Report } from './report.ts';
import { fillLabel } from './labels.ts';
import type { SiteConfig } from './site-config.ts';
import { archivePageHref, feedHref, sectionHref, sourceHref, tagHref } from './urls.ts';

/** Everything one index page shows: a section's, an agency's or a tag's, first or archive. */
export interface ListingPage<R extends Report = Report> {
	/** Site-relative address, e.g. "/wire/" or "/tags/energy/page/2/". */
	href: string;
	/** The full `<title>`. */
	title: string;
	heading: string;
	/** On archive pages: the days the page covers (never "page N of M"). */
	subheading?: string | undefined;
	description: string;
	/** Newest first. */
	reports: R[];
	older?: string | undefined;
	newer?: string | undefined;
	/** The section the page belongs to, for the navigation. */
	section?: string | undefined;
	/** An outside link under the heading, e.g. an agency's website. */
	link?: { href: string; text: string } | undefined;
	/** The list's RSS feed. */
	feed: string;
	/**
	 * Set on the address of the archive page that is still filling: it only points to the list's
	 * first page, and never changes until the page fills (see pagination.ts).
	 */
	redirectTo?: string | undefined;
}

/** One list of reports the site publishes, with its pages and its feed: a section, an agency or a tag. */
export interface ReportList<R extends Report = Report> {
	kind: 'section' | 'source' | 'tag';
	/** The section, agency or tag slug. */
	key: string;
	/** Address of the list's first page. */
	href: string;
	heading: string;
	description: string;
	/** Newest first. */
	reports: R[];
	section?: string;
	link?: { href: string; text: string };
}

/**
 * The heading of an agency's list.
 * @example sourceListHeading(site, 'Quay Wire') // => 'Reports from Quay Wire'
 */
export function sourceListHeading(site: SiteConfig, source: string): string {
	return fillLabel(site.labels.sourceTitle, { source });
}

/**
 * The heading of a tag's list.
 * @example tagListHeading(site, 'energy') // => 'Reports tagged “energy”'
 */
export function tagListHeading(site: SiteConfig, tag: string): string {
	return fillLabel(site.labels.taggedTitle, { tag });
}

function linkTo(listHref: string, link: PageLink): string | undefined {
	return link === undefined ? undefined : archivePageHref(listHref, link);
}

function pagesOf<R extends Report>(spec: ReportList<R>, site: SiteConfig): ListingPage<R>[] {
	const paged: Paged<R> = paginateFromOldest(spec.reports, site.pageSize);
	const first: ListingPage<R> = {
		href: spec.href,
		title: `${spec.heading} — ${site.name}`,
		heading: spec.heading,
		description: spec.description,
		reports: paged.first.items,
		older: linkTo(spec.href, paged.first.older),
		section: spec.section,
		link: spec.link,
		feed: feedHref(spec.href),
	};
	const archive = paged.archive.map((page): ListingPage<R> => {
		const newest = page.items[0];
		const oldest = page.items.at(-1);
		const range =
			newest && oldest ? formatDayRange(oldest.date, newest.date, site.timeZone, site.locale) : '';
		const subheading = fillLabel(site.labels.archiveRange, { range });
		return {
			href: archivePageHref(spec.href, page.number),
			title: `${spec.heading}: ${subheading} — ${site.name}`,
			heading: spec.heading,
			subheading,
			description: `${spec.description} ${subheading}.`,
			reports: page.items,
			older: linkTo(spec.href, page.older),
			newer: linkTo(spec.href, page.newer),
			section: spec.section,
			link: spec.link,
			feed: feedHref(spec.href),
		};
	});
	const filling: ListingPage<R>[] =
		paged.filling === undefined
			? []
			: [
					{
						href: archivePageHref(spec.href, paged.filling),
						title: first.title,
						heading: spec.heading,
						description: spec.description,
						reports: [],
						section: spec.section,
						feed: first.feed,
						redirectTo: spec.href,
					},
				];
	return [first, ...archive, ...filling];
}

/**
 * Every list of the site, in a stable order: the sections, then the agencies, then the tags.
 */
export function reportLists<R extends Report>(
	listings: Listings<R>,
	site: SiteConfig,
): ReportList<R>[] {
	const lists: ReportList<R>[] = [];
	for (const section of site.sections) {
		lists.push({
			kind: 'section',
			key: section.slug,
			href: sectionHref(section.slug),
			heading: section.name,
			description: section.disclaimer,
			reports: listings.bySection.get(section.slug) ?? [],
			section: section.slug,
		});
	}
	for (const { source, reports } of listings.bySource.values()) {
		const heading = sourceListHeading(site, source.name);
		const link = { href: source.homepage, text: site.labels.sourceHomepage };
		lists.push({
			kind: 'source',
			key: source.slug,
			href: sourceHref(source.slug),
			heading,
			description: `${heading}.`,
			reports,
			link,
		});
	}
	for (const { tag, reports } of listings.byTag.values()) {
		const heading = tagListHeading(site, tag.name);
		lists.push({
			kind: 'tag',
			key: tag.slug,
			href: tagHref(tag.slug),
			heading,
			description: `${heading}.`,
			reports,
		});
	}
	return lists;
}

/**
 * Every section, agency and tag index page of the site, first pages and archive pages,
 * computed once from the grouped reports.
 */
export function listingPages<R extends Report>(
	listings: Listings<R>,
	site: SiteConfig,
): ListingPage<R>[] {
	return reportLists(listings, site).flatMap((list) => pagesOf(list, site));
}
