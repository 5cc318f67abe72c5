import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	ASTRO_VERSION,
	astroCacheDir,
	cachedPageFile,
	forgetRenderedPages,
	storeFolder,
	storePartFiles,
} from '../src/integrations/astro-internals.ts';
import { readSearchJob } from '../src/search/job.ts';
import { run } from './helpers/cli.ts';
import {
	buildSite,
	createFixtureSite,
	listFiles,
	projectRoot,
	type FixtureSite,
} from './helpers/site.ts';

// One small site built three times: as a first build, again with nothing changed, and again
// after its record of rendered pages was forgotten. Each test checks that one of Astro's
// internals wiredesk relies on (src/integrations/astro-internals.ts) still works.

let site: FixtureSite;
let cacheDir: string;
/** What the build's bundle showed of the content store. */
const bundle = { partModules: [] as string[], chunksReadingStore: 0 };
type Stamp = { inode: number; modified: number };
let reportPages: string[];
let firstBuild: Map<string, Stamp>;
let unchangedBuild: Map<string, Stamp>;
let forgottenBuild: Map<string, Stamp>;
/** Hard links made before the second build to the files there, by their path in dist/. */
const linkedBefore = new Map<string, string>();

async function stamps(files: readonly string[]): Promise<Map<string, Stamp>> {
	const result = new Map<string, Stamp>();
	for (const file of files) {
		const { ino, mtimeMs } = await stat(join(site.dist, file));
		result.set(file, { inode: ino, modified: mtimeMs });
	}
	return result;
}

/** A Vite plugin (typed through Astro: Vite is Astro's dependency, not ours). */
type VitePlugin = Extract<
	NonNullable<NonNullable<AstroInlineConfig['vite']>['plugins']>[number],
	{ name: string }
>;

/** A Vite plugin that notes which modules and code the build's chunks hold. */
function bundleWatcher(folder: string): VitePlugin {
	return {
		name: 'test-bundle-watcher',
		generateBundle(_, output) {
			for (const chunk of Object.values(output)) {
				if (chunk.type !== 'chunk') continue;
				bundle.partModules.push(
					...chunk.moduleIds.filter((id) => id.includes('astro:data-layer-content-chunk:')),
				);
				if (chunk.code.includes(JSON.stringify(folder).slice(1, -1)))
					bundle.chunksReadingStore += 1;
			}
		},
	};
}

beforeAll(async () => {
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse('2026-11-04T12:00:00Z') / 1000);
	site = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	cacheDir = astroCacheDir(site.root);
	await buildSite(site, { plugins: [bundleWatcher(storeFolder(pathToFileURL(`${cacheDir}/`)))] });
	reportPages = (await listFiles(site.dist)).filter((file) =>
		/^wire\/[^/]+\/index\.html$/.test(file),
	);
	firstBuild = await stamps(reportPages);
	// Files the build's own steps write into dist/, each replaced by a file of ours that is
	// also linked from outside: a step that wrote into the file would change the outside copy.
	for (const file of ['_headers', 'pagefind/shards.json']) {
		const outside = join(site.root, `outside-${file.replace('/', '-')}`);
		await rm(join(site.dist, file));
		await writeFile(join(site.dist, file), 'left by an earlier build\n');
		await link(join(site.dist, file), outside);
		linkedBefore.set(file, outside);
	}
	await buildSite(site);
	unchangedBuild = await stamps(reportPages);
	await forgetRenderedPages(pathToFileURL(`${cacheDir}/`));
	await buildSite(site);
	forgottenBuild = await stamps(reportPages);
	delete process.env['SOURCE_DATE_EPOCH'];
});

afterAll(async () => {
	await site?.remove();
});

describe("Astro's internals, as wiredesk uses them", () => {
	test('the cache folder the search step reads is the one Astro writes to', async () => {
		expect((await readSearchJob(site.root)).cacheDir).toBe(`${cacheDir}/`);
		// Astro's own files: its record of rendered pages and its content store's parts.
		expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(true);
		expect(storePartFiles(storeFolder(pathToFileURL(`${cacheDir}/`)))).toBeGreaterThan(0);
	});

	test("the pages read the content store's parts from disk: no part is bundled as a module", () => {
		expect(bundle.partModules).toEqual([]);
		expect(bundle.chunksReadingStore).toBeGreaterThan(0);
	});

	test('the patched cache keeps each page as a hard link to the page in dist/, in one flat folder', async () => {
		expect(reportPages.length).toBe(5);
		for (const file of reportPages) {
			const [page, cached] = await Promise.all([
				stat(join(site.dist, file)),
				stat(cachedPageFile(cacheDir, file)),
			]);
			expect(cached.ino, file).toBe(page.ino);
		}
		const entries = await readdir(join(cacheDir, 'dist'), { withFileTypes: true });
		expect(entries.filter((entry) => !entry.isFile())).toEqual([]);
	});

	test('a build with nothing changed leaves every report page as it was', () => {
		expect(reportPages.length).toBeGreaterThan(0);
		expect([...unchangedBuild]).toEqual([...firstBuild]);
	});

	test('forgetting the rendered pages makes the next build render every page again', () => {
		for (const file of reportPages)
			expect(forgottenBuild.get(file)?.modified, file).toBeGreaterThan(
				unchangedBuild.get(file)?.modified ?? Infinity,
			);
	});

	test('the build writes its own files in dist/ as new files, never into the old ones', async () => {
		for (const [file, outside] of linkedBefore) {
			expect(await readFile(outside, 'utf8'), file).toBe('left by an earlier build\n');
			expect(await readFile(join(site.dist, file), 'utf8'), file).not.toBe(
				'left by an earlier build\n',
			);
		}
	});
});

describe('a build started another way', () => {
	test("renders no page again: the shell's path of the command is not in any page's code", async () => {
		const other = await createFixtureSite({
			contentDir: join(projectRoot, 'tests/fixtures/basic'),
		});
		try {
			// As `astro build` is started from a shell: by npm in CI, by npx on an editor's laptop.
			// The environment is a shell's, not this test runner's (which sets MODE, DEV and SSR).
			const astro = (startedBy: string) =>
				run(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
					cwd: other.root,
					cleanEnv: true,
					env: {
						PATH: process.env['PATH'],
						HOME: process.env['HOME'],
						_: startedBy,
						SOURCE_DATE_EPOCH: '1793793600',
						ASTRO_TELEMETRY_DISABLED: '1',
					},
				});
			expect((await astro('/usr/bin/npm')).code).toBe(0);
			// Report pages, which the incremental build skips when nothing they show changed.
			const pages = (await listFiles(other.dist)).filter((file) =>
				/^wire\/[^/]+\/index\.html$/.test(file),
			);
			const before = await Promise.all(pages.map((file) => stat(join(other.dist, file))));
			const second = await astro('/usr/local/bin/npx');
			expect(second.code, second.stderr).toBe(0);
			const after = await Promise.all(pages.map((file) => stat(join(other.dist, file))));
			expect(pages.length).toBe(5);
			expect(pages.filter((_, index) => after[index]?.mtimeMs !== before[index]?.mtimeMs)).toEqual(
				[],
			);
		} finally {
			await other.remove();
		}
	});
});

describe('another version of Astro', () => {
	let other: FixtureSite | undefined;

	afterAll(async () => {
		await other?.remove();
	});

	test('stops the build before it starts, naming the version expected', async () => {
		other = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
		// The site's astro: the same files, but its package.json says 7.3.6.
		const real = join(projectRoot, 'node_modules/astro');
		const astro = join(other.root, 'node_modules/astro');
		await rm(astro);
		await mkdir(astro);
		for (const entry of await readdir(real))
			if (entry !== 'package.json') await symlink(join(real, entry), join(astro, entry));
		const manifest = JSON.parse(await readFile(join(real, 'package.json'), 'utf8')) as object;
		await writeFile(join(astro, 'package.json'), JSON.stringify({ ...manifest, version: '7.3.6' }));
		await expect(buildSite(other)).rejects.toThrow(
			`wiredesk is written for Astro ${ASTRO_VERSION}, and this is Astro 7.3.6`,
		);
		expect(existsSync(other.dist)).toBe(false);
	});
});
