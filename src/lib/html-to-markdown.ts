import type { Element, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { reportBodySchema } from './report-body.ts';
import {
	largestCandidate,
	parseSrcset,
	resolveHttpUrl,
	resolveUrl,
	shortUrl,
} from './resolve-url.ts';

const parser = unified().use(rehypeParse, { fragment: true });
const toMarkdown = unified()
	.use(rehypeRemark)
	.use(remarkGfm)
	.use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' });

/** A link or image left out of an ingested body, and why. */
export interface DroppedUrl {
	kind: 'link' | 'image';
	/** The address as the feed wrote it (shortened). */
	url: string;
	reason: string;
}

/** A feed item's HTML as a report body, with the links and images that could not be kept. */
export interface ConvertedHtml {
	markdown: string;
	dropped: DroppedUrl[];
}

/** Options for {@link htmlToReportBody}. */
export interface HtmlToMarkdownOptions {
	/** The absolute address relative links and images are resolved against; none: they are dropped. */
	base?: string | undefined;
}

function why(value: string, base: string | undefined): string {
	const resolved = resolveUrl(value, base);
	if (resolved === undefined)
		return base === undefined
			? 'a relative address with nothing to resolve it against'
			: 'not a readable address';
	const url = new URL(resolved);
	if (url.username !== '' || url.password !== '') return 'carries a user name or password';
	return `not an http(s) address (${url.protocol})`;
}

/** Makes every link and image absolute http(s); unwraps links and removes images that cannot be. */
function absolutise(parent: Root | Element, base: string | undefined, dropped: DroppedUrl[]): void {
	const children: RootContent[] = [];
	for (const child of parent.children) {
		if (child.type !== 'element') {
			children.push(child);
			continue;
		}
		if (child.tagName === 'img') {
			const srcset =
				typeof child.properties['srcSet'] === 'string'
					? parseSrcset(child.properties['srcSet'])
					: [];
			const given =
				typeof child.properties['src'] === 'string' && child.properties['src'].trim() !== ''
					? child.properties['src']
					: largestCandidate(srcset)?.url;
			const src = given === undefined ? undefined : resolveHttpUrl(given, base);
			if (src === undefined) {
				dropped.push({
					kind: 'image',
					url: shortUrl(given ?? '(no src)'),
					reason: given === undefined ? 'has no address' : why(given, base),
				});
				continue;
			}
			child.properties['src'] = src;
			const kept = srcset.flatMap(({ url, descriptor }) => {
				const absolute = resolveHttpUrl(url, base);
				return absolute === undefined ? [] : [descriptor ? `${absolute} ${descriptor}` : absolute];
			});
			if (kept.length > 0) child.properties['srcSet'] = kept.join(', ');
			else delete child.properties['srcSet'];
		}
		if (child.tagName === 'a' && child.properties['href'] !== undefined) {
			const given = String(child.properties['href']);
			const href = resolveHttpUrl(given, base);
			if (href === undefined) {
				dropped.push({ kind: 'link', url: shortUrl(given), reason: why(given, base) });
				absolutise(child, base, dropped);
				children.push(...child.children);
				continue;
			}
			child.properties['href'] = href;
		}
		absolutise(child, base, dropped);
		children.push(child);
	}
	parent.children = children as typeof parent.children;
}

/** After the sanitiser: a link without an address becomes its text, an image without one goes. */
function tidy(parent: Root | Element): void {
	const children: RootContent[] = [];
	for (const child of parent.children) {
		if (child.type === 'element') {
			tidy(child);
			if (child.tagName === 'img' && typeof child.properties['src'] !== 'string') continue;
			if (child.tagName === 'a' && typeof child.properties['href'] !== 'string') {
				children.push(...child.children);
				continue;
			}
		}
		children.push(child);
	}
	parent.children = children as typeof parent.children;
}

/**
 * An agency's HTML as a report body: relative links and images resolved against `base`, then
 * sanitised with the site's own allowlist (no scripts, styles, handlers or javascript: links),
 * then Markdown. Every link and image left is absolute http(s); the others are listed.
 * @example htmlToReportBody('<p><img src="x.png" alt="Port"></p>', { base: 'https://a.example/news/' }).markdown // => '![Port](https://a.example/news/x.png)\n'
 */
export function htmlToReportBody(
	html: string,
	{ base }: HtmlToMarkdownOptions = {},
): ConvertedHtml {
	const tree = parser.parse(html);
	const dropped: DroppedUrl[] = [];
	absolutise(tree, base, dropped);
	// The site's allowlist: what cannot be published is not written into a report file.
	const clean = sanitize(tree, reportBodySchema) as Root;
	tidy(clean);
	const markdown = toMarkdown.stringify(toMarkdown.runSync(clean));
	return { markdown, dropped };
}

/**
 * An agency's HTML (a feed item's content) as Markdown for a report body, sanitised with the
 * same allowlist the site renders with: no scripts, handlers or javascript: links.
 * @example htmlToMarkdown('<p>A <b>bold</b> move<script>x()</script></p>') // => 'A **bold** move\n'
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
	return htmlToReportBody(html, options).markdown;
}
