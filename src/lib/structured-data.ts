import { isoWithOffset } from './dates.ts';
import { lastModified, type Report } from './report.ts';
import type { SiteConfig } from './site-config.ts';
import { absoluteUrl, homeHref } from './urls.ts';

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
 * \u escapes, so no headline can close the element ("</script>") or open a comment; JSON
 * parsers read the same strings back.
 * @example scriptSafeJson({ headline: '</script>' }) // => '{"headline":"\\u003c/script\\u003e"}'
 */
export function scriptSafeJson(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * schema.org NewsArticle for a report, crediting the agency: `isBasedOn` is the original
 * report, `sourceOrganization` and `creditText` the agency; each correction is a
 * `CorrectionComment` (its plain text and date), newest first as the page shows them.
 */
export function newsArticle(
	report: Report,
	site: SiteConfig,
	imageUrl?: string,
): Record<string, unknown> {
	const agency = {
		'@type': 'NewsMediaOrganization',
		name: report.source.name,
		url: report.source.homepage,
	};
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: report.title,
		description: report.excerpt,
		url: report.permalink,
		mainEntityOfPage: report.permalink,
		datePublished: isoWithOffset(report.date, site.timeZone),
		dateModified: isoWithOffset(lastModified(report), site.timeZone),
		author: report.author ? { '@type': 'Person', name: report.author } : agency,
		publisher: {
			'@type': 'NewsMediaOrganization',
			name: site.name,
			url: absoluteUrl(homeHref(), site.url),
		},
		inLanguage: report.lang,
		isBasedOn: report.url,
		sourceOrganization: agency,
		creditText: report.source.name,
		articleSection: report.section.name,
		...(report.tags.length > 0 ? { keywords: report.tags.map((tag) => tag.name) } : {}),
		...(report.dateline ? { dateline: report.dateline } : {}),
		...(report.corrections.length > 0
			? {
					correction: report.corrections.map((correction) => ({
						'@type': 'CorrectionComment',
						text: correction.text,
						datePublished: isoWithOffset(correction.date, site.timeZone),
					})),
				}
			: {}),
		...(imageUrl ? { image: absoluteUrl(imageUrl, site.url) } : {}),
	};
}

/** One `<meta property|name content>` of a page head. */
export interface MetaTag {
	property?: string;
	name?: string;
	content: string;
}

/**
 * OpenGraph and Twitter card tags for a report page.
 */
export function reportMetaTags(
	report: Report,
	site: SiteConfig,
	canonical: string,
	imageUrl?: string,
): MetaTag[] {
	const tags: MetaTag[] = [
		{ property: 'og:type', content: 'article' },
		{ property: 'og:site_name', content: site.name },
		{ property: 'og:title', content: report.title },
		{ property: 'og:description', content: report.excerpt },
		{ property: 'og:url', content: canonical },
		{ property: 'og:locale', content: report.lang.replace('-', '_') },
		{ property: 'article:published_time', content: isoWithOffset(report.date, site.timeZone) },
		{
			property: 'article:modified_time',
			content: isoWithOffset(lastModified(report), site.timeZone),
		},
		{ property: 'article:section', content: report.section.name },
		...report.tags.map((tag) => ({ property: 'article:tag', content: tag.name })),
		{ name: 'twitter:card', content: imageUrl ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: report.title },
		{ name: 'twitter:description', content: report.excerpt },
	];
	if (imageUrl && report.image) {
		tags.push(
			{ property: 'og:image', content: absoluteUrl(imageUrl, site.url) },
			{ property: 'og:image:alt', content: report.image.alt },
			{ name: 'twitter:image', content: absoluteUrl(imageUrl, site.url) },
		);
	}
	return tags;
}
