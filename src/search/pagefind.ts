import { existsSync, readdirSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchIndexHref } from '../lib/urls.ts';
import type { SearchShard } from './shards.ts';

// Everything wiredesk knows of Pagefind: the files it writes, what each part of the index
// needs in the browser, how its globs read paths, and its Node API. A new Pagefind version is
// checked here (and by tests/search-index.test.ts and tests/browser/search-parts.test.ts).

/** The folder of the search index in the output: where the search page loads it from. */
export const SEARCH_FOLDER = searchIndexHref().replace(/^\/|\/$/g, '');
/** The list of the index's parts, in SEARCH_FOLDER, that the search page (src/scripts/search.ts) reads. */
export const SHARD_LIST = 'shards.json';
/** The file Pagefind writes last in a part: its languages and their page counts. */
const ENTRY_FILE = 'pagefind-entry.json';

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

/**
 * Whether a part's folder holds a whole part as {@link indexPart} leaves it: its entry file
 * and, for the first part, the engine.
 */
export function partIsWhole(folder: string, first: boolean): boolean {
	if (!existsSync(join(folder, ENTRY_FILE))) return false;
	if (!first) return true;
	return (
		ENGINE_FILES.every((file) => existsSync(join(folder, file))) &&
		readdirSync(folder).some(isEngineWasm)
	);
}

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
 * How Pagefind is to read a part's pages: globs listing them under the output folder, in
 * batches, or (when a path has characters a glob would misread) the whole staging folder.
 */
export function pageBatches(
	root: string,
	staging: string,
	files: readonly string[],
): { path: string; glob?: string }[] {
	if (!files.every((file) => GLOB_LITERAL.test(file))) return [{ path: staging }];
	const batches: { path: string; glob: string }[] = [];
	for (let start = 0; start < files.length; start += GLOB_BATCH)
		batches.push({ path: root, glob: `{${files.slice(start, start + GLOB_BATCH).join(',')}}` });
	return batches;
}

/**
 * Indexes one part into its own Pagefind bundle in `SEARCH_FOLDER/<part>/`, removed first so
 * every file in it is new. Pagefind reads and parses a folder's pages in parallel and in a
 * fixed order, so the same pages always give the same files (pages sent one by one,
 * concurrently, did not). The part's pages are picked from the output folder by globs
 * listing them, in batches: at 10,000 reports that took 18–19 s against 22–25 s for linking
 * them into a staging folder, most of it the kernel's. A part with a path a glob would misread
 * is indexed from such a staging folder of hard links under the same paths.
 */
export async function indexPart(
	root: string,
	staging: string,
	shard: SearchShard,
	first: boolean,
): Promise<void> {
	const outputPath = join(root, SEARCH_FOLDER, shard.name);
	await rm(outputPath, { recursive: true, force: true });
	const files = shard.pages.map((page) => page.file);
	const batches = pageBatches(root, staging, files);
	const staged = batches.some((batch) => batch.path === staging);
	if (staged) {
		await rm(staging, { recursive: true, force: true });
		for (const file of files) await stage(root, staging, file);
	}
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	let indexed = 0;
	for (const batch of batches) {
		const added = await index.addDirectory(batch);
		if (added.errors.length > 0)
			throw new Error(`Pagefind could not index ${shard.name}: ${added.errors.join('; ')}`);
		indexed += added.page_count;
	}
	if (indexed !== files.length)
		throw new Error(`Pagefind indexed ${indexed} of the ${files.length} pages of ${shard.name}`);
	const written = await index.writeFiles({ outputPath });
	if (written.errors.length > 0)
		throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
	await index.deleteIndex();
	if (staged) await rm(staging, { recursive: true, force: true });
	// The browser runs the engine of the first part and merges the others' data into it (merged
	// indexes do not load WebAssembly of their own): a new part publishes only its index files.
	const engine = first
		? []
		: [...ENGINE_FILES, ...(await readdir(outputPath)).filter(isEngineWasm)];
	for (const file of [...UNUSED_FILES, ...engine])
		await rm(join(outputPath, file), { force: true });
}

/** Stops Pagefind's indexing service; the step calls it once, after the last part. */
export function closePagefind(): Promise<null> {
	return pagefind.close();
}
