import type { Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

// Nodes whose text a reader never sees as prose: markup, link targets, notes, code blocks.
const SKIPPED = new Set([
	'html',
	'image',
	'imageReference',
	'footnoteReference',
	'footnoteDefinition',
	'definition',
	'code',
	'yaml',
]);
const BLOCKS = new Set([
	'paragraph',
	'heading',
	'blockquote',
	'listItem',
	'tableCell',
	'tableRow',
	'list',
	'table',
]);
const RAW_BLOCK_OPEN = /^<(script|style|template|iframe|noscript)\b[^>]*>$/i;

function collect(node: Nodes, parts: string[]): void {
	if (SKIPPED.has(node.type)) return;
	if (node.type === 'text' || node.type === 'inlineCode') {
		parts.push(node.value);
		return;
	}
	if (node.type === 'break') {
		parts.push(' ');
		return;
	}
	if ('children' in node) {
		let skipUntil: string | undefined;
		for (const child of node.children as Nodes[]) {
			// Inline raw HTML splits `<script>x</script>` into three nodes; drop what is between.
			if (child.type === 'html') {
				const open = RAW_BLOCK_OPEN.exec(child.value.trim());
				if (skipUntil && child.value.trim().toLowerCase() === `</${skipUntil}>`)
					skipUntil = undefined;
				else if (open?.[1] && !skipUntil) skipUntil = open[1].toLowerCase();
				continue;
			}
			if (skipUntil) continue;
			collect(child, parts);
		}
	}
	if (BLOCKS.has(node.type)) parts.push(' ');
}

/**
 * A report body as the plain text a reader sees: no Markdown syntax, HTML, link URLs or
 * footnote marks; whitespace collapsed.
 * @example plainText('A [link](https://x.example) and <b>bold</b>.') // => 'A link and bold.'
 */
export function plainText(markdown: string): string {
	const tree = parser.parse(markdown) as Root;
	const parts: string[] = [];
	collect(tree, parts);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

const HAST_SKIPPED = new Set([
	'pre',
	'script',
	'style',
	'template',
	'img',
	'svg',
	'math',
	'iframe',
]);
const HAST_BLOCKS = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'blockquote',
	'td',
	'th',
	'tr',
	'div',
	'section',
	'ul',
	'ol',
	'table',
	'figure',
	'figcaption',
	'dd',
	'dt',
	'br',
	'hr',
]);

function collectHast(node: HastNodes, parts: string[]): void {
	if (node.type === 'text') {
		parts.push(node.value);
		return;
	}
	if (node.type === 'element') {
		// Code blocks, media, the footnotes section and footnote marks are not prose.
		if (
			HAST_SKIPPED.has(node.tagName) ||
			node.properties['dataFootnotes'] !== undefined ||
			node.properties['dataFootnoteRef'] !== undefined
		)
			return;
	}
	if ('children' in node) for (const child of node.children) collectHast(child as HastNodes, parts);
	if (node.type === 'element' && HAST_BLOCKS.has(node.tagName)) parts.push(' ');
}

/**
 * A rendered body (hast) as the plain text a reader sees, the same text {@link plainText} gives
 * for its Markdown. Used while rendering, so the excerpt costs nothing more per build.
 */
export function hastPlainText(tree: HastNodes): string {
	const parts: string[] = [];
	collectHast(tree, parts);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
	let segmenter = segmenters.get(lang);
	if (!segmenter) {
		segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
		segmenters.set(lang, segmenter);
	}
	return segmenter;
}

// Punctuation that reads badly right before "…".
const TRAILING = /[\s,;:\-–—([{"'«‹“‘،؛]+$/u;

/**
 * Cuts text to about `limit` characters at a word boundary and adds "…"; text that fits
 * is returned whole. Never cuts inside a word, a surrogate pair or a grapheme. A first word
 * longer than the limit is kept whole.
 * @example cutAtWord('The port reopened after a two-day strike', 20) // => 'The port reopened…'
 */
export function cutAtWord(text: string, limit = 100, lang = 'en'): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= limit) return clean;
	let cut = 0;
	for (const segment of wordSegmenter(lang).segment(clean)) {
		const end = segment.index + segment.segment.length;
		if (end > limit) {
			if (cut === 0) cut = end;
			break;
		}
		if (segment.isWordLike) cut = end;
	}
	const head = clean.slice(0, cut).replace(TRAILING, '');
	return `${head}…`;
}

/** What a report's excerpt is made of. */
export interface ExcerptSource {
	summary?: string | undefined;
	title: string;
	/** The start of the rendered body as the plain text a reader sees (see report-body.ts). */
	bodyText: string;
}

/**
 * The excerpt of a report: its summary as the editor wrote it, else its body text cut to about
 * `limit` characters at a word; the headline for a report whose body has no text at all.
 * @example excerptOf({ bodyText: 'Ferries run again.', title: 'Ferries' }) // => 'Ferries run again.'
 */
export function excerptOf(report: ExcerptSource, limit = 100, lang = 'en'): string {
	const summary = report.summary?.replace(/\s+/g, ' ').trim();
	if (summary) return summary;
	return cutAtWord(report.bodyText, limit, lang) || report.title;
}
