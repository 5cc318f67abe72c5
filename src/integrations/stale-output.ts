import { mkdir, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mayBeStale, staleOutputFiles } from '../lib/stale-output.ts';
import { forgetRenderedPages } from './astro-internals.ts';
import { listFiles, pathInside } from './output-files.ts';

/** Present in Astro's cache folder while a build runs. */
const UNFINISHED = 'wiredesk-build-unfinished';

/** Removes the folders a deletion left empty, up to (not including) the output folder. */
async function removeEmptyParents(root: string, file: string): Promise<void> {
	for (
		let folder = dirname(join(root, file));
		folder.length > root.length && folder.startsWith(root);
		folder = dirname(folder)
	) {
		if ((await readdir(folder)).length > 0) return;
		await rmdir(folder);
	}
}

/**
 * Keeps the output folder between builds (Vite would empty it), so the pages Astro's
 * incremental build skips stay where they are instead of being copied back one by one, and
 * then deletes whatever this build did not produce. The result is the same set of files, byte
 * for byte, as a build into an empty folder.
 */
export function staleOutput(options: { ownedElsewhere: readonly string[] }): AstroIntegration {
	let startedAt = 0;
	let cacheDir: URL | undefined;
	let unfinished: URL | undefined;
	return {
		name: 'wiredesk-stale-output',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				cacheDir = config.cacheDir;
				unfinished = new URL(UNFINISHED, config.cacheDir);
			},
			'astro:build:start': async ({ logger }) => {
				// Whole seconds: some file systems store file times no finer than that.
				startedAt = Math.floor(Date.now() / 1000) * 1000;
				if (!unfinished || !cacheDir) return;
				// A build that stopped half-way may have rewritten pages that Astro's record still
				// lists as they were: if the content went back, Astro would keep the newer page.
				if (existsSync(unfinished)) {
					logger.warn('the last build did not finish: every page is rendered again');
					await forgetRenderedPages(cacheDir);
				}
				await mkdir(new URL('./', unfinished), { recursive: true });
				await writeFile(unfinished, new Date(startedAt).toISOString());
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				const root = fileURLToPath(dir);
				const kept = new Set([...assets.values()].flat().map((url) => pathInside(root, url)));
				const record = { startedAt, kept, ownedElsewhere: options.ownedElsewhere };
				// Only files this build did not vouch for need their time read.
				const unknown = (await listFiles(root)).filter((path) => mayBeStale(path, record));
				const files = await Promise.all(
					unknown.map(async (path) => ({ path, modified: (await stat(join(root, path))).mtimeMs })),
				);
				const stale = staleOutputFiles(files, record);
				await Promise.all(stale.map((file) => rm(join(root, file))));
				for (const file of stale) await removeEmptyParents(root, file);
				if (stale.length > 0)
					logger.info(
						`removed ${stale.length} file(s) an earlier build left in ${relative(process.cwd(), root) || '.'}`,
					);
				if (unfinished) await rm(unfinished, { force: true });
			},
		},
	};
}
