// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { astroVersionGuard, stablePageCode } from './src/integrations/astro-internals.ts';
import { cdnHeaders } from './src/integrations/cdn-headers.ts';
import { deskFiles } from './src/integrations/desk-files.ts';
import { contentStoreReader } from './src/integrations/content-store-reader.ts';
import { staleOutput } from './src/integrations/stale-output.ts';
import { reportBodyFeatures, reportBodyPlugin } from './src/lib/report-body.ts';
import { searchIndex } from './src/search/integration.ts';
import { SEARCH_FOLDER } from './src/search/pagefind.ts';
import { site } from './src/site.config.ts';

// Reports render with Sätteri (Astro's native Markdown processor, ~10× faster than unified here)
// and a hast plugin that sanitises every body with hast-util-sanitize, rehype-sanitize's engine.
export default defineConfig({
	site: site.url,
	trailingSlash: 'always',
	// Stylesheets as files: cached once by the CDN instead of repeated in every page.
	build: { format: 'directory', inlineStylesheets: 'never' },
	integrations: [
		// First: the build relies on Astro's internals, written for one version of Astro.
		astroVersionGuard(),
		// Page code the same however the build was started (npm run build, npx astro build).
		stablePageCode(),
		cdnHeaders(site, { ownedElsewhere: [SEARCH_FOLDER] }),
		contentStoreReader(),
		deskFiles(),
		// Live report pages only: a withdrawn or expired report's notice is another route.
		searchIndex({ reportRoutes: ['/[section]/[slug]'], sizes: site.search }),
		// Last: it removes what an earlier build left and this one did not write.
		staleOutput({ ownedElsewhere: [SEARCH_FOLDER] }),
	],
	experimental: {
		// Pages whose cacheKey (src/data/cache-keys.ts) and code are unchanged are restored from
		// the previous build instead of rendered again.
		incrementalBuild: true,
		// The content store as files of at most 20 MiB: as one file, 100,000 reports exceed the
		// longest string V8 can hold and the build fails.
		collectionStorage: 'chunked',
	},
	// Never inline a script into a page: the Content-Security-Policy allows scripts from files only.
	vite: { build: { assetsInlineLimit: 0 } },
	markdown: {
		processor: satteri({
			features: reportBodyFeatures,
			hastPlugins: [reportBodyPlugin({ siteUrl: site.url })],
		}),
	},
});
