import type { AstroIntegration } from 'astro';
import {
	readPartsFromDisk,
	STORE_MODULE,
	STORE_PART_MODULE,
	storeFolder,
	storePartFiles,
	storeRewriteProblem,
} from './astro-internals.ts';

/**
 * Lets the pages read Astro's content store from disk while they prerender, instead of through
 * the server bundle. Astro turns each store part (up to 20 MiB of rendered reports) into a
 * module holding it as one string literal, which Vite then parses, bundles, writes and imports
 * again: at 10,000 reports that was 3 of the 3.5 seconds of bundling in every build and about
 * 400 MB of memory. A static build prerenders in the process and on the machine that wrote the
 * store, so the part files are there to read. The incremental build still leaves the store out
 * of the pages' code hash: Astro marks the module rewritten here as content data.
 *
 * The rewrite leans on Astro's internals (src/integrations/astro-internals.ts); if they change
 * it would quietly do nothing, so the build stops when a part was bundled or none was read.
 */
export function contentStoreReader(): AstroIntegration {
	let rewritten = 0;
	let bundled = 0;
	let folder = '';
	return {
		name: 'wiredesk-content-store-reader',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				if (command !== 'build' || config.experimental.collectionStorage !== 'chunked') return;
				folder = storeFolder(config.cacheDir);
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'wiredesk-content-store-reader',
								transform: {
									filter: { id: STORE_MODULE },
									handler(code) {
										const read = readPartsFromDisk(code, folder);
										rewritten += read.parts;
										return { code: read.code, map: { mappings: '' } };
									},
								},
							},
							{
								name: 'wiredesk-content-store-reader-check',
								transform: {
									filter: { id: STORE_PART_MODULE },
									handler() {
										bundled += 1;
										return null;
									},
								},
							},
						],
					},
				});
			},
			'astro:build:done': ({ logger }) => {
				if (!folder) return;
				const problem = storeRewriteProblem({
					rewritten,
					bundled,
					partFiles: storePartFiles(folder),
				});
				if (problem) throw new Error(problem);
				logger.debug(`${rewritten} content store part import(s) read from disk instead`);
			},
		},
	};
}
