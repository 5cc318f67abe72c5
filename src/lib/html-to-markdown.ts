import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { reportBodySchema } from './report-body.ts';

const processor = unified()
	.use(rehypeParse, { fragment: true })
	// The site's own allowlist: what cannot be published is not written into a report file.
	.use(rehypeSanitize, reportBodySchema)
	.use(rehypeRemark)
	.use(remarkGfm)
	.use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' });

/**
 * An agency's HTML (a feed item's content) as Markdown for a report body, sanitised with the
 * same allowlist the site renders with: no scripts, handlers or javascript: links.
 * @example htmlToMarkdown('<p>A <b>bold</b> move<script>x()</script></p>') // => 'A **bold** move\n'
 */
export function htmlToMarkdown(html: string): string {
	return String(processor.processSync(html));
}
