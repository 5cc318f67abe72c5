import { creditOf, type Credit } from './credit.ts';
import { formatDisplayDate } from './display-date.ts';
import { fillLabel } from './labels.ts';
import type { Takedown } from './publication.ts';
import type { Report } from './report.ts';
import type { SiteConfig } from './site-config.ts';
import { sectionHref } from './urls.ts';

/**
 * Everything the page at a taken-down report's address shows: its headline, section and credit
 * and why it came down, never its body. The page renders this and nothing else, and its cache
 * key hashes all of it.
 */
export interface NoticePage {
	/** The report's address, which keeps this page. */
	href: string;
	/** Absolute address, for `rel=canonical`. */
	canonical: string;
	/** The full `<title>`. */
	title: string;
	/** The notice as one plain sentence, for the meta description. */
	description: string;
	headline: string;
	/** Language and direction of the headline and credit (the report's own). */
	lang: string;
	dir: 'ltr' | 'rtl';
	section: { slug: string; name: string; href: string };
	credit: Credit;
	takedown: Takedown;
}

/**
 * The notice page of a report that was withdrawn or whose licence ran out, in the words of the
 * site's labels (`withdrawnNotice`, `expiredNotice`).
 * @example noticePageOf(report, { kind: 'withdrawn', date, reason: 'Wrong figures.' }, site).description // => 'This report was withdrawn on 24 November 2026 at 09:30 CET. Reason: Wrong figures.'
 */
export function noticePageOf(report: Report, takedown: Takedown, site: SiteConfig): NoticePage {
	const date = formatDisplayDate(takedown.date, site.timeZone, site.locale);
	const sentence = fillLabel(noticeLabel(takedown, site), { date });
	return {
		href: report.href,
		canonical: report.permalink,
		title: `${report.title} — ${site.name}`,
		description:
			takedown.reason === undefined
				? sentence
				: `${sentence} ${fillLabel(site.labels.withdrawnReason, { reason: takedown.reason })}`,
		headline: report.title,
		lang: report.lang,
		dir: report.dir,
		section: {
			slug: report.section.slug,
			name: report.section.name,
			href: sectionHref(report.section.slug),
		},
		credit: creditOf(report, site),
		takedown,
	};
}

/**
 * The label a takedown is told with: `{date}` stands for its date.
 * @example noticeLabel({ kind: 'expired', date }, site) // => 'This report was taken down on {date}: our licence to republish it has ended.'
 */
export function noticeLabel(takedown: Pick<Takedown, 'kind'>, site: SiteConfig): string {
	return takedown.kind === 'withdrawn' ? site.labels.withdrawnNotice : site.labels.expiredNotice;
}
