import { isoWithOffset } from './dates.ts';
import type { Report } from './report.ts';

/** One report in `/recent.json`. */
export interface RecentJsonItem {
	title: string;
	href: string;
	excerpt: string;
	/** ISO 8601 with the site's offset. */
	date: string;
	/** The agency's name. */
	source: string;
	lang: string;
	dir: 'ltr' | 'rtl';
}

/**
 * The body of `/recent.json`: the newest reports with what the Recent posts list shows.
 * @example JSON.parse(toRecentJson([report], 'Europe/Berlin'))[0].href // => '/wire/ferries-run/'
 */
export function toRecentJson(reports: readonly Report[], timeZone: string): string {
	const items: RecentJsonItem[] = reports.map((report) => ({
		title: report.title,
		href: report.href,
		excerpt: report.excerpt,
		date: isoWithOffset(report.date, timeZone),
		source: report.source.name,
		lang: report.lang,
		dir: report.dir,
	}));
	return `${JSON.stringify(items, null, '\t')}\n`;
}
