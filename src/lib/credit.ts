import type { Report } from './report.ts';
import type { SiteConfig } from './site-config.ts';
import { sourceHref } from './urls.ts';

/**
 * How a report credits its agency and links the original: one model that the report page
 * (SourceCredit.astro) and the feeds' `content:encoded` (feed-content.ts) both render, so the
 * two can never say different things.
 */
export interface Credit {
	/** The label before the agency, e.g. "Source:". */
	sourceLabel: string;
	agency: {
		name: string;
		/** The agency's page on this site (pages link here). */
		href: string;
		/** The agency's own home page (feeds link here: a reader there is off the site). */
		homepage: string;
	};
	/** The label before the original: "Original headline:" or "Original report:". */
	originalLabel: string;
	original: {
		/** The agency's own headline, else the original report's host name. */
		text: string;
		/** The original report at the agency. */
		url: string;
		/** Whether `text` is the agency's headline (a title to cite), not a host name. */
		isHeadline: boolean;
	};
}

/**
 * The credit of a report, from the site's labels.
 * @example creditOf(report, site).original.text // => 'harbourline.example.net' for a report without originalTitle
 */
export function creditOf(report: Report, site: SiteConfig): Credit {
	const isHeadline = report.originalTitle !== undefined;
	return {
		sourceLabel: site.labels.source,
		agency: {
			name: report.source.name,
			href: sourceHref(report.source.slug),
			homepage: report.source.homepage,
		},
		originalLabel: isHeadline ? site.labels.originalHeadline : site.labels.originalReport,
		original: {
			text: report.originalTitle ?? new URL(report.url).host,
			url: report.url,
			isHeadline,
		},
	};
}
