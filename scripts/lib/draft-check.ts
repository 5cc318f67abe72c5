import { diskProjectFiles } from '../../src/data/project-files.ts';
import type { ContentProblem } from '../../src/lib/problems.ts';
import type { ReportSchema } from '../../src/lib/report-schema.ts';
import { validateReportFile } from '../../src/lib/report-validation.ts';
import { site } from '../../src/site.config.ts';

/** What the check of a draft needs besides its text. */
export interface DraftCheckContext {
	/** The project folder (for checks of local files). */
	root: string;
	/** The report schema for this site and its agencies (`reportSchemaFor`). */
	schema: ReportSchema;
}

/**
 * The errors `npm run content:check` would report for a draft about to be written at `path`
 * (e.g. "content/wire/2026/11/a.md"); empty when the check accepts it. It runs the shared
 * validation of one file (encoding, frontmatter, schema, images and links to local files);
 * ingest itself keeps drafts from colliding with filed reports.
 */
export function problemsOfDraft(
	path: string,
	text: string,
	{ root, schema }: DraftCheckContext,
): ContentProblem[] {
	const result = validateReportFile(
		{ path, bytes: new TextEncoder().encode(text) },
		{
			schema,
			timeZone: site.timeZone,
			now: new Date(),
			files: diskProjectFiles(root),
			sections: site.sections.map((section) => section.slug),
		},
	);
	return result.problems.filter((problem) => problem.severity === 'error');
}
