import type { Report, Tag } from './report.ts';
import type { Source } from './sources.ts';

/** Every list the site publishes, grouped once per build from the newest-first reports. */
export interface Listings<R extends Report = Report> {
	/** All reports, newest first. */
	all: R[];
	bySection: Map<string, R[]>;
	bySource: Map<string, { source: Source; reports: R[] }>;
	byTag: Map<string, { tag: Tag; reports: R[] }>;
	/** Position of each report (by key) in `all`. */
	position: Map<string, number>;
	/** Each report's neighbours within its section. */
	neighbours: Map<string, { older?: R | undefined; newer?: R | undefined }>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Groups newest-first reports into the site's lists in one pass, so no page ever scans the
 * whole collection. Lists keep newest-first order; maps are in a stable order (sections as
 * met, agencies and tags sorted by slug).
 */
export function groupReports<R extends Report>(newestFirst: readonly R[]): Listings<R> {
	const bySection = new Map<string, R[]>();
	const sources = new Map<string, { source: Source; reports: R[] }>();
	const tags = new Map<string, { tag: Tag; reports: R[] }>();
	const position = new Map<string, number>();
	newestFirst.forEach((report, index) => {
		position.set(report.key, index);
		push(bySection, report.section.slug, report);
		const source = sources.get(report.source.slug) ?? { source: report.source, reports: [] };
		source.reports.push(report);
		sources.set(report.source.slug, source);
		for (const tag of report.tags) {
			// The oldest spelling of a tag names its page, so a new report never renames it.
			const entry = tags.get(tag.slug) ?? { tag, reports: [] };
			entry.reports.push(report);
			entry.tag = tag;
			tags.set(tag.slug, entry);
		}
	});
	const neighbours = new Map<string, { older?: R | undefined; newer?: R | undefined }>();
	for (const reports of bySection.values()) {
		reports.forEach((report, index) =>
			neighbours.set(report.key, { newer: reports[index - 1], older: reports[index + 1] }),
		);
	}
	const bySlug = <V>(map: Map<string, V>) =>
		new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return {
		all: [...newestFirst],
		bySection,
		bySource: bySlug(sources),
		byTag: bySlug(tags),
		position,
		neighbours,
	};
}

/**
 * The reports published just before one report, newest first: the Recent posts a report page
 * shows without JavaScript. It never changes when newer reports are published.
 * @example reportsBefore(listings, report, 6).length // => up to 6
 */
export function reportsBefore<R extends Report>(
	listings: Listings<R>,
	report: Report,
	count: number,
): R[] {
	const index = listings.position.get(report.key);
	return index === undefined ? [] : listings.all.slice(index + 1, index + 1 + count);
}
