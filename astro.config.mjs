// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { reportBodyFeatures, reportBodyPlugin } from './src/lib/report-body.ts';
import { site } from './src/site.config.ts';

// Reports render with Sätteri (Astro's native Markdown processor, ~10× faster than unified here)
// and a hast plugin that sanitises every body with hast-util-sanitize, rehype-sanitize's engine.
export default defineConfig({
	site: site.url,
	trailingSlash: 'always',
	// Stylesheets as files: cached once by the CDN instead of repeated in every page.
	build: { format: 'directory', inlineStylesheets: 'never' },
	markdown: {
		processor: satteri({
			features: reportBodyFeatures,
			hastPlugins: [reportBodyPlugin({ siteUrl: site.url })],
		}),
	},
});
