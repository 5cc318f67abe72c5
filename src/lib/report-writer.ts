import {
	Document,
	isMap,
	isNode,
	isScalar,
	isSeq,
	parseDocument,
	stringify,
	type Pair,
	type YAMLMap,
} from 'yaml';
import { FRONTMATTER_YAML_OPTIONS, frontmatterYamlRange } from './frontmatter.ts';

// This module runs in the browser (the CMS's custom format): nothing from node:* here.

/** A report as the CMS edits it: the frontmatter fields and the Markdown body. */
export interface ReportFile {
	data: Record<string, unknown>;
	body: string;
}

/** How the writer places fields it writes afresh. */
export interface ReportWriteOptions {
	/** The desk's field order: new fields go where this order puts them. */
	fieldOrder: readonly string[];
}

// Aliases that expand into millions of values ("billion laughs") stop here, as in yaml-lines.ts.
const MAX_ALIASES = 50;

/** Where a file's frontmatter lies, as offsets into its text. */
interface FileParts {
	/** Start of the YAML: just after the opening "---" line (and any byte-order mark). */
	yamlStart: number;
	/** Start of the closing "---" line. */
	yamlEnd: number;
	/** Start of the body: just after the closing line's line end. */
	bodyStart: number;
}

function fileParts(text: string): FileParts | undefined {
	const range = frontmatterYamlRange(text);
	if (!range) return undefined;
	const newline = text.indexOf('\n', range.end);
	return {
		yamlStart: range.start,
		yamlEnd: range.end,
		bodyStart: newline === -1 ? text.length : newline + 1,
	};
}

/** Frontmatter YAML read with the core schema; no fields for errors and for YAML that is not a map. */
function readYaml(yaml: string): Record<string, unknown> {
	const document = parseDocument(yaml, { schema: 'core', uniqueKeys: true });
	if (document.errors.length > 0) return {};
	try {
		const value: unknown = document.toJS({ maxAliasCount: MAX_ALIASES });
		return isPlainObject(value) ? value : {};
	} catch {
		return {};
	}
}

/**
 * A report file as the CMS shows it: the frontmatter (YAML 1.2 core schema, so dates stay the
 * text the agency sent and are never read as UTC) and the body exactly as in the file. A file
 * without frontmatter, or with frontmatter that is not a list of fields, opens with no fields:
 * content:check reports such files, the editor must still be able to open them.
 * @example readReportFile('---\ntitle: Ferries run\n---\nBody\n') // => { data: { title: 'Ferries run' }, body: 'Body\n' }
 */
export function readReportFile(text: string): ReportFile {
	const parts = fileParts(text);
	if (!parts) return { data: {}, body: text };
	return {
		data: readYaml(text.slice(parts.yamlStart, parts.yamlEnd)),
		body: text.slice(parts.bodyStart),
	};
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/** A value with the CMS's empty fields left out; undefined when nothing is left. */
function cleanValue(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value)) {
		const items = value.map(cleanValue).filter((item) => item !== undefined);
		return items.length > 0 ? items : undefined;
	}
	if (isPlainObject(value)) {
		const cleaned = cleanReportData(value);
		return Object.keys(cleaned).length > 0 ? cleaned : undefined;
	}
	return value;
}

/**
 * The fields with every empty one left out, at every depth: the CMS sends an untouched optional
 * field as '', null, undefined, [] or an object of empty fields, and a report must not say
 * `summary: ""` or `image: {}`. List items with any content stay, in their order.
 * @example cleanReportData({ title: 'A', summary: '', image: { src: '', alt: null }, tags: ['', 'x'] }) // => { title: 'A', tags: ['x'] }
 */
export function cleanReportData(data: Record<string, unknown>): Record<string, unknown> {
	const cleaned: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) {
		const kept = cleanValue(value);
		if (kept !== undefined) cleaned[key] = kept;
	}
	return cleaned;
}

/**
 * Whether two field values are the same: lists item by item, maps key by key in any order,
 * anything else by `===` (so 1200 and "1200" differ: the writer does not guess which was meant).
 */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a))
		return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
	if (isPlainObject(a) && isPlainObject(b)) {
		const keys = Object.keys(a);
		return (
			keys.length === Object.keys(b).length &&
			keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
		);
	}
	return false;
}

/** The fields in the desk's order, then any others in the order given. */
function orderedFields(
	data: Record<string, unknown>,
	fieldOrder: readonly string[],
): Map<string, unknown> {
	const fields = new Map<string, unknown>();
	for (const key of fieldOrder) if (Object.hasOwn(data, key)) fields.set(key, data[key]);
	for (const [key, value] of Object.entries(data)) if (!fields.has(key)) fields.set(key, value);
	return fields;
}

/** YAML text (with "\n" line ends, as `yaml` writes it) as lines with `eol`, each indented. */
function asLines(yaml: string, eol: string, column = 0): string {
	const indent = ' '.repeat(column);
	return yaml
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => (line && indent + line) + eol)
		.join('');
}

/** The line end the file already uses (that of its first line). */
function lineEndOf(text: string): string {
	return /\r?\n/.exec(text)?.[0] ?? '\n';
}

/**
 * The body as it is written: with a final line end if it has text but none (so the file ends
 * with a newline, as git and editors expect), and with the file's CRLF line ends if the CMS sent
 * the body of a CRLF file back with plain "\n" ones (so one edit does not rewrite every line).
 */
function bodyToWrite(body: string, eol: string): string {
	let text = eol === '\r\n' && !body.includes('\r') ? body.replace(/\n/g, '\r\n') : body;
	if (text !== '' && !text.endsWith('\n'))
		text += text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : eol;
	return text;
}

/** A whole frontmatter, fields in the desk's order, as report:new writes one. */
function freshYaml(data: Record<string, unknown>, fieldOrder: readonly string[], eol: string) {
	const fields = orderedFields(data, fieldOrder);
	return fields.size === 0 ? '' : asLines(stringify(fields, FRONTMATTER_YAML_OPTIONS), eol);
}

/** How the file indents nested values, relative to its top-level keys. */
interface Indents {
	/** Columns from a key to the keys of the map under it. */
	map: number;
	/** Columns from a key to the dashes of the list under it (0: "- " under the key's first letter). */
	seq: number;
}

/** One top-level field of an existing frontmatter and the lines that hold it. */
interface FieldSource {
	key: string;
	pair: Pair;
	/** Start of the key's line, in the YAML text. */
	start: number;
	/** Column of the key. */
	column: number;
	/** Start of the line after the value's last line. */
	end: number;
	/** End of the value itself, before any comment on its line. */
	valueEnd: number;
}

type Range = [number, number, number];

const rangeOf = (node: unknown): Range | undefined =>
	isNode(node) ? (node.range ?? undefined) : undefined;

/**
 * The lines of every top-level field, or undefined for a layout the line edits cannot handle
 * (a flow map, a key that does not start its line, keys in different columns).
 */
function fieldSources(yaml: string, top: YAMLMap): FieldSource[] | undefined {
	const fields: FieldSource[] = [];
	let column: number | undefined;
	let previousEnd = 0;
	for (const pair of top.items) {
		const keyRange = rangeOf(pair.key);
		if (!isScalar(pair.key) || !keyRange) return undefined;
		const start = yaml.lastIndexOf('\n', keyRange[0] - 1) + 1;
		if (!/^ *$/.test(yaml.slice(start, keyRange[0])) || start < previousEnd) return undefined;
		if (column !== undefined && keyRange[0] - start !== column) return undefined;
		column = keyRange[0] - start;
		const valueEnd = Math.max(rangeOf(pair.value)?.[1] ?? 0, keyRange[1]);
		// The value's last line, with a comment after it; a block scalar's kept blank lines
		// are inside the value's range already.
		let end = valueEnd;
		while (yaml[end - 1] === ' ' || yaml[end - 1] === '\t') end -= 1;
		if (yaml[end - 1] !== '\n') {
			const newline = yaml.indexOf('\n', end);
			end = newline === -1 ? yaml.length : newline + 1;
		}
		fields.push({ key: String(pair.key.value), pair, start, column, end, valueEnd });
		previousEnd = end;
	}
	return fields;
}

const columnOf = (yaml: string, offset: number) =>
	offset - (yaml.lastIndexOf('\n', offset - 1) + 1);

/** The nesting the file already uses, so a rewritten image or corrections block matches it. */
function indentsOf(yaml: string, fields: FieldSource[], column: number): Indents {
	let map: number | undefined;
	let seq: number | undefined;
	for (const { pair } of fields) {
		const range = rangeOf(pair.value);
		if (!range || !(isMap(pair.value) || isSeq(pair.value)) || pair.value.flow) continue;
		const indent = columnOf(yaml, range[0]) - column;
		if (isMap(pair.value)) map ??= indent > 0 ? indent : undefined;
		else seq ??= indent >= 0 ? indent : undefined;
	}
	const mapIndent = map ?? (seq ? seq : 2);
	return { map: mapIndent, seq: seq ?? mapIndent };
}

const isScalarValue = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * `key: value` as fresh YAML lines. A value that was a one-line flow list or map (`tags: [a, b]`)
 * stays one, with the same spacing inside its brackets, so changing a tag changes one line.
 */
function fieldYaml(
	key: string,
	value: unknown,
	indents: Indents,
	flow: { padded: boolean } | undefined,
): string {
	const flowable =
		flow &&
		(Array.isArray(value)
			? value.every(isScalarValue)
			: isPlainObject(value) && Object.values(value).every(isScalarValue));
	if (flowable) {
		const document = new Document(new Map([[key, value]]));
		const node = (document.contents as YAMLMap).items[0]?.value;
		if (isMap(node) || isSeq(node)) node.flow = true;
		return document.toString({ ...FRONTMATTER_YAML_OPTIONS, flowCollectionPadding: flow.padded });
	}
	const layout = Array.isArray(value)
		? indents.seq > 0
			? { indent: indents.seq, indentSeq: true }
			: { indent: 2, indentSeq: false }
		: { indent: indents.map, indentSeq: indents.seq > 0 };
	return stringify(new Map([[key, value]]), { ...FRONTMATTER_YAML_OPTIONS, ...layout });
}

/**
 * The items added at the end of a block list (a new correction), as YAML and the column of the
 * list's dashes, so the items already there keep their lines; undefined for any other change.
 */
function appendedItems(
	yaml: string,
	field: FieldSource,
	old: unknown,
	value: unknown,
): { yaml: string; column: number } | undefined {
	const node = field.pair.value;
	const start = rangeOf(node)?.[0];
	if (!isSeq(node) || node.flow || start === undefined) return undefined;
	if (!Array.isArray(old) || !Array.isArray(value) || value.length <= old.length) return undefined;
	if (!old.every((item, i) => sameValue(item, value[i]))) return undefined;
	const added = stringify(value.slice(old.length), { ...FRONTMATTER_YAML_OPTIONS, indent: 2 });
	return { yaml: added, column: columnOf(yaml, start) };
}

/** A change to the YAML text: `text` in place of [from, to), or inserted at `from`. */
interface Splice {
	from: number;
	to: number | 'insert';
	text: string;
	/** Among changes at one place: items added to a list, then new fields in the desk's order, then replaced lines. */
	rank: number;
}

const REPLACE_RANK = Number.MAX_SAFE_INTEGER;

/**
 * The frontmatter YAML with only the changed fields' lines rewritten, removed or added;
 * undefined when the YAML's layout is beyond line edits.
 */
function editedYaml(
	yaml: string,
	before: Record<string, unknown>,
	after: Record<string, unknown>,
	fieldOrder: readonly string[],
	eol: string,
): string | undefined {
	const document = parseDocument(yaml, { schema: 'core', uniqueKeys: true });
	const top = document.contents;
	if (document.errors.length > 0 || (top !== null && (!isMap(top) || top.flow))) return undefined;
	const fields = top ? fieldSources(yaml, top) : [];
	if (!fields) return undefined;
	const column = fields[0]?.column ?? 0;
	const indents = indentsOf(yaml, fields, column);
	const splices: Splice[] = [];
	const present = new Map(fields.map((field) => [field.key, field]));

	for (const field of fields) {
		const old = before[field.key];
		const value = after[field.key];
		if (sameValue(old, value)) continue;
		if (value === undefined) {
			splices.push({ from: field.start, to: field.end, text: '', rank: REPLACE_RANK });
			continue;
		}
		const lines = yaml.slice(field.start, field.end);
		const appended = appendedItems(yaml, field, old, value);
		if (appended !== undefined) {
			splices.push({
				from: field.end,
				to: 'insert',
				text: asLines(appended.yaml, eol, appended.column),
				rank: -1,
			});
			continue;
		}
		const oneLine = !lines.replace(/\r?\n$/, '').includes('\n');
		const node = field.pair.value;
		const flow =
			oneLine && (isSeq(node) || isMap(node)) && node.flow
				? { padded: / /.test(yaml.charAt((rangeOf(node)?.[0] ?? 0) + 1)) }
				: undefined;
		let text = asLines(fieldYaml(field.key, value, indents, flow), eol, column);
		// A comment after a one-line value ("title: … # from the agency") stays on its line.
		const comment = /^[ \t]+#[^\r\n]*/.exec(yaml.slice(field.valueEnd, field.end))?.[0];
		if (oneLine && comment && !text.slice(0, -eol.length).includes('\n'))
			text = text.slice(0, -eol.length) + comment + eol;
		splices.push({ from: field.start, to: field.end, text, rank: REPLACE_RANK });
	}

	const rankOf = (key: string, index: number) => {
		const place = fieldOrder.indexOf(key);
		return place === -1 ? fieldOrder.length + index : place;
	};
	Object.keys(after).forEach((key, index) => {
		if (present.has(key)) return;
		const text = asLines(fieldYaml(key, after[key], indents, undefined), eol, column);
		const from = insertionPoint(yaml, key, present, fieldOrder);
		splices.push({ from, to: 'insert', text, rank: rankOf(key, index) });
	});

	splices.sort((a, b) => a.from - b.from || a.rank - b.rank);
	let out = '';
	let at = 0;
	for (const splice of splices) {
		out += yaml.slice(at, splice.from) + splice.text;
		at = splice.to === 'insert' ? splice.from : splice.to;
	}
	return out + yaml.slice(at);
}

/**
 * Where a new field goes: after the nearest field the desk's order puts before it, else before
 * the nearest one it puts after it (above that field's own comment lines), else at the end.
 */
function insertionPoint(
	yaml: string,
	key: string,
	present: ReadonlyMap<string, FieldSource>,
	fieldOrder: readonly string[],
): number {
	const place = fieldOrder.indexOf(key);
	if (place === -1) return yaml.length;
	for (let i = place - 1; i >= 0; i -= 1) {
		const field = present.get(fieldOrder[i] ?? '');
		if (field) return field.end;
	}
	for (let i = place + 1; i < fieldOrder.length; i += 1) {
		const field = present.get(fieldOrder[i] ?? '');
		if (!field) continue;
		const floor = Math.max(
			0,
			...[...present.values()].map(({ end }) => end).filter((end) => end <= field.start),
		);
		let at = field.start;
		while (at > floor) {
			const lineStart = yaml.lastIndexOf('\n', at - 2) + 1;
			if (lineStart < floor || !/^[ \t]*#/.test(yaml.slice(lineStart, at))) break;
			at = lineStart;
		}
		return at;
	}
	return yaml.length;
}

/** Whether `text` reads back as exactly these fields and this body. */
function readsAs(text: string, data: Record<string, unknown>, body: string): boolean {
	const read = readReportFile(text);
	return read.body === body && sameValue(cleanReportData(read.data), data);
}

/** The text, or an error rather than a file that would not read back as the editor's report. */
function checked(text: string, data: Record<string, unknown>, body: string): string {
	if (readsAs(text, data, body)) return text;
	throw new Error(
		'the report cannot be written as YAML that reads back the same (a field holds a value YAML has no text for)',
	);
}

/**
 * The report file the CMS saves. A new report is written as report:new writes one: fields in
 * the desk's order, none of them empty. An existing file is edited, not regenerated: fields the
 * editor left alone keep their bytes (quoting, comments, list style, CRLF, byte-order mark), a
 * changed field has only its own lines rewritten, a new one goes where the desk's order puts it,
 * so the commit shows the editor's change and nothing else. An edit that does not read back as
 * the editor's fields (a YAML style the line edits cannot follow: anchors, multiple documents)
 * gives way to a fresh frontmatter in the desk's order: the right report beats a small diff.
 * @example writeReportFile({ data: { title: 'Ferries run again', tags: ['transport'] }, body: 'Body\n' }, '---\ntitle: Ferries run # agency headline\ntags: [transport]\n---\nBody\n', { fieldOrder: ['title', 'tags'] }) // => '---\ntitle: Ferries run again # agency headline\ntags: [transport]\n---\nBody\n'
 */
export function writeReportFile(
	next: ReportFile,
	original: string | undefined,
	options: ReportWriteOptions,
): string {
	const data = cleanReportData(next.data);
	const { fieldOrder } = options;
	if (original === undefined) {
		const body = bodyToWrite(next.body, '\n');
		return checked(`---\n${freshYaml(data, fieldOrder, '\n')}---\n${body}`, data, body);
	}
	const eol = lineEndOf(original);
	const parts = fileParts(original);
	const oldBody = parts ? original.slice(parts.bodyStart) : original;
	const written = bodyToWrite(next.body, eol);
	const body = next.body === oldBody || written === oldBody ? oldBody : written;

	if (!parts) {
		if (Object.keys(data).length === 0 && readsAs(body, data, body)) return body;
		// A file that had no frontmatter gets one; a byte-order mark stays at the very start.
		const bom = body.startsWith('\uFEFF') ? '\uFEFF' : '';
		const rest = body.slice(bom.length);
		return checked(
			`${bom}---${eol}${freshYaml(data, fieldOrder, eol)}---${eol}${rest}`,
			data,
			rest,
		);
	}

	const yaml = original.slice(parts.yamlStart, parts.yamlEnd);
	let closing = original.slice(parts.yamlEnd, parts.bodyStart);
	if (body !== '' && !closing.endsWith('\n')) closing += eol;
	const withYaml = (text: string) => original.slice(0, parts.yamlStart) + text + closing + body;
	const before = cleanReportData(readYaml(yaml));
	if (sameValue(before, data) && body === oldBody) return original;
	const edited = sameValue(before, data) ? yaml : editedYaml(yaml, before, data, fieldOrder, eol);
	if (edited !== undefined) {
		const text = withYaml(edited);
		if (readsAs(text, data, body)) return text;
	}
	return checked(withYaml(freshYaml(data, fieldOrder, eol)), data, body);
}
