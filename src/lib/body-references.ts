import type { Element, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { reportBodyFeatures } from './report-body.ts';

/** A link or image in a report body, with the file line it is written on. */
export interface BodyReference {
	kind: 'image' | 'link';
	/** The URL as written (not decoded). */
	url: string;
	/** 1-based line in the report file. */
	line: number;
	/**
	 * How it is written: Markdown `![](…)` / `[](…)`, a reference (`![][ref]` with `[ref]: …`)
	 * or an HTML element. Astro optimises only Markdown images beside the report.
	 */
	form: 'markdown' | 'reference' | 'html';
}

const htmlParser = unified().use(rehypeParse, { fragment: true });

// A body without any of these holds neither a link nor an image: skip the parse.
const MAY_REFERENCE = /\]\(|\]\s*\[|\]:|<[a-z]|https?:|www\./i;

function htmlReferences(html: string, firstLine: number): BodyReference[] {
	const references: BodyReference[] = [];
	const tree = htmlParser.parse(html) as HastRoot;
	const lineOf = (value: string) => {
		const at = html.indexOf(value);
		return firstLine + (at < 0 ? 0 : html.slice(0, at).split('\n').length - 1);
	};
	visit(tree, 'element', (element: Element) => {
		const { href, src, srcSet } = element.properties;
		if (element.tagName === 'a' && typeof href === 'string')
			references.push({ kind: 'link', url: href, line: lineOf(href), form: 'html' });
		if ((element.tagName === 'img' || element.tagName === 'source') && typeof src === 'string') {
			references.push({ kind: 'image', url: src, line: lineOf(src), form: 'html' });
		}
		const candidates = Array.isArray(srcSet)
			? srcSet.join(',')
			: typeof srcSet === 'string'
				? srcSet
				: '';
		for (const candidate of candidates.split(',')) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url) references.push({ kind: 'image', url, line: lineOf(url), form: 'html' });
		}
	});
	return references;
}

/**
 * Every link and image of a Markdown body, as the build's Markdown processor (Sätteri, with
 * the same features) reads it: Markdown links and images, references resolved through their
 * definitions, and `<a href>`, `<img src>` and `srcset` in raw HTML.
 * @example bodyReferences('See ![chart](./chart.png).', 7) // => [{ kind: 'image', url: './chart.png', line: 7, form: 'markdown' }]
 */
export function bodyReferences(markdown: string, firstLine = 1): BodyReference[] {
	if (!MAY_REFERENCE.test(markdown)) return [];
	const tree = markdownToMdast(markdown, { features: reportBodyFeatures }) as MdastRoot;
	const definitions = new Map<string, string>();
	visit(tree, 'definition', (node) => {
		if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
	});
	const references: BodyReference[] = [];
	visit(tree, (node: MdastNodes) => {
		const line = firstLine + (node.position?.start.line ?? 1) - 1;
		if (node.type === 'image' || node.type === 'link') {
			references.push({ kind: node.type, url: node.url, line, form: 'markdown' });
		} else if (node.type === 'imageReference' || node.type === 'linkReference') {
			const url = definitions.get(node.identifier);
			if (url !== undefined)
				references.push({
					kind: node.type === 'imageReference' ? 'image' : 'link',
					url,
					line,
					form: 'reference',
				});
		} else if (node.type === 'html') {
			references.push(...htmlReferences(node.value, line));
		}
	});
	return references;
}
