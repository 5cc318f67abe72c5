import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { lineOfField } from './yaml-lines.ts';

/** A problem found in one content file, printed as `path:line: field: message`. */
export interface ContentProblem {
	file: string;
	line: number;
	field: string;
	message: string;
	severity: 'error' | 'warning' | 'info';
}

/**
 * One problem as an editor reads it.
 * @example formatProblem({ file: 'content/a.md', line: 3, field: 'url', message: 'is required', severity: 'error' }) // => 'content/a.md:3: url: is required'
 */
export function formatProblem(problem: ContentProblem): string {
	const label = problem.severity === 'error' ? '' : `${problem.severity}: `;
	return `${problem.file}:${problem.line}: ${problem.field}: ${label}${problem.message}`;
}

/**
 * Problems in reading order: by file, then line; problems on one line keep their order.
 * @example sortProblems([{ file: 'b.md', … }, { file: 'a.md', … }])[0].file // => 'a.md'
 */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
	return [...problems].sort((a, b) =>
		a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
	);
}

/**
 * Turns schema issues into editor-facing problems with the line of the offending key.
 * An unknown field names the closest known one.
 */
export function issuesToProblems(
	issues: readonly z.core.$ZodIssue[],
	file: string,
	lines: ReadonlyMap<string, number>,
	knownFields: readonly string[],
	prefix: readonly string[] = [],
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const issue of issues) {
		const field = [...prefix, ...issue.path.map(String)].join('.');
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const path = field ? `${field}.${key}` : key;
				const suggestion =
					issue.path.length === 0 && knownFields.length > 0
						? closest(key, [...knownFields])
						: undefined;
				problems.push({
					file,
					line: lineOfField(lines, path),
					field: path,
					message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; it would not be published`,
					severity: 'error',
				});
			}
			continue;
		}
		problems.push({
			file,
			line: lineOfField(lines, field),
			field: field || '(frontmatter)',
			message: issue.message,
			severity: 'error',
		});
	}
	return problems;
}

/** Thrown by the build when content has errors, so nothing is published; lists every one. */
export class ContentProblemsError extends Error {
	readonly problems: readonly ContentProblem[];

	constructor(problems: readonly ContentProblem[]) {
		const errors = sortProblems(problems.filter((problem) => problem.severity === 'error'));
		const files = new Set(errors.map((problem) => problem.file)).size;
		super(
			`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} content file${files === 1 ? '' : 's'}; nothing was built:\n` +
				errors.map((problem) => `  ${formatProblem(problem)}`).join('\n') +
				'\nFix them and build again.',
		);
		this.name = 'ContentProblemsError';
		this.problems = errors;
		// The list says where every problem is; a stack trace would only bury it.
		this.stack = '';
	}
}
