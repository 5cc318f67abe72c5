import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { replaceFile } from '../integrations/astro-internals.ts';
import type { SearchJob } from './job.ts';
import { closePagefind, indexPart, partIsWhole, SEARCH_FOLDER, SHARD_LIST } from './pagefind.ts';
import { indexedPart, pagePublished, searchShards, type SearchPage } from './shards.ts';

/** What each part and page was built from, kept with Astro's cache between builds. */
const RECORD = 'wiredesk-search-index.json';

/** A page as last read: its size and time, and what was read from it. */
type PageStamp = [size: number, modified: number, published: number, digest: string];
interface SearchRecord {
	shards: { [shard: string]: string };
	pages: { [file: string]: PageStamp };
}

async function inBatches<T, R>(
	items: readonly T[],
	size: number,
	work: (item: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size)
		results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
	return results;
}

/**
 * A report page's publication time and digest. A page with the size and time it had last build
 * was not written again (Astro skipped it), so its record stands and the file is not read.
 */
async function readPage(
	root: string,
	file: string,
	previous: PageStamp | undefined,
): Promise<[SearchPage, PageStamp]> {
	const { size, mtimeMs } = await stat(join(root, file));
	if (previous && previous[0] === size && previous[1] === mtimeMs)
		return [{ file, published: previous[2], digest: previous[3] }, previous];
	const html = await readFile(join(root, file), 'utf8');
	const published = pagePublished(html);
	if (published === undefined)
		throw new Error(`search index: ${file} has no article:published_time`);
	const digest = createHash('sha256').update(indexedPart(html)).digest('hex');
	return [{ file, published, digest }, [size, mtimeMs, published, digest]];
}

async function readRecord(file: string): Promise<SearchRecord> {
	try {
		const record = JSON.parse(await readFile(file, 'utf8')) as Partial<SearchRecord>;
		return { shards: record.shards ?? {}, pages: record.pages ?? {} };
	} catch {
		return { shards: {}, pages: {} };
	}
}

/**
 * The search step: builds the Pagefind search index over the report bodies
 * (`data-pagefind-body`). The index is split by publication order (./shards.ts) and a part
 * whose pages did not change is kept as it is, so a publish rewrites one small part instead of
 * the whole index. The browser merges the parts listed in /pagefind/shards.json. Returns a
 * line for the build log.
 */
export async function buildSearchIndex({
	root,
	files,
	cacheDir,
	sizes,
}: SearchJob): Promise<string> {
	const recordFile = join(cacheDir, RECORD);
	const staging = join(cacheDir, 'wiredesk-search-staging');
	const previous = await readRecord(recordFile);
	const read = await inBatches(files, 256, (file) => readPage(root, file, previous.pages[file]));
	const next: SearchRecord = {
		shards: {},
		pages: Object.fromEntries(read.map(([page, stamp]) => [page.file, stamp])),
	};
	const shards = searchShards(
		read.map(([page]) => page),
		sizes,
	);
	let rebuilt = 0;
	try {
		for (const [position, shard] of shards.entries()) {
			const first = position === 0;
			const current =
				previous.shards[shard.name] === shard.fingerprint &&
				partIsWhole(join(root, SEARCH_FOLDER, shard.name), first);
			if (!current) {
				await indexPart(root, staging, shard, first);
				rebuilt += shard.pages.length;
			}
			next.shards[shard.name] = shard.fingerprint;
		}
	} finally {
		await closePagefind();
	}
	// Parts that no longer exist (merged into an archive part, or emptied) go.
	const names = new Set(shards.map((shard) => shard.name));
	await mkdir(join(root, SEARCH_FOLDER), { recursive: true });
	for (const entry of await readdir(join(root, SEARCH_FOLDER))) {
		if (!names.has(entry))
			await rm(join(root, SEARCH_FOLDER, entry), { recursive: true, force: true });
	}
	await replaceFile(
		join(root, SEARCH_FOLDER, SHARD_LIST),
		`${JSON.stringify({ shards: [...names] })}\n`,
	);
	await mkdir(cacheDir, { recursive: true });
	await writeFile(recordFile, JSON.stringify(next));
	return `search index: ${files.length} reports in ${shards.length} part(s); ${rebuilt} re-indexed`;
}
