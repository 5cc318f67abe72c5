import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type YAMLMap } from 'yaml';
import type { ContentProblem } from './problems.ts';

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
/** Frontmatter is a few short fields; more than this is a mistake or an attack. */
export const FRONTMATTER_LIMITS = { bytes: 64 * 1024, aliases: 50, depth: 8 } as const;

function firstAliasLine(
	document: Parameters<typeof visit>[0],
	lineOf: (offset: number) => number,
): number {
	let line = 2;
	visit(document, {
		Alias(_, node) {
			if (isAlias(node) && node.range) line = lineOf(node.range[0]);
			return visit.BREAK;
		},
	});
	return line;
}

/** How deeply a value nests lists and maps: 0 for a scalar. */
function depthOf(value: unknown, limit: number): number {
	if (typeof value !== 'object' || value === null || limit < 0) return 0;
	let deepest = 0;
	for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit - 1));
	return deepest + 1;
}
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

function collectLines(
	map: YAMLMap,
	prefix: string,
	lineOf: (offset: number) => number,
	lines: Map<string, number>,
) {
	for (const pair of map.items) {
		if (!isScalar(pair.key)) continue;
		const path = prefix + String(pair.key.value);
		const offset = pair.key.range?.[0];
		if (offset !== undefined) lines.set(path, lineOf(offset));
		if (isMap(pair.value)) collectLines(pair.value, `${path}.`, lineOf, lines);
	}
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
	if (new TextEncoder().encode(yamlText).length > FRONTMATTER_LIMITS.bytes) {
		const message = `frontmatter is longer than ${FRONTMATTER_LIMITS.bytes / 1024} KiB; put long text in the body`;
		return {
			data: {},
			lines: new Map(),
			body,
			bodyLine,
			problems: [...problems, { line: 1, field: '(frontmatter)', message, severity: 'error' }],
		};
	}
	const counter = new LineCounter();
	const document = parseDocument(yamlText, {
		lineCounter: counter,
		schema: 'core',
		uniqueKeys: true,
		prettyErrors: false,
	});
	// The YAML starts on the file's second line.
	const lineOf = (offset: number) => counter.linePos(offset).line + 1;
	for (const error of document.errors) {
		problems.push({
			line: lineOf(error.pos[0]),
			field: '(frontmatter)',
			message: `YAML: ${error.message.split('\n')[0]}`,
			severity: 'error',
		});
	}
	const lines = new Map<string, number>();
	if (isMap(document.contents)) collectLines(document.contents, '', lineOf, lines);
	let value: unknown = {};
	if (document.errors.length === 0) {
		try {
			// Aliases that expand into millions of values ("billion laughs") stop here.
			value = document.toJS({ maxAliasCount: FRONTMATTER_LIMITS.aliases });
		} catch (error) {
			const message = `YAML: ${error instanceof Error ? error.message : String(error)}; frontmatter needs no aliases (*name)`;
			return {
				data: {},
				lines,
				body,
				bodyLine,
				problems: [
					...problems,
					{
						line: firstAliasLine(document, lineOf),
						field: '(frontmatter)',
						message,
						severity: 'error',
					},
				],
			};
		}
		if (depthOf(value, FRONTMATTER_LIMITS.depth + 1) > FRONTMATTER_LIMITS.depth) {
			const message = `YAML: lists and maps nest more than ${FRONTMATTER_LIMITS.depth} levels deep`;
			const [deepKey] =
				Object.entries(value as object).find(
					([, child]) => depthOf(child, FRONTMATTER_LIMITS.depth) >= FRONTMATTER_LIMITS.depth,
				) ?? [];
			const line = (deepKey !== undefined && lines.get(deepKey)) || 2;
			return {
				data: {},
				lines,
				body,
				bodyLine,
				problems: [...problems, { line, field: '(frontmatter)', message, severity: 'error' }],
			};
		}
	}
	const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
	if (document.errors.length === 0 && !isRecord && value !== null) {
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

/**
 * The file line to blame for a problem in `field`: the key's own line, its nearest parent's,
 * or the opening "---" for a field that is missing.
 * @example lineOfField(new Map([['image', 5]]), 'image.alt') // => 5
 */
export function lineOfField(lines: ReadonlyMap<string, number>, field: string): number {
	let path = field;
	while (path) {
		const line = lines.get(path);
		if (line !== undefined) return line;
		const dot = path.lastIndexOf('.');
		path = dot === -1 ? '' : path.slice(0, dot);
	}
	return 1;
}
