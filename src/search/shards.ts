import { createHash } from 'node:crypto';

/** A report page as the search index sees it. */
export interface SearchPage {
	/** Path of the page's file in the output folder, e.g. `wire/some-report/index.html`. */
	file: string;
	/** Publication time, in milliseconds since the epoch. */
	published: number;
	/** SHA-256 of what the search index reads of the page ({@link indexedPart}). */
	digest: string;
}

/** A part of the search index, built and published on its own. */
export interface SearchShard {
	/** Folder name under /pagefind/; stays the same while the shard holds the same slots. */
	name: string;
	/** Changes exactly when a page in the shard is added, removed or changed. */
	fingerprint: string;
	pages: SearchPage[];
}

/** How many reports a shard holds: archive shards are large, the newest reports go in small ones. */
export interface ShardSizes {
	archiveShardSize: number;
	recentShardSize: number;
}

function shard(kind: 'a' | 'r', start: number, pages: SearchPage[]): SearchShard {
	const hash = createHash('sha256');
	for (const page of pages) hash.update(`${page.file}\0${page.digest}\n`);
	return {
		name: `${kind}${String(start).padStart(7, '0')}`,
		fingerprint: hash.digest('hex'),
		pages,
	};
}

/**
 * Splits the report pages into search shards by publication order, oldest first. Every full
 * block of `archiveShardSize` reports is one archive shard (`a…`); the reports after the last full block
 * go in shards of `recentShardSize` (`r…`). Publishing a report therefore re-indexes only the newest
 * small shard, and the archive shards never change. Once the recent shards fill a whole
 * block they are merged into a new archive shard: one larger re-index per block.
 * @example searchShards(pages, { archiveShardSize: 4, recentShardSize: 2 }).map((s) => s.name) // 9 pages => ['a0000000', 'a0000004', 'r0000008']
 */
export function searchShards(
	pages: readonly SearchPage[],
	{ archiveShardSize, recentShardSize }: ShardSizes,
): SearchShard[] {
	if (archiveShardSize % recentShardSize !== 0)
		throw new Error(
			`archiveShardSize (${archiveShardSize}) must be a multiple of recentShardSize (${recentShardSize})`,
		);
	const ordered = [...pages].sort(
		(a, b) => a.published - b.published || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
	);
	const archived = ordered.length - (ordered.length % archiveShardSize);
	const shards: SearchShard[] = [];
	for (let start = 0; start < archived; start += archiveShardSize)
		shards.push(shard('a', start, ordered.slice(start, start + archiveShardSize)));
	for (let start = archived; start < ordered.length; start += recentShardSize)
		shards.push(shard('r', start, ordered.slice(start, start + recentShardSize)));
	return shards;
}

const PUBLISHED = /<meta property="article:published_time" content="([^"]+)"/;

/** The publication time a report page states in its head, or undefined. */
export function pagePublished(html: string): number | undefined {
	const found = PUBLISHED.exec(html)?.[1];
	const time = found ? Date.parse(found) : Number.NaN;
	return Number.isNaN(time) ? undefined : time;
}

const LANGUAGE = /<html[^>]*\slang="([^"]*)"/;

/**
 * The part of a report page the search index reads: the page language and the report article
 * (`data-pagefind-body`), through its last `</article>`. The links to the next and previous
 * reports are outside it, so publishing a report does not count as a change to the page before
 * it, and that page's part of the index is not rebuilt. Without an article, the whole page.
 */
export function indexedPart(html: string): string {
	const start = html.indexOf('data-pagefind-body');
	const end = html.lastIndexOf('</article>');
	if (start < 0 || end < start) return html;
	return `${LANGUAGE.exec(html)?.[1] ?? ''}\n${html.slice(start, end)}`;
}
