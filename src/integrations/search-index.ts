import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index as the last step of every build, over the report bodies
 * (`data-pagefind-body`) in the output folder, so `npm run build` alone gives working search.
 */
export function searchIndex(sections: readonly string[]): AstroIntegration {
	return {
		name: 'wiredesk-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const { index, errors } = await pagefind.createIndex({});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				// Only report pages have a body to index; skipping the lists saves reading their HTML.
				const added = await index.addDirectory({ path: outDir, glob: `{${sections.join(',')}}/*/index.html` });
				if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
				const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
				if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
				await pagefind.close();
				logger.info(`search index: ${added.page_count} reports`);
			},
		},
	};
}
