import type { Report } from './report.ts';

/**
 * What a list of reports shows of each one: an index's list, the Recent posts list (built into
 * pages and fetched from /recent.json) and the previous and next links under a report. The
 * components that list reports take this and nothing else, and cache keys hash all of it
 * (src/data/cache-keys.ts), so a page's key covers whatever its lists show. A list that is to
 * show another field of a report gets it here first.
 */
export interface ListItem {
	title: string;
	/** Site-relative address of the report page. */
	href: string;
	excerpt: string;
	/** The agency's name. */
	agency: string;
	date: Date;
	/** Language and direction of the report's own text (title and excerpt). */
	lang: string;
	dir: 'ltr' | 'rtl';
}

const items = new WeakMap<Report, Readonly<ListItem>>();

/**
 * The list item of a report. One object per report: the same few reports are in the Recent
 * posts of thousands of pages, and cache keys remember the text of each item by its object.
 * @example listItemOf(report).agency // => 'Harbourline News'
 */
export function listItemOf(report: Report): Readonly<ListItem> {
	let item = items.get(report);
	if (!item) {
		item = Object.freeze({
			title: report.title,
			href: report.href,
			excerpt: report.excerpt,
			agency: report.source.name,
			date: report.date,
			lang: report.lang,
			dir: report.dir,
		});
		items.set(report, item);
	}
	return item;
}
