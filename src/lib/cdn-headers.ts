import type { SiteConfig } from './site-config.ts';
import {
	feedHref,
	feedStylesheetHref,
	homeHref,
	newsSitemapHref,
	recentJsonHref,
	searchHref,
	searchIndexHref,
	sectionHref,
	sourcesHref,
	tagsHref,
} from './urls.ts';

/** One block of a `_headers` file: a path pattern and the headers for paths it matches. */
export interface HeaderRule {
	/** A path; `*` matches any characters (Netlify and Cloudflare Pages syntax). */
	pattern: string;
	headers: [string, string][];
}

/** Hashed files: their names change when their content does, so they may be cached for ever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, feeds and data: fresh within minutes, served stale while the CDN revalidates. */
const SHORT = 'public, max-age=300, stale-while-revalidate=86400';
/** The Recent posts data changes with every publish; readers should see it within a minute. */
const RECENT = 'public, max-age=60, stale-while-revalidate=600';

/**
 * The Content-Security-Policy of the site: scripts only from the site itself (no inline
 * script), plus WebAssembly for the search index; images from the site or https.
 */
export const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' https: data:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
].join('; ');

/**
 * The CDN rules of the site. Cache rules never overlap (a CDN that matches two rules joins
 * their values), so HTML is addressed by its top-level folders, taken from the site config.
 */
export function headerRules(site: SiteConfig): HeaderRule[] {
	const cache = (pattern: string, value: string): HeaderRule => ({
		pattern,
		headers: [['Cache-Control', value]],
	});
	return [
		{
			pattern: '/*',
			headers: [
				['Content-Security-Policy', CONTENT_SECURITY_POLICY],
				['X-Content-Type-Options', 'nosniff'],
				['Referrer-Policy', 'strict-origin-when-cross-origin'],
				['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
			],
		},
		cache('/_astro/*', IMMUTABLE),
		cache(`${searchIndexHref()}*`, SHORT),
		cache(recentJsonHref(), RECENT),
		cache(homeHref(), SHORT),
		...[
			...site.sections.map((section) => sectionHref(section.slug)),
			sourcesHref(),
			tagsHref(),
			searchHref(),
		].map((folder) => cache(`${folder}*`, SHORT)),
		// Addresses the site builds come from urls.ts; the rest are patterns or files of public/.
		...[
			'/404.html',
			feedHref(homeHref()),
			feedStylesheetHref(),
			'/rss.css',
			'/robots.txt',
			newsSitemapHref(),
			'/sitemap-*',
			'/favicon.*',
		].map((path) => cache(path, SHORT)),
	];
}

/**
 * The rules as a `_headers` file.
 * @example headersFile([{ pattern: '/_astro/*', headers: [['Cache-Control', 'immutable']] }]) // => '/_astro/*\n  Cache-Control: immutable\n'
 */
export function headersFile(rules: readonly HeaderRule[]): string {
	return rules
		.map(
			(rule) =>
				`${rule.pattern}\n${rule.headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`,
		)
		.join('\n');
}

/**
 * Whether a rule's pattern matches a path, as Netlify and Cloudflare Pages match them.
 * @example patternMatches('/_astro/*', '/_astro/a.js') // => true
 */
export function patternMatches(pattern: string, path: string): boolean {
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
	);
	return regex.test(path);
}
