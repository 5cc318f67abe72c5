import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Every use wiredesk makes of Astro's internals, in one place. None of it is Astro's public
 * API, so each can stop holding in any release, even a patch release: `package.json` pins
 * astro to exactly this version, `patches/astro+<version>.patch` is written for it (and
 * `npm ci` fails when it does not apply), and {@link astroVersionGuard} stops any build on
 * another version. To move to a new Astro: port the patch, check each item below against the
 * new code, change {@link ASTRO_VERSION}, and run tests/astro-internals.test.ts (a test per
 * item, each failing when the item stops working, not only when it throws) and
 * tests/cli/patch-install.test.ts.
 *
 * 1. The content store module: {@link STORE_MODULE}, {@link readPartsFromDisk},
 *    {@link storeRewriteProblem} (used by content-store-reader.ts).
 * 2. The incremental build's record: {@link forgetRenderedPages} (used by stale-output.ts).
 * 3. The cache folder: {@link astroCacheDir} (the search step finds Astro's build there).
 * 4. The patch: a flat incremental cache whose copy of a page is a hard link to the page in
 *    dist/ ({@link cachedPageFile}), and a faster content store writer.
 * 5. The environment variables Astro writes into page code: {@link stablePageCode}.
 *
 * Because of 4, a page in dist/ and Astro's cached copy are one file: a write into the page
 * would change the copy Astro restores from. So nothing in the build writes into a file in
 * dist/ after Astro has written it. Astro's own rewrite of a page is followed by the patch
 * linking the cache to it again; every other step that writes into dist/ writes a new file
 * and renames it over the old one ({@link replaceFile}: dist/_headers,
 * dist/pagefind/shards.json) or removes a folder before writing it again (a Pagefind part);
 * the search step only reads pages (through hard links when it stages them).
 */
export const ASTRO_VERSION = '7.3.5';

/** The version of the astro package this module resolves, as its package.json states it. */
export function installedAstroVersion(): string {
	const require = createRequire(import.meta.url);
	return (require('astro/package.json') as { version: string }).version;
}

/** Why the installed Astro cannot run this build, or undefined when it is the expected one. */
export function astroVersionProblem(installed: string): string | undefined {
	if (installed === ASTRO_VERSION) return undefined;
	return (
		`wiredesk is written for Astro ${ASTRO_VERSION}, and this is Astro ${installed}. ` +
		`Its build relies on Astro's internals (src/integrations/astro-internals.ts) and ` +
		`patches/astro+${ASTRO_VERSION}.patch, which may not hold in another version. Run ` +
		`\`npm ci\` to install astro@${ASTRO_VERSION}, or port the patch and those internals to ` +
		`Astro ${installed} and change ASTRO_VERSION.`
	);
}

/** Stops every Astro command, first thing, on an Astro version this module was not written for. */
export function astroVersionGuard(installed = installedAstroVersion()): AstroIntegration {
	return {
		name: 'wiredesk-astro-version',
		hooks: {
			'astro:config:setup': () => {
				const problem = astroVersionProblem(installed);
				if (problem) throw new Error(problem);
			},
		},
	};
}

// 1. The content store. With `experimental.collectionStorage: 'chunked'` Astro writes the
// store as part files in `data-store/` of its cache folder, and its virtual module imports
// each part as a module of its own that holds the whole part as one string literal.

/** Astro's virtual module of the content store, as Vite names it once resolved. */
export const STORE_MODULE = /^\0astro:data-layer-content$/;
/** A module holding one part of the store: with the rewrite below, none is ever bundled. */
export const STORE_PART_MODULE = /^\0astro:data-layer-content-chunk:/;
const PART_IMPORT = /\(await import\("astro:data-layer-content-chunk:([a-f0-9]{16}\.txt)"\)\)/g;
const ANY_PART_IMPORT = 'astro:data-layer-content-chunk:';
const PART_FILE = /^[a-f0-9]{16}\.txt$/;

/** The folder of the store's part files in Astro's cache folder. */
export function storeFolder(cacheDir: URL): string {
	return fileURLToPath(new URL('data-store/', cacheDir));
}

/** How many part files the store has on disk now. */
export function storePartFiles(folder: string): number {
	return existsSync(folder) ? readdirSync(folder).filter((file) => PART_FILE.test(file)).length : 0;
}

/**
 * Rewrites the code of Astro's content store module so each part is read from `folder` when
 * the module runs, instead of imported as a module: `{ default: <the part's text> }` is the
 * shape Astro's store reader accepts for both. Throws if a part import is left over, which is
 * what a new Astro version that imports parts differently would cause.
 */
export function readPartsFromDisk(code: string, folder: string): { code: string; parts: number } {
	let parts = 0;
	const rewritten = code.replace(PART_IMPORT, (_, part: string) => {
		parts += 1;
		return `{default:readFileSync(${JSON.stringify(folder + part)},'utf8')}`;
	});
	if (rewritten.includes(ANY_PART_IMPORT)) {
		throw new Error(
			`Astro's content store module imports its parts in a way wiredesk does not know (src/integrations/astro-internals.ts): ${code.slice(0, 200)}`,
		);
	}
	return { code: parts > 0 ? `import{readFileSync}from'node:fs';${rewritten}` : code, parts };
}

/**
 * Why the build's content store was not read from disk, or undefined when it was: every part
 * read from its file and none bundled as a module. A renamed virtual module would leave the
 * rewrite unused without an error; this turns that into one.
 */
export function storeRewriteProblem(seen: {
	rewritten: number;
	bundled: number;
	partFiles: number;
}): string | undefined {
	if (seen.bundled === 0 && (seen.rewritten > 0 || seen.partFiles === 0)) return undefined;
	return (
		`Astro's content store was bundled instead of read from disk (${seen.rewritten} part ` +
		`import(s) rewritten, ${seen.bundled} part module(s) bundled, ${seen.partFiles} part ` +
		`file(s)): this Astro builds it in a way src/integrations/astro-internals.ts does not know.`
	);
}

// 2. The incremental build's record of the pages it rendered, their cache keys and code hashes.
const INCREMENTAL_RECORD = 'incremental-build.json';

/** Makes the next build render every page again, as if it were the first. */
export async function forgetRenderedPages(cacheDir: URL): Promise<void> {
	await rm(new URL(INCREMENTAL_RECORD, cacheDir), { force: true });
}

// 3. The cache folder.

/**
 * Astro's cache folder (the `cacheDir` option, left at its default). The search step runs
 * after `astro build` has exited and finds that build's list of pages here.
 */
export function astroCacheDir(projectRoot: string): string {
	return join(projectRoot, 'node_modules', '.astro');
}

/** Why the configured cache folder is not the one the search step looks in, or undefined. */
export function cacheDirProblem(config: { root: URL; cacheDir: URL }): string | undefined {
	const expected = astroCacheDir(fileURLToPath(config.root));
	const actual = resolve(fileURLToPath(config.cacheDir));
	if (actual === expected) return undefined;
	return `Astro's cacheDir is ${actual}: wiredesk's search step reads the build from ${expected}, Astro's default. Leave cacheDir unset.`;
}

// 4. The patch's incremental cache: one flat folder, each page's copy named by the SHA-256 of
// the page's output path (as Astro names it: URL-encoded, relative to dist/).

/** Where the patched incremental cache keeps its copy of the page at `file` (a path in dist/). */
export function cachedPageFile(cacheDir: string, file: string): string {
	const base = new URL('file:///dist/');
	const outputFile = new URL(file, base).href.slice(base.href.length);
	return join(cacheDir, 'dist', createHash('sha256').update(outputFile).digest('hex'));
}

/**
 * Writes a file in dist/ as a new file renamed over the old one: a page there may be a hard
 * link to Astro's cached copy (4 above), which writing in place would change too.
 */
export async function replaceFile(file: string, data: string | Uint8Array): Promise<void> {
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, file);
}

// 5. Environment variables in page code. Astro's import.meta.env plugin writes into a module
// that reads `import.meta.env` whole (its actions runtime, which every page imports) the value
// of each environment variable whose name occurs anywhere in that module's source. `_`, which
// a shell sets to the path of the command it starts, occurs in all code: `npm run build` and
// `npx astro build` gave every page another code hash, and the incremental build rendered all
// of them again (at 100,000 reports, 6.5 minutes instead of 45 s).

/** Variables that say how the build was started, not what it builds. */
export const VOLATILE_ENVIRONMENT = ['_'] as const;

/** Leaves the variables in {@link VOLATILE_ENVIRONMENT} out of the build, before Vite reads them. */
export function stablePageCode(): AstroIntegration {
	return {
		name: 'wiredesk-stable-page-code',
		hooks: {
			'astro:config:setup': () => {
				for (const name of VOLATILE_ENVIRONMENT) delete process.env[name];
			},
		},
	};
}
