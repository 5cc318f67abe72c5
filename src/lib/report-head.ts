import type { Report } from './report.ts';

/** The head metadata of a report page. */
export interface ReportHead {
	title: string;
	description: string;
	canonical: string;
	/** Robots meta content, when the page must not be indexed. */
	robots?: string | undefined;
}

/**
 * `<title>`, description, canonical and robots for a report, following its agency's
 * indexing policy: `canonical-to-original` points search engines at the agency's report,
 * `noindex` keeps our copy out of search.
 * @example reportHead(report, 'Herald').title // => 'Ferry strike ends — Herald'
 */
export function reportHead(report: Report, siteName: string): ReportHead {
	const policy = report.source.policy;
	return {
		title: `${report.title} — ${siteName}`,
		description: report.excerpt,
		canonical: policy === 'canonical-to-original' ? report.url : report.permalink,
		robots: policy === 'noindex' ? 'noindex' : undefined,
	};
}
