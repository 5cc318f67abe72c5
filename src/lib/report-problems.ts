import { parseFrontmatter } from './frontmatter.ts';
import { issuesToProblems, sortProblems, type ContentProblem } from './problems.ts';
import type { ReportData, ReportSchema } from './report-schema.ts';

/** A report file checked against the schema: its data when valid, else every problem. */
export type CheckedReport = (
	| { ok: true; data: ReportData; problems: ContentProblem[] }
	| { ok: false; problems: ContentProblem[] }
) & {
	/** The frontmatter as written (dates still text), and the line of each key. */
	raw: Record<string, unknown>;
	lines: ReadonlyMap<string, number>;
	body: string;
	/** The 1-based file line on which the body starts. */
	bodyLine: number;
};

/** The frontmatter fields a report may have, in schema order. */
export function reportFields(schema: ReportSchema): string[] {
	return Object.keys(schema.shape);
}

/**
 * Checks one report file's text against the schema, with every problem at its line.
 * @example checkReportText('---\ntitle: Hi\n---\n', 'content/a.md', schema).ok // => false
 */
export function checkReportText(text: string, file: string, schema: ReportSchema): CheckedReport {
	const frontmatter = parseFrontmatter(text);
	const written = {
		raw: frontmatter.data,
		lines: frontmatter.lines,
		body: frontmatter.body,
		bodyLine: frontmatter.bodyLine,
	};
	const problems: ContentProblem[] = frontmatter.problems.map((problem) => ({ ...problem, file }));
	if (problems.some((problem) => problem.severity === 'error'))
		return { ok: false, problems, ...written };
	const result = schema.safeParse(frontmatter.data);
	if (!result.success) {
		const found = issuesToProblems(
			result.error.issues,
			file,
			frontmatter.lines,
			reportFields(schema),
		);
		return { ok: false, problems: sortProblems([...problems, ...found]), ...written };
	}
	return { ok: true, data: result.data, problems, ...written };
}
