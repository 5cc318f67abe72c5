import type { Report } from './report.ts';

/** Why a report is or is not in a build. */
export type PublicationState = 'published' | 'draft' | 'scheduled' | 'withdrawn' | 'expired';

/** The fields that decide a report's state. */
type Decisive = Pick<Report, 'draft' | 'date' | 'expires' | 'withdrawn'>;

/**
 * A report's state at the build's `now`: drafts never publish (unless `includeDrafts`, for the
 * local preview), reports dated later wait, a withdrawn report comes down, and so does licensed
 * copy past `expires`. A withdrawal outranks an expiry: its reason is what readers need to know.
 * @example publicationState({ draft: false, date: tomorrow }, now) // => 'scheduled'
 */
export function publicationState(
	report: Decisive,
	now: Date,
	includeDrafts = false,
): PublicationState {
	if (report.draft && !includeDrafts) return 'draft';
	if (report.date.getTime() > now.getTime()) return 'scheduled';
	if (report.withdrawn) return 'withdrawn';
	if (report.expires && report.expires.getTime() <= now.getTime()) return 'expired';
	return 'published';
}

/** Why a published report's address now shows a notice instead of the report, and since when. */
export interface Takedown {
	kind: 'withdrawn' | 'expired';
	date: Date;
	/** The editor's reason, for a withdrawal. */
	reason?: string | undefined;
}

/** A report that came down, with what its address says instead. */
export interface TakenDown<R> {
	report: R;
	takedown: Takedown;
}

/** What a build left out, for its log. */
export interface PublicationSummary<R> {
	published: R[];
	drafts: number;
	scheduled: number;
	/**
	 * Reports withdrawn or past their `expires`: out of every list, feed, sitemap and the search,
	 * their addresses keep a notice so no published address ever turns into a 404.
	 */
	takenDown: TakenDown<R>[];
	/** When the next scheduled report is due, if any. */
	nextDue?: Date | undefined;
}

/**
 * Splits reports into those this build publishes, those whose address keeps only a notice, and
 * counts of those it holds back.
 */
export function selectPublished<R extends Decisive>(
	reports: readonly R[],
	now: Date,
	includeDrafts = false,
): PublicationSummary<R> {
	const summary: PublicationSummary<R> = {
		published: [],
		drafts: 0,
		scheduled: 0,
		takenDown: [],
	};
	for (const report of reports) {
		const state = publicationState(report, now, includeDrafts);
		if (state === 'published') summary.published.push(report);
		else if (state === 'draft') summary.drafts += 1;
		else if (state === 'withdrawn' && report.withdrawn)
			summary.takenDown.push({ report, takedown: { kind: 'withdrawn', ...report.withdrawn } });
		else if (state === 'expired' && report.expires)
			summary.takenDown.push({ report, takedown: { kind: 'expired', date: report.expires } });
		else {
			summary.scheduled += 1;
			if (!summary.nextDue || report.date < summary.nextDue) summary.nextDue = report.date;
		}
	}
	return summary;
}
