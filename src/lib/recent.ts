import { isoWithOffset } from './dates.ts';
import type { ListItem } from './list-item.ts';

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
 * The body of `/recent.json`: the newest reports' list items, which the browser shows in the
 * Recent posts list (src/scripts/recent-posts.ts) as RecentPosts.astro does.
 * @example JSON.parse(toRecentJson([listItemOf(report)], 'Europe/Berlin'))[0].href // => '/wire/ferries-run/'
 */
export function toRecentJson(items: readonly ListItem[], timeZone: string): string {
	const json: RecentJsonItem[] = items.map((item) => ({
		title: item.title,
		href: item.href,
		excerpt: item.excerpt,
		date: isoWithOffset(item.date, timeZone),
		source: item.agency,
		lang: item.lang,
		dir: item.dir,
	}));
	return `${JSON.stringify(json, null, '\t')}\n`;
}
