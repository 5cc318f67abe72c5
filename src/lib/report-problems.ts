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
	const written = { raw: frontmatter.data, lines: frontmatter.lines, body: frontmatter.body };
	const problems: ContentProblem[] = frontmatter.problems.map((problem) => ({ ...problem, file }));
	if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems, ...written };
	const result = schema.safeParse(frontmatter.data);
	if (!result.success) {
		const found = issuesToProblems(result.error.issues, file, frontmatter.lines, reportFields(schema));
		return { ok: false, problems: sortProblems([...problems, ...found]), ...written };
	}
	return { ok: true, data: result.data, problems, ...written };
}

/** What the cross-file checks need to know of each report. */
export interface FiledReport {
	file: string;
	section: string;
	slug: string;
	/** The stable `id` field, when set. */
	id?: string | undefined;
}

/**
 * Reports that would collide once published: two at the same address (section and slug),
 * or two with the same stable `id`. Each problem names the other file.
 */
export function collisionProblems(reports: readonly FiledReport[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const check = (key: (report: FiledReport) => string | undefined, field: string, describe: (report: FiledReport) => string) => {
		const first = new Map<string, FiledReport>();
		for (const report of [...reports].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
			const value = key(report);
			if (value === undefined) continue;
			const earlier = first.get(value);
			if (earlier) {
				problems.push({ file: report.file, line: 1, field, message: `${describe(report)} is already used by ${earlier.file}`, severity: 'error' });
			} else {
				first.set(value, report);
			}
		}
	};
	check((report) => `${report.section}/${report.slug}`, '(file name)', (report) => `the address /${report.section}/${report.slug}/`);
	check((report) => report.id, 'id', (report) => `id ${JSON.stringify(report.id)}`);
	return problems;
}
