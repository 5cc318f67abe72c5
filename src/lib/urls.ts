import { slug as githubSlug } from 'github-slugger';

/**
 * Every URL of the site is built here, always with a trailing slash for pages, so a plain
 * static server never needs to redirect.
 *
 * One slug rule per kind of slug:
 * - An address from what an editor wrote, a tag or a report's file and folder names, is made
 *   by github-slugger, the rule Astro's glob loader applies to file names: lower case, spaces
 *   to hyphens, punctuation dropped, letters of every script kept ("اقتصاد" stays as it is).
 *   {@link tagSlug} and {@link reportIdFromPath} (hence {@link reportAddress}).
 * - A new report's file name made from its headline (report:new, feed:ingest) is made by
 *   @sindresorhus/slugify, which transliterates ("Zürich" → "zuerich") so the name is plain
 *   ASCII: `headlineSlug` in new-report.ts. What it makes is left unchanged by github-slugger,
 *   so the file name is the report's address.
 * - Agency and section slugs are written by hand and only checked (sources.ts, site-config.ts).
 */

/**
 * The address segment of a tag: github-slugger's slug of the tag as written.
 * @example tagSlug('Middle East & Africa') // => 'middle-east--africa'
 */
export function tagSlug(tag: string): string {
	return githubSlug(tag.trim());
}

/**
 * The slug of a report from its collection id (the file path under content/, without extension).
 * @example reportSlug('wire/2026/11/ferry-strike-ends') // => 'ferry-strike-ends'
 */
export function reportSlug(id: string): string {
	return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * The collection id Astro's glob loader gives a file under content/: each folder and the file
 * name slugified, without ".md" (mirrors Astro, so the editor tools see the build's addresses).
 * @example reportIdFromPath('wire/2026/Ferry Strike.md') // => 'wire/2026/ferry-strike'
 */
export function reportIdFromPath(path: string): string {
	return path
		.replace(/\.md$/, '')
		.split('/')
		.map((segment) => githubSlug(segment))
		.join('/')
		.replace(/\/index$/, '');
}

/** Where a report file is published. */
export interface ReportAddress {
	section: string;
	slug: string;
	/** Site-relative address of the report page. */
	href: string;
}

/**
 * Where a report file (a path under the project, "content/…") is published: its section's
 * folder and the slug of its file name, as the build derives them. The one rule for the build,
 * the content check and the editor tools, so none of them can disagree on a collision.
 * @example reportAddress('content/wire/2026/11/Ferry Strike.md', 'wire').href // => '/wire/ferry-strike/'
 */
export function reportAddress(path: string, section: string): ReportAddress {
	const slug = reportSlug(reportIdFromPath(path.replace(/^content\//, '')));
	return { section, slug, href: reportHref(section, slug) };
}

/**
 * A path of this site as an editor may write an earlier address: from the site root, with a
 * trailing slash added when the last segment has no file extension; undefined for anything
 * else (another host, a scheme, a relative path, "..", a query or a fragment).
 * @example sitePath('/wire/old-headline') // => '/wire/old-headline/'
 */
export function sitePath(value: string): string | undefined {
	const path = value.trim();
	// "*" and ":name" are patterns to the CDNs that read _redirects.
	if (!/^\/(?!\/)/.test(path) || /[?#*\s\\]/.test(path)) return undefined;
	if (
		path
			.split('/')
			.some((segment) => segment === '..' || segment === '.' || segment.startsWith(':'))
	)
		return undefined;
	// ".../index.html" is the file of the page ".../": one address, written one way.
	if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length);
	const last = path.slice(path.lastIndexOf('/') + 1);
	return last === '' || /\.[a-z0-9]+$/i.test(last) ? path : `${path}/`;
}

/**
 * Whether a site path is one the site builds for itself besides report pages (the front page,
 * section and list pages, agencies, tags, search, feeds, sitemaps, the index and assets), so no
 * earlier address of a report may take it.
 * @example isSiteOwnPath('/tags/energy/', ['wire']) // => true
 */
export function isSiteOwnPath(path: string, sections: readonly string[]): boolean {
	const [first = '', second = ''] = path.split('/').slice(1);
	if (path === homeHref() || /^(?:sources|tags|search|pagefind|_astro)$/.test(first)) return true;
	if (sections.includes(first) && (second === '' || second === 'page' || second === 'rss.xml'))
		return true;
	return /^\/(?:rss\.(?:xml|xsl|css)|robots\.txt|404\.html|recent\.json|news-sitemap\.xml|sitemap-[^/]*\.xml|favicon\.[^/]+|_headers|_redirects)$/.test(
		path,
	);
}

/** @example homeHref() // => '/' */
export function homeHref(): string {
	return '/';
}

/** @example sectionHref('wire') // => '/wire/' */
export function sectionHref(section: string): string {
	return `/${section}/`;
}

/** @example reportHref('wire', 'ferry-strike-ends') // => '/wire/ferry-strike-ends/' */
export function reportHref(section: string, slug: string): string {
	return `/${section}/${slug}/`;
}

/** @example sourcesHref() // => '/sources/' */
export function sourcesHref(): string {
	return '/sources/';
}

/** @example sourceHref('meridian-press') // => '/sources/meridian-press/' */
export function sourceHref(source: string): string {
	return `/sources/${source}/`;
}

/** @example tagsHref() // => '/tags/' */
export function tagsHref(): string {
	return '/tags/';
}

/** @example tagHref('energy') // => '/tags/energy/' */
export function tagHref(tag: string): string {
	return `/tags/${tag}/`;
}

/**
 * An archive page of a list, numbered from the oldest report.
 * @example archivePageHref('/wire/', 3) // => '/wire/page/3/'
 */
export function archivePageHref(listHref: string, page: number): string {
	return `${listHref}page/${page}/`;
}

/**
 * The RSS feed beside a page.
 * @example feedHref('/tags/energy/') // => '/tags/energy/rss.xml'
 */
export function feedHref(pageHref: string): string {
	return `${pageHref}rss.xml`;
}

/**
 * One of the reports sitemaps, numbered from the oldest reports.
 * @example reportsSitemapHref(2) // => '/sitemap-reports-2.xml'
 */
export function reportsSitemapHref(number: number): string {
	return `/sitemap-reports-${number}.xml`;
}

/** The sitemap index, which names every other sitemap. @example sitemapIndexHref() // => '/sitemap-index.xml' */
export function sitemapIndexHref(): string {
	return '/sitemap-index.xml';
}

/** The sitemap of the index pages. @example pagesSitemapHref() // => '/sitemap-pages.xml' */
export function pagesSitemapHref(): string {
	return '/sitemap-pages.xml';
}

/** The Google News sitemap. @example newsSitemapHref() // => '/news-sitemap.xml' */
export function newsSitemapHref(): string {
	return '/news-sitemap.xml';
}

/**
 * The XSL stylesheet that shows a feed as a page in a browser (a file in public/).
 * @example feedStylesheetHref() // => '/rss.xsl'
 */
export function feedStylesheetHref(): string {
	return '/rss.xsl';
}

/** @example searchHref() // => '/search/' */
export function searchHref(): string {
	return '/search/';
}

/**
 * The folder of the search index, which the search page's script loads.
 * @example searchIndexHref() // => '/pagefind/'
 */
export function searchIndexHref(): string {
	return '/pagefind/';
}

/** The newest reports as JSON, fetched by the Recent posts list. @example recentJsonHref() // => '/recent.json' */
export function recentJsonHref(): string {
	return '/recent.json';
}

/** The web desk, for editors; never listed to readers or crawlers. @example deskHref() // => '/admin/' */
export function deskHref(): string {
	return '/admin/';
}

/**
 * An absolute URL on the production site, for canonical links, feeds and structured data.
 * @example absoluteUrl('/wire/a/', 'https://news.example.org') // => 'https://news.example.org/wire/a/'
 */
export function absoluteUrl(path: string, siteUrl: string): string {
	return new URL(path, `${siteUrl}/`).href;
}
