import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readPartsFromDisk } from '../lib/content-store-parts.ts';

const STORE_MODULE = /^\0astro:data-layer-content$/;

/**
 * Lets the pages read Astro's content store from disk while they prerender, instead of through
 * the server bundle. Astro turns each store part (up to 20 MiB of rendered reports) into a
 * module holding it as one string literal, which Vite then parses, bundles, writes and imports
 * again: at 10,000 reports that was 3 of the 3.5 seconds of bundling in every build and about
 * 400 MB of memory. A static build prerenders in the process and on the machine that wrote the
 * store, so the part files are there to read. The incremental build still leaves the store out
 * of the pages' code hash: Astro marks the module rewritten here as content data.
 */
export function contentStoreReader(): AstroIntegration {
	let parts = 0;
	return {
		name: 'wiredesk-content-store-reader',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				if (command !== 'build' || config.experimental.collectionStorage !== 'chunked') return;
				const storeFolder = fileURLToPath(new URL('data-store/', config.cacheDir));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'wiredesk-content-store-reader',
								transform: {
									filter: { id: STORE_MODULE },
									handler(code) {
										const read = readPartsFromDisk(code, storeFolder);
										parts += read.parts;
										return { code: read.code, map: { mappings: '' } };
									},
								},
							},
						],
					},
				});
			},
			'astro:build:done': ({ logger }) => {
				logger.debug(`${parts} content store part import(s) read from disk instead`);
			},
		},
	};
}
