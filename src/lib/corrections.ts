import type { ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { markdownToHast } from 'satteri';
import { unified } from 'unified';
import { hastPlainText } from './excerpt.ts';
import { reportBodyFeatures, rewriteReportBody } from './report-body.ts';

/** A correction as readers see it: on the page, in the feeds and in structured data. */
export interface CorrectionNotice {
	/** When the correction was made. */
	date: Date;
	/** The text as sanitised inline HTML (links, emphasis, code), never a block. */
	html: string;
	/** The same text as plain text, for JSON-LD and for search. */
	text: string;
}

// What a correction may keep of its Markdown: text-level elements only. A notice sits inside a
// paragraph, so a list, heading or quote an editor typed by accident is unwrapped to its words.
const INLINE = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'br',
	'cite',
	'code',
	'del',
	'dfn',
	'em',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strike',
	'strong',
	'sub',
	'sup',
	'time',
	'u',
	'var',
	'wbr',
]);
// Elements whose content is not words a notice should show.
const DROPPED = new Set(['img', 'picture', 'video', 'audio', 'svg', 'math', 'hr', 'input']);

function inlineOnly(nodes: readonly ElementContent[]): ElementContent[] {
	const kept: ElementContent[] = [];
	for (const node of nodes) {
		if (node.type !== 'element') {
			if (node.type === 'text') kept.push(node);
			continue;
		}
		if (DROPPED.has(node.tagName)) continue;
		if (INLINE.has(node.tagName)) {
			kept.push({ ...node, children: inlineOnly(node.children) });
			continue;
		}
		// A block between words: keep its words, apart from the words around it.
		const children = inlineOnly(node.children);
		if (children.length === 0) continue;
		if (kept.length > 0) kept.push({ type: 'text', value: ' ' });
		kept.push(...children);
	}
	return kept;
}

const stringifier = unified().use(rehypeStringify);

/**
 * One correction's text (one paragraph of inline Markdown) as sanitised inline HTML and as plain
 * text. It goes through the sanitiser and link rules of report bodies (report-body.ts), so
 * nothing a body could not carry reaches a page, a feed or structured data.
 * @example correctionContent('The toll is **€4**, not €40.', 'https://news.example.org').html // => 'The toll is <strong>€4</strong>, not €40.'
 */
export function correctionContent(
	markdown: string,
	siteUrl: string,
): { html: string; text: string } {
	const rendered = markdownToHast(markdown.trim(), {
		features: reportBodyFeatures,
		position: false,
	}) as Root;
	const clean = rewriteReportBody(rendered, { siteUrl });
	const root: Root = { type: 'root', children: inlineOnly(clean.children as ElementContent[]) };
	return { html: stringifier.stringify(root).trim(), text: hastPlainText(root) };
}

/**
 * A report's corrections as notices, newest first (corrections of one instant keep the order
 * they were written in).
 * @example correctionNotices([{ date: new Date('2026-11-24'), text: 'Fixed.' }], site.url)[0].html // => 'Fixed.'
 */
export function correctionNotices(
	corrections: readonly { date: Date; text: string }[],
	siteUrl: string,
): CorrectionNotice[] {
	return corrections
		.map((correction) => ({
			date: correction.date,
			...correctionContent(correction.text, siteUrl),
		}))
		.sort((a, b) => b.date.getTime() - a.date.getTime());
}
