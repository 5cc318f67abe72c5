import type { SiteConfig } from './site-config.ts';
import {
	deskHref,
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
 * The web desk's policy: Decap CMS styles itself with inline styles, compiles its config
 * validator with eval, shows images from the git host and talks to the host's API (and, on a
 * developer's machine, to the local proxy of `npm run desk`).
 */
export function deskContentSecurityPolicy(connectOrigins: readonly string[]): string {
	return [
		"default-src 'self'",
		"script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' https: data: blob:",
		"font-src 'self'",
		`connect-src 'self' blob: ${connectOrigins.join(' ')}`,
		"frame-src 'self' blob:",
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');
}

/** What the CDN rules need to know besides the site config. */
export interface HeaderRuleInput {
	/**
	 * The top-level entries of the output: names, with a slash at the end for folders
	 * ("wire/", "rss.xml"). Each gets the site's Content-Security-Policy in a rule of its own.
	 */
	topLevel: readonly string[];
	/** The desk's Content-Security-Policy, given to the desk's folder alone. */
	deskPolicy: string;
}

/**
 * The CDN rules of the site. Rules never give one path the same header twice (a CDN that
 * matches two rules joins their values, and two policies are both enforced), so HTML is
 * addressed by its top-level folders, and the desk's folder is left out of the site's policy.
 */
export function headerRules(
	site: SiteConfig,
	{ topLevel, deskPolicy }: HeaderRuleInput,
): HeaderRule[] {
	const cache = (pattern: string, value: string): HeaderRule => ({
		pattern,
		headers: [['Cache-Control', value]],
	});
	const desk = deskHref();
	const policy = (pattern: string): HeaderRule => ({
		pattern,
		headers: [['Content-Security-Policy', CONTENT_SECURITY_POLICY]],
	});
	const entries = [...new Set(topLevel)]
		// The CDN's own files are not served; _astro/ is (an SVG opened there is a document).
		.filter((entry) => `/${entry}` !== desk && entry !== '_headers' && entry !== '_redirects')
		.sort();
	return [
		{
			pattern: '/*',
			headers: [
				['X-Content-Type-Options', 'nosniff'],
				['Referrer-Policy', 'strict-origin-when-cross-origin'],
				['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
			],
		},
		policy(homeHref()),
		...entries.map((entry) => policy(`/${entry}${entry.endsWith('/') ? '*' : ''}`)),
		{
			pattern: `${desk}*`,
			headers: [
				['Content-Security-Policy', deskPolicy],
				['X-Robots-Tag', 'noindex, nofollow'],
				['Cache-Control', SHORT],
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
