import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { checksumManifest } from '../scripts/lib/manifest.ts';

// Report pages as the build writes them, under paths of every kind the index must handle:
// plain, another script (indexed through Pagefind's glob), and one with glob syntax in it
// (indexed from a staging folder instead).
const PAGES: [file: string, lang: string, published: string, words: string][] = [
	['wire/harbour-pilots/index.html', 'en-GB', '2026-01-01T08:00:00Z', 'harbour pilots rota'],
	['wire/بندر-عباس/index.html', 'fa', '2026-01-02T08:00:00Z', 'بندر عباس کشتی'],
	['wire/grain-exports/index.html', 'en-GB', '2026-01-03T08:00:00Z', 'grain exports quota'],
	['wire/a,b{c}/index.html', 'en-GB', '2026-01-04T08:00:00Z', 'braces commas oddity'],
];

function page(lang: string, published: string, words: string): string {
	return `<!doctype html><html lang="${lang}"><head><title>${words}</title><meta property="article:published_time" content="${published}"></head><body><article data-pagefind-body><h1>${words}</h1><p>${words}</p></article></body></html>`;
}

let root: string;
let dist: string;

async function indexAll(): Promise<Map<string, string>> {
	await buildSearchIndex({
		root: dist,
		files: PAGES.map(([file]) => file),
		cacheDir: join(root, 'cache'),
		sizes: { archiveShardSize: 2, recentShardSize: 2 },
	});
	return checksumManifest(join(dist, 'pagefind'));
}

let first: Map<string, string>;
let second: Map<string, string>;

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'wiredesk-search-index-'));
	dist = join(root, 'dist');
	for (const [file, lang, published, words] of PAGES) {
		await mkdir(dirname(join(dist, file)), { recursive: true });
		await writeFile(join(dist, file), page(lang, published, words));
	}
	first = await indexAll();
	await rm(join(root, 'cache'), { recursive: true });
	await rm(join(dist, 'pagefind'), { recursive: true });
	second = await indexAll();
}, 60_000);

afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

async function pageCount(part: string): Promise<number> {
	const entry = JSON.parse(
		await readFile(join(dist, 'pagefind', part, 'pagefind-entry.json'), 'utf8'),
	) as { languages: Record<string, { page_count: number }> };
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

test('every report page is indexed, whatever its path, in parts by publication order', async () => {
	const { shards } = JSON.parse(await readFile(join(dist, 'pagefind/shards.json'), 'utf8')) as {
		shards: string[];
	};
	expect(shards).toEqual(['a0000000', 'a0000002']);
	// The oldest two, the Persian one among them, read through Pagefind's glob.
	expect(await pageCount('a0000000')).toBe(2);
	expect([...first.keys()].some((file) => file.startsWith('a0000000/pagefind.fa_'))).toBe(true);
	// The newest two, one with braces and a comma in its path, read from a staging folder.
	expect(await pageCount('a0000002')).toBe(2);
	await expect(
		readFile(join(root, 'cache/wiredesk-search-staging/wire/a,b{c}/index.html')),
	).rejects.toThrow();
});

test('the same pages give the same index files', () => {
	expect(first.size).toBeGreaterThan(8);
	expect([...second]).toEqual([...first]);
});
