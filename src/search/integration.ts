import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDirProblem } from '../integrations/astro-internals.ts';
import { pathInside } from '../integrations/output-files.ts';
import { writeSearchJob } from './job.ts';
import { SEARCH_FOLDER } from './pagefind.ts';
import type { ShardSizes } from './shards.ts';

/** The search step, as `npm run build` runs it after `astro build`. */
const SEARCH_STEP = 'scripts/build-search.ts';

/**
 * Whether the command that runs this `astro build` runs the search step next: npm gives a
 * script's command line to the processes it starts, and `npm run build` is
 * `astro build && node scripts/build-search.ts`.
 */
export function searchStepFollows(env: NodeJS.ProcessEnv): boolean {
	return env['npm_lifecycle_script']?.includes(SEARCH_STEP) ?? false;
}

/**
 * Lists the report pages of the build for the search step (scripts/build-search.ts), which
 * `npm run build` runs after `astro build` has exited. Indexing in a process of its own keeps
 * Pagefind's memory (about 600 MB for a 5,000-report part) from adding to what Astro still
 * holds at the end of a build: at 10,000 reports the two together peaked at 1.8 GB. So
 * `astro build` on its own does not index, and says so last thing.
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
				const problem = cacheDirProblem(config);
				if (problem) throw new Error(problem);
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				const root = fileURLToPath(dir);
				// Once each: Astro can list a page twice when one process builds the same site again.
				const files = [
					...new Set(
						options.reportRoutes
							.flatMap((route) => assets.get(route) ?? [])
							.map((url) => pathInside(root, url)),
					),
				];
				await writeSearchJob({ root, files, cacheDir, sizes: options.sizes });
				if (!searchStepFollows(process.env))
					logger.warn(
						`the search index was not built: dist/${SEARCH_FOLDER}/ is still the last one ` +
							`(or missing). Run \`node ${SEARCH_STEP}\` now, or build with \`npm run build\`, ` +
							`which runs both steps.`,
					);
			},
		},
	};
}
