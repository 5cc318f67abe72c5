import type { Report } from './report.ts';

/** Why a report is or is not in a build. */
export type PublicationState = 'published' | 'draft' | 'scheduled' | 'expired';

/**
 * A report's state at the build's `now`: drafts never publish (unless `includeDrafts`, for the
 * local preview), reports dated later wait, licensed copy past `expires` comes down.
 * @example publicationState({ draft: false, date: tomorrow }, now) // => 'scheduled'
 */
export function publicationState(
	report: Pick<Report, 'draft' | 'date' | 'expires'>,
	now: Date,
	includeDrafts = false,
): PublicationState {
	if (report.draft && !includeDrafts) return 'draft';
	if (report.date.getTime() > now.getTime()) return 'scheduled';
	if (report.expires && report.expires.getTime() <= now.getTime()) return 'expired';
	return 'published';
}

/** What a build left out, for its log. */
export interface PublicationSummary<R> {
	published: R[];
	drafts: number;
	scheduled: number;
	/** Reports past their `expires`, taken down by this build. */
	expired: R[];
	/** When the next scheduled report is due, if any. */
	nextDue?: Date | undefined;
}

/**
 * Splits reports into those this build publishes and counts of those it holds back.
 */
export function selectPublished<R extends Pick<Report, 'draft' | 'date' | 'expires'>>(
	reports: readonly R[],
	now: Date,
	includeDrafts = false,
): PublicationSummary<R> {
	const summary: PublicationSummary<R> = { published: [], drafts: 0, scheduled: 0, expired: [] };
	for (const report of reports) {
		const state = publicationState(report, now, includeDrafts);
		if (state === 'published') summary.published.push(report);
		else if (state === 'draft') summary.drafts += 1;
		else if (state === 'expired') summary.expired.push(report);
		else {
			summary.scheduled += 1;
			if (!summary.nextDue || report.date < summary.nextDue) summary.nextDue = report.date;
		}
	}
	return summary;
}
