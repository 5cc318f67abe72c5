import { correctionNotices, type CorrectionNotice } from './corrections.ts';
import { excerptOf } from './excerpt.ts';
import { textDirection } from './language.ts';
import type { ReportData } from './report-schema.ts';
import type { Section, SiteConfig } from './site-config.ts';
import type { Source, SourceDirectory } from './sources.ts';
import { absoluteUrl, reportHref, reportSlug, tagSlug } from './urls.ts';

/** A tag as shown (the editor's spelling) and as addressed. */
export interface Tag {
	name: string;
	slug: string;
}

/** A report with everything pages, feeds and lists need, computed once per build. */
export interface Report {
	/** Collection id: the file path under content/ without ".md". */
	key: string;
	slug: string;
	section: Section;
	source: Source;
	/** Site-relative address of the report page. */
	href: string;
	/** Absolute address of the report page. */
	permalink: string;
	/** Stable identifier for feeds: the `id` field when set, else the permalink. */
	guid: string;
	title: string;
	originalTitle?: string | undefined;
	summary?: string | undefined;
	/** About 100 characters of plain text, or the summary. */
	excerpt: string;
	/** The original report at the agency. */
	url: string;
	date: Date;
	updated?: Date | undefined;
	expires?: Date | undefined;
	/** Corrections as readers see them, newest first; empty when there are none. */
	corrections: CorrectionNotice[];
	/** Set when the desk took the report down: its address keeps a notice instead of the body. */
	withdrawn?: { date: Date; reason: string } | undefined;
	/** Earlier addresses of the report (site paths), each redirected to `href`. */
	aliases: string[];
	author?: string | undefined;
	dateline?: string | undefined;
	image?: ReportData['image'];
	tags: Tag[];
	lang: string;
	dir: 'ltr' | 'rtl';
	draft: boolean;
}

/** A validated collection entry, as the data layer hands it over. */
export interface ReportEntry {
	id: string;
	data: ReportData;
	/** The start of the rendered body as plain text, made by the report loader. */
	bodyText: string;
}

/**
 * Derives a {@link Report} from a validated entry.
 * @example toReport(entry, site, sources).href // => '/wire/ferry-strike-ends/'
 */
export function toReport(entry: ReportEntry, site: SiteConfig, sources: SourceDirectory): Report {
	const { data } = entry;
	const section = site.sections.find((candidate) => candidate.slug === data.section);
	const source = sources.find(data.source);
	// The schema has already checked both; this guards a config edited under a cached store.
	if (!section) throw new Error(`${entry.id}: unknown section "${data.section}"`);
	if (!source) throw new Error(`${entry.id}: unknown source "${data.source}"`);
	const slug = reportSlug(entry.id);
	const href = reportHref(section.slug, slug);
	const permalink = absoluteUrl(href, site.url);
	const lang = data.lang ?? site.locale;
	return {
		key: entry.id,
		slug,
		section,
		source,
		href,
		permalink,
		guid: data.id ?? permalink,
		title: data.title,
		originalTitle: data.originalTitle,
		summary: data.summary,
		excerpt: excerptOf(
			{ summary: data.summary, title: data.title, bodyText: entry.bodyText },
			100,
			lang,
		),
		url: data.url,
		date: data.date,
		updated: data.updated,
		expires: data.expires,
		corrections: correctionNotices(data.corrections, site.url),
		withdrawn: data.withdrawn,
		aliases: data.aliases,
		author: data.author,
		dateline: data.dateline,
		image: data.image,
		tags: uniqueTags(data.tags),
		lang,
		dir: textDirection(lang),
		draft: data.draft,
	};
}

/**
 * Tags with their slugs, once each (two spellings of one slug count as one).
 * @example uniqueTags(['Energy', 'energy ']) // => [{ name: 'Energy', slug: 'energy' }]
 */
export function uniqueTags(names: readonly string[]): Tag[] {
	const seen = new Set<string>();
	const tags: Tag[] = [];
	for (const name of names) {
		const slug = tagSlug(name);
		if (!slug || seen.has(slug)) continue;
		seen.add(slug);
		tags.push({ name: name.trim(), slug });
	}
	return tags;
}

/**
 * When a report last changed: the latest of its publication time, its `updated` time and its
 * corrections' dates. The one rule for sitemap `lastmod`, the feeds' `lastBuildDate`,
 * `dateModified` in structured data and the "Updated" time on its page.
 * @example lastModified({ date: new Date('2026-11-04'), updated: new Date('2026-11-05'), corrections: [] }).toISOString() // => '2026-11-05T00:00:00.000Z'
 */
export function lastModified(
	report: Pick<Report, 'date' | 'updated'> & { corrections: readonly { date: Date }[] },
): Date {
	let latest = report.date;
	if (report.updated && report.updated > latest) latest = report.updated;
	for (const correction of report.corrections)
		if (correction.date > latest) latest = correction.date;
	return latest;
}

/**
 * The "Updated" time a report page shows: {@link lastModified} when it is later than the
 * publication time, else none.
 * @example updatedAt({ date: new Date('2026-11-04'), corrections: [{ date: new Date('2026-11-06') }] })?.toISOString() // => '2026-11-06T00:00:00.000Z'
 */
export function updatedAt(
	report: Pick<Report, 'date' | 'updated'> & { corrections: readonly { date: Date }[] },
): Date | undefined {
	const modified = lastModified(report);
	return modified > report.date ? modified : undefined;
}

/**
 * Newest first; reports published at the same instant keep a stable order by key, so output
 * never depends on file system order.
 */
export function sortNewestFirst<T extends Pick<Report, 'date' | 'key'>>(
	reports: readonly T[],
): T[] {
	return [...reports].sort(
		(a, b) => b.date.getTime() - a.date.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
	);
}
