/**
 * Archive paging numbered from the oldest report, so archive page N holds the same reports
 * forever and publishing touches only a list's first page. The first page (the list's own
 * address) shows the newest `pageSize` reports; archive pages 1…K hold complete pages of
 * `pageSize`, oldest first, each shown newest first. Reports newer than the last complete page
 * are reachable from the first page, so nothing is left out.
 *
 * Page K links "newer" to page K+1 before it exists: that address holds a fixed pointer to the
 * first page until page K+1 fills. So no archive page ever changes, not even its links.
 */

/** Where a list page's "older" and "newer" links go: an archive page number, or nowhere. */
export type PageLink = number | undefined;

/** The first page of a list. */
export interface FirstPage<T> {
	items: T[];
	/** Archive page with the reports just older than these; undefined when there are none. */
	older: PageLink;
}

/** One archive page of a list. */
export interface ArchivePage<T> {
	/** 1 is the oldest page. */
	number: number;
	/** Newest first. */
	items: T[];
	older: PageLink;
	/** The next archive page (for the newest one, the page that is still filling). */
	newer: PageLink;
}

/** A list split into its first page and its archive pages. */
export interface Paged<T> {
	first: FirstPage<T>;
	archive: ArchivePage<T>[];
	/** The number after the newest complete page, whose address points to the first page. */
	filling?: number | undefined;
}

/**
 * Splits a newest-first list into a first page and archive pages numbered from the oldest.
 * @example paginateFromOldest(range(25), 10).archive.map((page) => page.number) // => [1, 2]
 */
export function paginateFromOldest<T>(newestFirst: readonly T[], pageSize: number): Paged<T> {
	const total = newestFirst.length;
	const complete = Math.floor(total / pageSize);
	const oldestFirst = [...newestFirst].reverse();
	const archive: ArchivePage<T>[] = [];
	for (let number = 1; number <= complete; number += 1) {
		archive.push({
			number,
			items: oldestFirst.slice((number - 1) * pageSize, number * pageSize).reverse(),
			older: number > 1 ? number - 1 : undefined,
			newer: number + 1,
		});
	}
	// When the list is an exact multiple of pageSize, the newest archive page repeats the first page.
	const olderThanFirst = total % pageSize === 0 ? complete - 1 : complete;
	return {
		first: {
			items: newestFirst.slice(0, pageSize),
			older: olderThanFirst >= 1 ? olderThanFirst : undefined,
		},
		archive,
		filling: complete >= 1 ? complete + 1 : undefined,
	};
}
