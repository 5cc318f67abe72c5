import type { Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { HastPluginDefinition } from 'satteri';
import { visit } from 'unist-util-visit';
import { hastPlainText } from './excerpt.ts';

/**
 * Where the plugin leaves the plain text of a body for the report loader: a render through
 * Astro hands back only the HTML and the processor's frontmatter, so the frontmatter carries it
 * until the loader takes it out ({@link takeBodyText}).
 */
const BODY_TEXT_KEY = 'wiredeskBodyText';
/**
 * Enough text for any excerpt (about 100 characters, cut after the word that crosses them),
 * without storing whole bodies twice: Astro reads, writes and parses its whole store on every
 * build, and at 600 characters this text was a third of it.
 */
const BODY_TEXT_LENGTH = 300;

/** Prefix the sanitiser puts on ids from report bodies so they cannot clobber page globals. */
export const CLOBBER_PREFIX = 'user-content-';

/**
 * The allowlist for report bodies: GitHub's (hast-util-sanitize's default), which drops
 * `<script>`, `<style>`, `<iframe>`, `on*=` handlers, and every URL scheme but http(s),
 * mailto and relative ones. Agencies' copy is untrusted text.
 */
export const reportBodySchema: Schema = {
	...defaultSchema,
	// GitHub's list strips only <script> with its content; a dropped <style> or <template>
	// would leave its CSS or markup on the page as visible text.
	strip: ['script', 'style', 'template'],
	clobberPrefix: CLOBBER_PREFIX,
	protocols: {
		...defaultSchema.protocols,
		// GitHub also allows irc and xmpp; a newsroom page links the web and e-mail only.
		href: ['http', 'https', 'mailto'],
		cite: ['http', 'https'],
		src: ['http', 'https'],
		longDesc: ['http', 'https'],
	},
};

/** Options for {@link rewriteReportBody}. */
export interface ReportBodyOptions {
	/** The site's origin, e.g. "https://news.example.org"; links elsewhere are external. */
	siteUrl: string;
}

/**
 * Sanitises a rendered report body and applies the site's link rules: in-page links follow
 * their prefixed targets, and links to other sites get `rel="external noopener"`.
 * Returns a new tree.
 */
export function rewriteReportBody(tree: Root, { siteUrl }: ReportBodyOptions): Root {
	const clean = sanitize(tree, reportBodySchema) as Root;
	const ids = new Set<string>();
	visit(clean, 'element', (element) => {
		if (typeof element.properties['id'] === 'string') ids.add(element.properties['id']);
	});
	const siteHost = new URL(siteUrl).host;
	visit(clean, 'element', (element) => {
		if (element.tagName !== 'a') return;
		const href = element.properties['href'];
		if (typeof href !== 'string') return;
		// Footnote links point at ids the sanitiser has just prefixed.
		if (href.startsWith('#') && ids.has(CLOBBER_PREFIX + href.slice(1))) {
			element.properties['href'] = `#${CLOBBER_PREFIX}${href.slice(1)}`;
		} else if (
			/^https?:\/\//i.test(href) &&
			URL.canParse(href) &&
			new URL(href).host !== siteHost
		) {
			element.properties['rel'] = ['external', 'noopener'];
		}
	});
	return clean;
}

/**
 * The Sätteri hast plugin that runs {@link rewriteReportBody} on every Markdown body Astro
 * renders. Sätteri has no sanitiser of its own, so this is what keeps agency copy safe.
 */
export function reportBodyPlugin(options: ReportBodyOptions): HastPluginDefinition {
	return {
		name: 'wiredesk-report-body',
		after(root, context) {
			const clean = rewriteReportBody(root as Root, options);
			const astro = context.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
			if (astro?.frontmatter)
				astro.frontmatter[BODY_TEXT_KEY] = hastPlainText(clean).slice(0, BODY_TEXT_LENGTH);
			context.replaceNode(root, clean);
		},
	};
}

/**
 * The start of a rendered body as plain text, taken out of the frontmatter where
 * {@link reportBodyPlugin} left it, and the frontmatter without it. The text is `undefined` when
 * the plugin did not run on this render (it is missing from `markdown.processor`).
 */
export function takeBodyText(frontmatter: Record<string, unknown>): {
	bodyText: string | undefined;
	frontmatter: Record<string, unknown>;
} {
	const { [BODY_TEXT_KEY]: bodyText, ...rest } = frontmatter;
	return { bodyText: typeof bodyText === 'string' ? bodyText : undefined, frontmatter: rest };
}

/**
 * Sätteri features the report body needs: raw HTML parsed into elements (so the sanitiser
 * sees real tags), and unprefixed footnote ids (the sanitiser prefixes every id once).
 */
export const reportBodyFeatures = {
	rawHtml: true,
	gfm: { footnotes: { clobberPrefix: '' } },
} as const;
