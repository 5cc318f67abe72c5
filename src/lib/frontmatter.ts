import type { ContentProblem } from './problems.ts';
import { readYamlWithLines } from './yaml-lines.ts';

/**
 * How wiredesk writes frontmatter values (report:new, report:correct, the desk): every value on
 * one line, quoted only where YAML needs it.
 */
export const FRONTMATTER_YAML_OPTIONS = {
	lineWidth: 0,
	defaultStringType: 'PLAIN',
	defaultKeyType: 'PLAIN',
} as const;

/** A Markdown file's frontmatter, parsed with the line of every key. */
export interface Frontmatter {
	/** The frontmatter as plain data; dates stay text so the schema can read them in the site's zone. */
	data: Record<string, unknown>;
	/** 1-based file line of each key, by dotted path ("title", "image.alt"). */
	lines: Map<string, number>;
	/** The Markdown after the frontmatter. */
	body: string;
	/** The 1-based file line on which the body starts. */
	bodyLine: number;
	/** YAML syntax errors and a missing frontmatter block. */
	problems: Omit<ContentProblem, 'file'>[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Where the YAML of a Markdown file's frontmatter lies: from just after the opening "---" line
 * to the start of the closing one (offsets into `text`); undefined when either line is missing.
 * @example frontmatterYamlRange('---\ntitle: Hi\n---\nBody') // => { start: 4, end: 14 }
 */
export function frontmatterYamlRange(text: string): { start: number; end: number } | undefined {
	const opening = OPENING.exec(text);
	if (!opening) return undefined;
	const start = opening[0].length;
	const closing = CLOSING.exec(text.slice(start));
	return closing ? { start, end: start + closing.index } : undefined;
}

/**
 * Splits a Markdown file into YAML frontmatter and body, and parses the YAML with the
 * YAML 1.2 core schema: timestamps stay strings (so no silent UTC reading), and every key
 * keeps its line for error messages.
 * @example parseFrontmatter('---\ntitle: Hi\n---\nBody').lines.get('title') // => 2
 */
export function parseFrontmatter(text: string): Frontmatter {
	const opening = OPENING.exec(text);
	if (!opening) {
		return {
			data: {},
			lines: new Map(),
			body: text,
			bodyLine: 1,
			problems: [
				{
					line: 1,
					field: '(frontmatter)',
					message: 'file must start with a "---" line and YAML frontmatter',
					severity: 'error',
				},
			],
		};
	}
	const rest = text.slice(opening[0].length);
	const closing = CLOSING.exec(rest);
	const yamlText = closing ? rest.slice(0, closing.index) : rest;
	const afterClosing = closing ? rest.slice(closing.index + closing[0].length) : '';
	const body = afterClosing.replace(/^\r?\n/, '');
	const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
	const problems: Frontmatter['problems'] = [];
	if (!closing) {
		problems.push({
			line: 1,
			field: '(frontmatter)',
			message: 'frontmatter has no closing "---" line',
			severity: 'error',
		});
	}
	// The YAML starts on the file's second line, after the opening "---".
	const yaml = readYamlWithLines(yamlText, {
		firstLine: 2,
		name: 'frontmatter',
		tooLongAdvice: 'put long text in the body',
	});
	const { lines } = yaml;
	for (const problem of yaml.problems)
		problems.push({ ...problem, field: '(frontmatter)', severity: 'error' });
	const value = yaml.value === undefined ? {} : yaml.value;
	const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
	if (yaml.problems.length === 0 && !isRecord && value !== null) {
		problems.push({
			line: 2,
			field: '(frontmatter)',
			message: 'frontmatter must be a list of "field: value" lines',
			severity: 'error',
		});
	}
	return {
		data: isRecord ? (value as Record<string, unknown>) : {},
		lines,
		body,
		bodyLine,
		problems,
	};
}
