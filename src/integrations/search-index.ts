import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import {
	indexedPart,
	pagePublished,
	searchShards,
	type SearchPage,
	type SearchShard,
	type ShardSizes,
} from '../lib/search-shards.ts';
import { pathInside } from './output-files.ts';

/** The folder of the search index in the output, and the list of its parts the browser reads. */
export const SEARCH_FOLDER = 'pagefind';
const SHARD_LIST = 'shards.json';
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

/** Pagefind's own search interfaces, which /search/ does not use. */
const UNUSED_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];
/** The search engine's script and worker, loaded from the first part only. */
const ENGINE_FILES = ['pagefind.js', 'pagefind-worker.js'];
/** Its WebAssembly, one file per language: merged parts run on the first part's engine. */
const isEngineWasm = (file: string) => /^wasm\.[^/]+\.pagefind$/.test(file);

/** Puts a page in the staging folder: a hard link, or a copy across file systems. */
async function stage(root: string, staging: string, file: string): Promise<void> {
	await mkdir(dirname(join(staging, file)), { recursive: true });
	await link(join(root, file), join(staging, file)).catch(() =>
		copyFile(join(root, file), join(staging, file)),
	);
}

// Paths Pagefind's glob takes literally: letters and digits of any script and ._%/- (no glob
// syntax: braces, brackets, *, ?, !, commas, escapes).
const GLOB_LITERAL = /^[\p{L}\p{M}\p{N}._%/-]+$/u;
// Pagefind reports a glob of 5,000 alternatives as unparsable; batches of 1,000 work.
const GLOB_BATCH = 1000;

/**
 * Indexes one part into its own Pagefind bundle. Pagefind reads and parses a folder's pages in
 * parallel and in a fixed order, so the same pages always give the same files (pages sent one
 * by one, concurrently, did not). The part's pages are picked from the output folder by globs
 * listing them, in batches: at 10,000 reports that took 18–19 s against 22–25 s for linking
 * them into a staging folder, most of it the kernel's. A part with a path a glob would misread
 * is indexed from such a staging folder of hard links under the same paths.
 */
async function indexShard(
	root: string,
	staging: string,
	shard: SearchShard,
	first: boolean,
): Promise<void> {
	const outputPath = join(root, SEARCH_FOLDER, shard.name);
	await rm(outputPath, { recursive: true, force: true });
	const literal = shard.pages.every((page) => GLOB_LITERAL.test(page.file));
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	const batches: { path: string; glob?: string }[] = [];
	if (literal) {
		for (let start = 0; start < shard.pages.length; start += GLOB_BATCH) {
			const files = shard.pages.slice(start, start + GLOB_BATCH).map((page) => page.file);
			batches.push({ path: root, glob: `{${files.join(',')}}` });
		}
	} else {
		await rm(staging, { recursive: true, force: true });
		for (const page of shard.pages) await stage(root, staging, page.file);
		batches.push({ path: staging });
	}
	let indexed = 0;
	for (const batch of batches) {
		const added = await index.addDirectory(batch);
		if (added.errors.length > 0)
			throw new Error(`Pagefind could not index ${shard.name}: ${added.errors.join('; ')}`);
		indexed += added.page_count;
	}
	if (indexed !== shard.pages.length)
		throw new Error(
			`Pagefind indexed ${indexed} of the ${shard.pages.length} pages of ${shard.name}`,
		);
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0)
		throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
	await index.deleteIndex();
	if (!literal) await rm(staging, { recursive: true, force: true });
	// The browser runs the engine of the first part and merges the others' data into it (merged
	// indexes do not load WebAssembly of their own): a new part publishes only its index files.
	const engine = first
		? []
		: [...ENGINE_FILES, ...(await readdir(outputPath)).filter(isEngineWasm)];
	for (const file of [...UNUSED_FILES, ...engine])
		await rm(join(outputPath, file), { force: true });
}

/** Where `astro build` leaves the list of report pages for the search step, in Astro's cache folder. */
const PAGE_LIST = 'wiredesk-search-pages.json';

/** What the search step needs to know of the build it follows. */
export interface SearchJob {
	/** The output folder. */
	root: string;
	/** Report pages, as paths under `root`. */
	files: string[];
	/** Astro's cache folder, where the index's record is kept. */
	cacheDir: string;
	sizes: ShardSizes;
}

/**
 * Builds the Pagefind search index over the report bodies (`data-pagefind-body`). The index is
 * split by publication order (src/lib/search-shards.ts) and a part whose pages did not change is
 * kept as it is, so a publish rewrites one small part instead of the whole index. The browser
 * merges the parts listed in /pagefind/shards.json. Returns a line for the build log.
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
			const folder = join(root, SEARCH_FOLDER, shard.name);
			const current =
				previous.shards[shard.name] === shard.fingerprint &&
				existsSync(join(folder, 'pagefind-entry.json')) &&
				(!first ||
					(ENGINE_FILES.every((file) => existsSync(join(folder, file))) &&
						readdirSync(folder).some(isEngineWasm)));
			if (!current) {
				await indexShard(root, staging, shard, first);
				rebuilt += shard.pages.length;
			}
			next.shards[shard.name] = shard.fingerprint;
		}
	} finally {
		await pagefind.close();
	}
	// Parts that no longer exist (merged into an archive part, or emptied) go.
	const names = new Set(shards.map((shard) => shard.name));
	await mkdir(join(root, SEARCH_FOLDER), { recursive: true });
	for (const entry of await readdir(join(root, SEARCH_FOLDER))) {
		if (!names.has(entry))
			await rm(join(root, SEARCH_FOLDER, entry), { recursive: true, force: true });
	}
	await writeFile(
		join(root, SEARCH_FOLDER, SHARD_LIST),
		`${JSON.stringify({ shards: [...names] })}\n`,
	);
	await mkdir(cacheDir, { recursive: true });
	await writeFile(recordFile, JSON.stringify(next));
	return `search index: ${files.length} reports in ${shards.length} part(s); ${rebuilt} re-indexed`;
}

/** The search step of the last `astro build` in a project, as that build listed it. */
export async function readSearchJob(projectRoot: string): Promise<SearchJob> {
	const file = join(projectRoot, 'node_modules/.astro', PAGE_LIST);
	if (!existsSync(file))
		throw new Error(
			`${file} is missing: run \`astro build\` first (\`npm run build\` runs both steps)`,
		);
	return JSON.parse(await readFile(file, 'utf8')) as SearchJob;
}

/**
 * Lists the report pages of the build for the search step (scripts/build-search.ts), which
 * `npm run build` runs after `astro build`. Indexing in a process of its own keeps Pagefind's
 * memory (about 600 MB for a 5,000-report part) from adding to what Astro still holds at the
 * end of a build: at 10,000 reports the two together peaked at 1.8 GB.
 */
export function searchIndex(options: {
	reportRoutes: readonly string[];
	sizes: ShardSizes;
}): AstroIntegration {
	let cacheDir = '';
	return {
		name: 'wiredesk-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:done': async ({ dir, assets }) => {
				const root = fileURLToPath(dir);
				// Once each: Astro can list a page twice when one process builds the same site again.
				const files = [
					...new Set(
						options.reportRoutes
							.flatMap((route) => assets.get(route) ?? [])
							.map((url) => pathInside(root, url)),
					),
				];
				const job: SearchJob = { root, files, cacheDir, sizes: options.sizes };
				await mkdir(cacheDir, { recursive: true });
				await writeFile(join(cacheDir, PAGE_LIST), JSON.stringify(job));
			},
		},
	};
}
