import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';

/**
 * Editors' YAML (report frontmatter, content/sources.yaml) is a few short fields; more than this
 * is a mistake or an attack, so every reader of it stops here.
 */
export const YAML_LIMITS = { bytes: 64 * 1024, aliases: 50, depth: 8 } as const;

/** A problem in a YAML text, at its file line. */
export interface YamlProblem {
	line: number;
	message: string;
}

/** YAML read with the file line of every key. */
export interface YamlWithLines {
	/**
	 * The document as plain data (YAML 1.2 core schema: timestamps stay text); undefined when it
	 * has a problem, null for an empty document.
	 */
	value: unknown;
	/** 1-based file line of each map key and list item, by dotted path ("title", "image.alt", "tags.1"). */
	lines: Map<string, number>;
	/** The keys of the top-level map in file order, '' for a key that is not plain text. */
	keys: { key: string; line: number }[];
	/** Syntax errors and broken limits. */
	problems: YamlProblem[];
}

/** How {@link readYamlWithLines} names the text in its messages and where the text starts. */
export interface YamlSource {
	/** The file line of the text's first line: 2 for frontmatter after its "---". */
	firstLine: number;
	/** What the text is, for messages: "frontmatter", "the agencies file". */
	name: string;
	/** What to do about a text over the size limit. */
	tooLongAdvice: string;
}

/** How deeply a value nests lists and maps: 0 for a scalar. */
function depthOf(value: unknown, limit: number): number {
	if (typeof value !== 'object' || value === null || limit < 0) return 0;
	let deepest = 0;
	for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit - 1));
	return deepest + 1;
}

function collectLines(
	node: unknown,
	prefix: string,
	lineOf: (offset: number) => number,
	lines: Map<string, number>,
) {
	if (isMap(node)) {
		for (const pair of node.items) {
			if (!isScalar(pair.key)) continue;
			const path = prefix + String(pair.key.value);
			const offset = pair.key.range?.[0];
			if (offset !== undefined) lines.set(path, lineOf(offset));
			collectLines(pair.value, `${path}.`, lineOf, lines);
		}
	} else if (isSeq(node)) {
		// List items by index ("corrections.1"), so a problem in the second one points at it.
		node.items.forEach((item, index) => {
			const path = `${prefix}${index}`;
			const offset = (item as { range?: [number, number, number] } | null)?.range?.[0];
			if (offset !== undefined) lines.set(path, lineOf(offset));
			collectLines(item, `${path}.`, lineOf, lines);
		});
	}
}

/**
 * Parses editors' YAML with the YAML 1.2 core schema (timestamps stay text, so nothing is read
 * as UTC behind the editor's back), duplicate keys refused, within {@link YAML_LIMITS}, keeping
 * the file line of every key for error messages.
 * @example readYamlWithLines('title: Hi', { firstLine: 2, name: 'frontmatter', tooLongAdvice: '' }).lines.get('title') // => 2
 */
export function readYamlWithLines(text: string, source: YamlSource): YamlWithLines {
	const failed = (
		problems: YamlProblem[],
		lines = new Map<string, number>(),
		keys: YamlWithLines['keys'] = [],
	): YamlWithLines => ({ value: undefined, lines, keys, problems });
	if (new TextEncoder().encode(text).length > YAML_LIMITS.bytes)
		return failed([
			{
				line: 1,
				message: `${source.name} is longer than ${YAML_LIMITS.bytes / 1024} KiB; ${source.tooLongAdvice}`,
			},
		]);
	const counter = new LineCounter();
	const document = parseDocument(text, {
		lineCounter: counter,
		schema: 'core',
		uniqueKeys: true,
		prettyErrors: false,
	});
	const lineOf = (offset: number) => counter.linePos(offset).line + source.firstLine - 1;
	const lines = new Map<string, number>();
	const keys: YamlWithLines['keys'] = [];
	if (isMap(document.contents)) {
		collectLines(document.contents, '', lineOf, lines);
		for (const pair of document.contents.items) {
			const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
			keys.push({
				key: isScalar(pair.key) ? String(pair.key.value) : '',
				line: offset === undefined ? source.firstLine : lineOf(offset),
			});
		}
	}
	if (document.errors.length > 0)
		return failed(
			document.errors.map((error) => ({
				line: lineOf(error.pos[0]),
				message: `YAML: ${error.message.split('\n')[0]}`,
			})),
			lines,
			keys,
		);
	let value: unknown;
	try {
		// Aliases that expand into millions of values ("billion laughs") stop here.
		value = document.toJS({ maxAliasCount: YAML_LIMITS.aliases });
	} catch (error) {
		let line = source.firstLine;
		visit(document, {
			Alias(_, node) {
				if (isAlias(node) && node.range) line = lineOf(node.range[0]);
				return visit.BREAK;
			},
		});
		const reason = error instanceof Error ? error.message : String(error);
		return failed(
			[{ line, message: `YAML: ${reason}; ${source.name} needs no aliases (*name)` }],
			lines,
			keys,
		);
	}
	if (depthOf(value, YAML_LIMITS.depth + 1) > YAML_LIMITS.depth) {
		const [deepKey] =
			Object.entries(value as object).find(
				([, child]) => depthOf(child, YAML_LIMITS.depth) >= YAML_LIMITS.depth,
			) ?? [];
		const line = (deepKey !== undefined && lines.get(deepKey)) || source.firstLine;
		return failed(
			[{ line, message: `YAML: lists and maps nest more than ${YAML_LIMITS.depth} levels deep` }],
			lines,
			keys,
		);
	}
	return { value, lines, keys, problems: [] };
}

/**
 * The file line to blame for a problem in `field`: the key's own line, its nearest parent's,
 * or the first line for a field that is missing.
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
