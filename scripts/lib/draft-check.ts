import type { ContentProblem } from '../../src/lib/problems.ts';
import type { ReportSchema } from '../../src/lib/report-schema.ts';
import { checkReportText } from '../../src/lib/report-problems.ts';

/** What the check of a draft needs besides its text. */
export interface DraftCheckContext {
	/** The project folder (for checks of local files). */
	root: string;
	/** The report schema for this site and its agencies (`reportSchemaFor`). */
	schema: ReportSchema;
}

/**
 * The errors `npm run content:check` would report for a draft about to be written at `path`
 * (e.g. "content/wire/2026/11/a.md"); empty when the check accepts it. The one place where
 * feed:ingest calls the shared validation, so switching to a new one changes only this.
 */
export function problemsOfDraft(path: string, text: string, { schema }: DraftCheckContext): ContentProblem[] {
	return checkReportText(text, path, schema).problems.filter((problem) => problem.severity === 'error');
}
