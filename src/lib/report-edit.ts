import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq, parseDocument, stringify, type YAMLMap, type YAMLSeq } from 'yaml';
import { FRONTMATTER_YAML_OPTIONS, frontmatterYamlRange, parseFrontmatter } from './frontmatter.ts';

/** A correction as `report:correct` adds it: the date already written with the site's offset. */
export interface CorrectionEntry {
	date: string;
	text: string;
}

/** A withdrawal as `report:withdraw` adds it. */
export interface WithdrawalEntry {
	date: string;
	reason: string;
}

/** A report file with a field added, or why the field cannot be added by a tool. */
export type ReportEdit =
	| {
			ok: true;
			text: string;
			/** 1-based lines of the new file that were added (or, in a one-line list, changed). */
			lines: { first: number; last: number };
	  }
	| { ok: false; line: number; field: string; message: string };

/**
 * Editors' text for a correction or a reason as one line: a line break inside a paragraph is a
 * space in Markdown, so it becomes one; undefined for empty text or more than one paragraph.
 * @example oneParagraph('  Corrected the\n  ferry operator.  ') // => 'Corrected the ferry operator.'
 */
export function oneParagraph(text: string): string | undefined {
	const trimmed = text.trim();
	if (!trimmed || /\n[ \t]*\r?\n/.test(trimmed)) return undefined;
	return trimmed.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const columnOf = (text: string, offset: number) =>
	offset - (text.lastIndexOf('\n', offset - 1) + 1);
const spaces = (count: number) => ' '.repeat(Math.max(0, count));

/** The line end of the line just before `offset` (CRLF files get CRLF lines). */
function lineEndBefore(text: string, offset: number): string {
	return text[offset - 1] === '\n' && text[offset - 2] === '\r' ? '\r\n' : '\n';
}

/** The start of the line after the one that holds the last non-blank character before `end`. */
function afterLastLine(text: string, end: number): number {
	let at = end;
	while (at > 0 && /\s/.test(text[at - 1] ?? '')) at -= 1;
	const newline = text.indexOf('\n', at);
	return newline === -1 ? text.length : newline + 1;
}

/** `key: value` as YAML writes it on one line. */
function pairLine(key: string, value: string): string {
	return stringify({ [key]: value }, FRONTMATTER_YAML_OPTIONS).trimEnd();
}

/** `{ key: value, … }` in flow style, with or without spaces inside the braces. */
function flowMap(entries: [string, string][], padded: boolean): string {
	const document = new Document(Object.fromEntries(entries));
	(document.contents as YAMLMap).flow = true;
	return document
		.toString({ ...FRONTMATTER_YAML_OPTIONS, flowCollectionPadding: padded })
		.trimEnd();
}

/** The file's frontmatter as a YAML document, with what adding a field needs to know. */
interface EditableFrontmatter {
	text: string;
	start: number;
	end: number;
	top: YAMLMap;
	/** Column of the top-level keys. */
	column: number;
	/** How far the file indents a nested map's keys and a list's dashes under their key. */
	mapIndent: number;
	seqIndent: number;
}

function readFrontmatter(text: string): EditableFrontmatter | string {
	const range = frontmatterYamlRange(text);
	if (!range) return 'the file has no frontmatter between two "---" lines';
	const yaml = text.slice(range.start, range.end);
	const document = parseDocument(yaml, { schema: 'core', uniqueKeys: true });
	const top = document.contents;
	if (document.errors.length > 0 || !isMap(top) || top.flow || top.items.length === 0)
		return 'the frontmatter is not a list of "field: value" lines';
	const offset = (at: number) => range.start + at;
	const first = top.items[0]?.key as { range?: [number, number, number] } | undefined;
	const column = columnOf(text, offset(first?.range?.[0] ?? 0));
	let mapIndent: number | undefined;
	let seqIndent: number | undefined;
	for (const pair of top.items) {
		const value = pair.value;
		if (!(isMap(value) || isSeq(value)) || value.flow || !value.range) continue;
		const indent = columnOf(text, offset(value.range[0])) - column;
		if (isMap(value)) mapIndent ??= indent;
		else seqIndent ??= indent;
	}
	return {
		text,
		...range,
		top,
		column,
		mapIndent: mapIndent && mapIndent > 0 ? mapIndent : 2,
		seqIndent: seqIndent ?? mapIndent ?? 2,
	};
}

/** Inserts `added` (whole lines) at `at`, with the line end of the line before. */
function insertLines(text: string, at: number, added: string[]): ReportEdit {
	const end = lineEndBefore(text, at);
	const first = lineOf(text, at);
	return {
		ok: true,
		text: text.slice(0, at) + added.map((line) => line + end).join('') + text.slice(at),
		lines: { first, last: first + added.length - 1 },
	};
}

/** The key order of an existing correction, so a new one reads like it. */
function keyOrder(item: unknown): ['date' | 'text', 'date' | 'text'] {
	if (isMap(item)) {
		const keys = item.items.map((pair) => String((pair.key as { value?: unknown })?.value));
		if (keys.length === 2 && keys[0] === 'text' && keys[1] === 'date') return ['text', 'date'];
	}
	return ['date', 'text'];
}

/** A new correction at the end of an existing list, in that list's style. */
function appendCorrection(
	file: EditableFrontmatter,
	list: YAMLSeq,
	entry: CorrectionEntry,
): ReportEdit {
	const { text } = file;
	const offset = (at: number) => file.start + at;
	const last = list.items.at(-1);
	const order = keyOrder(last);
	const entries = order.map((key) => [key, entry[key]] as [string, string]);
	const lastRange = isMap(last) ? last.range : undefined;
	if (list.items.length > 0 && !lastRange) return cannot('corrections');
	if (list.flow) {
		const padded = lastRange ? text[offset(lastRange[0]) + 1] === ' ' : true;
		const item = flowMap(entries, padded);
		// An empty "[]" gets the item inside its brackets, a list with items gets ", item".
		const at = lastRange ? offset(lastRange[1]) : offset((list.range?.[0] ?? 0) + 1);
		if (!lastRange && text[at - 1] !== '[') return cannot('corrections');
		const line = lineOf(text, at);
		return {
			ok: true,
			text: text.slice(0, at) + (lastRange ? `, ${item}` : item) + text.slice(at),
			lines: { first: line, last: line },
		};
	}
	if (!lastRange) return cannot('corrections');
	// The dash and the keys of the last item, so "- date" and "-   date" lists both stay as they are.
	const keyColumn = columnOf(text, offset(lastRange[0]));
	const before = text.slice(0, offset(lastRange[0]));
	const dash = /-[ \t]*$/.exec(before.slice(before.lastIndexOf('\n') + 1));
	const dashColumn = dash ? keyColumn - dash[0].length : keyColumn - 2;
	const at = afterLastLine(text, offset(lastRange[1]));
	if ((last as YAMLMap).flow) {
		const padded = text[offset(lastRange[0]) + 1] === ' ';
		const item = flowMap(entries, padded);
		return insertLines(text, at, [
			`${spaces(dashColumn)}-${spaces(keyColumn - dashColumn - 1)}${item}`,
		]);
	}
	const [firstLine = '', secondLine = ''] = entries.map(([key, value]) => pairLine(key, value));
	return insertLines(text, at, [
		`${spaces(dashColumn)}-${spaces(keyColumn - dashColumn - 1)}${firstLine}`,
		`${spaces(keyColumn)}${secondLine}`,
	]);
}

function cannot(field: string, line = 1): ReportEdit {
	return {
		ok: false,
		line,
		field,
		message:
			'cannot be added without changing other lines of this file; add it by hand (docs/editor-guide.md)',
	};
}

/**
 * Checks that an edit only added `field`: the frontmatter reads as before plus the new value.
 * A style the insertion did not foresee (a block scalar that keeps trailing lines, say) is
 * refused rather than written.
 */
function verified(before: string, edit: ReportEdit, field: string, expected: unknown): ReportEdit {
	if (!edit.ok) return edit;
	const old = parseFrontmatter(before);
	const now = parseFrontmatter(edit.text);
	const wanted = { ...old.data, [field]: expected };
	return now.problems.length === 0 && isDeepStrictEqual(now.data, wanted) && now.body === old.body
		? edit
		: cannot(field, edit.lines.first);
}

/**
 * The report file with one more correction: a new `corrections:` list at the end of the
 * frontmatter, or one more item in the existing list, written in that list's style (block or
 * flow). Every other character of the file stays as it was.
 * @example addCorrection('---\ntitle: A\n---\n', { date: '2026-11-30T10:00:00+01:00', text: 'Fixed.' }).text // => '---\ntitle: A\ncorrections:\n  - date: 2026-11-30T10:00:00+01:00\n    text: Fixed.\n---\n'
 */
export function addCorrection(text: string, entry: CorrectionEntry): ReportEdit {
	const file = readFrontmatter(text);
	if (typeof file === 'string')
		return { ok: false, line: 1, field: '(frontmatter)', message: file };
	const existing = file.top.get('corrections', true);
	const old = parseFrontmatter(text).data['corrections'];
	const expected = [...(Array.isArray(old) ? old : []), { date: entry.date, text: entry.text }];
	if (existing !== undefined) {
		if (!isSeq(existing)) return cannot('corrections');
		return verified(text, appendCorrection(file, existing, entry), 'corrections', expected);
	}
	const key = spaces(file.column);
	const dash = spaces(file.column + file.seqIndent);
	return verified(
		text,
		insertLines(text, file.end, [
			`${key}corrections:`,
			`${dash}- ${pairLine('date', entry.date)}`,
			`${dash}  ${pairLine('text', entry.text)}`,
		]),
		'corrections',
		expected,
	);
}

/**
 * The report file with a `withdrawn:` map added at the end of its frontmatter; every other
 * character stays as it was. A file that already has one is refused.
 * @example addWithdrawal('---\ntitle: A\n---\n', { date: '2026-11-30T10:00:00+01:00', reason: 'Licence ended.' }).text // => '---\ntitle: A\nwithdrawn:\n  date: 2026-11-30T10:00:00+01:00\n  reason: Licence ended.\n---\n'
 */
export function addWithdrawal(text: string, entry: WithdrawalEntry): ReportEdit {
	const file = readFrontmatter(text);
	if (typeof file === 'string')
		return { ok: false, line: 1, field: '(frontmatter)', message: file };
	const existing = file.top.items.find(
		(pair) => (pair.key as { value?: unknown })?.value === 'withdrawn',
	);
	if (existing) {
		const at = (existing.key as { range?: [number, number, number] }).range?.[0] ?? 0;
		return {
			ok: false,
			line: lineOf(text, file.start + at),
			field: 'withdrawn',
			message: 'the report is already withdrawn',
		};
	}
	const indent = spaces(file.column + file.mapIndent);
	return verified(
		text,
		insertLines(text, file.end, [
			`${spaces(file.column)}withdrawn:`,
			`${indent}${pairLine('date', entry.date)}`,
			`${indent}${pairLine('reason', entry.reason)}`,
		]),
		'withdrawn',
		{ date: entry.date, reason: entry.reason },
	);
}
