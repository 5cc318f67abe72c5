import { isoWithOffset } from './dates.ts';
import { cutAtWord, plainText } from './excerpt.ts';
import type { FeedItem } from './feed-item.ts';
import { htmlToReportBody } from './html-to-markdown.ts';
import { headlineSlug, newReportId, reportFilePath, reportMarkdown } from './new-report.ts';
import { resolveHttpUrl, shortUrl } from './resolve-url.ts';

/** Longest summary taken from an item's description. */
const SUMMARY_LENGTH = 300;
/** Longest alt text taken from a description: a sentence or two a screen reader reads out. */
const ALT_LENGTH = 200;
/** Longest headline made from a body when the item has no title. */
const TITLE_LENGTH = 90;

/** What turning a feed item into a draft needs to know. */
export interface DraftContext {
	/** The agency: its slug (for the id) and its name (credited in `source` and the image). */
	source: { slug: string; name: string };
	section: string;
	/** Write `section:` into the frontmatter (not needed for the default section). */
	namesSection: boolean;
	timeZone: string;
	/** The date of an item that has none. */
	now: Date;
	/** The random part of the new report's id. */
	random: string;
	/** Whether a report file at this path would take an address another report has. */
	addressTaken: (path: string) => boolean;
}

/** A draft report file made from a feed item. */
export interface Draft {
	/** Where it goes, e.g. "content/wire/2026/11/ferries-run.md". */
	path: string;
	title: string;
	url: string;
	text: string;
	/** What was left out (links, images), one line each, for the ingest's output. */
	notes: string[];
}

/** A draft, or why the item cannot become one. */
export type DraftOutcome = { ok: true; draft: Draft } | { ok: false; reason: string };

function leadImage(
	item: FeedItem,
	title: string,
	description: string,
	credit: string,
	notes: string[],
) {
	if (!item.image) return undefined;
	const src = resolveHttpUrl(item.image.url);
	if (src === undefined) {
		notes.push(
			`dropped the lead image ${shortUrl(item.image.url)}: not an absolute http(s) address`,
		);
		return undefined;
	}
	// The schema requires alt text; the headline describes the story's picture better than nothing.
	const alt = item.image.description ?? (description ? cutAtWord(description, ALT_LENGTH) : title);
	return { src, alt, credit };
}

/**
 * A draft report from one feed item: title, url, date, summary, author, lead image credited to
 * the agency, and the item's HTML as sanitised Markdown with every link and image absolute
 * http(s). The file name is the headline's slug, made unique with -2, -3… .
 * @example draftOfItem({ title: 'Ports reopen', link: 'https://a.example/1', … }, context) // => { ok: true, draft: { path: 'content/wire/2026/11/ports-reopen.md', … } }
 */
export function draftOfItem(item: FeedItem, context: DraftContext): DraftOutcome {
	const url = item.link === undefined ? undefined : resolveHttpUrl(item.link);
	if (url === undefined) {
		return {
			ok: false,
			reason:
				item.link === undefined
					? 'no link to the original report'
					: `its link ${shortUrl(item.link)} is not an absolute http(s) address`,
		};
	}
	const notes: string[] = [];
	const convert = (html: { html: string; base: string | undefined }) => {
		const converted = htmlToReportBody(html.html, { base: html.base });
		for (const dropped of converted.dropped)
			notes.push(
				`dropped ${dropped.kind === 'link' ? 'the link' : 'the image'} ${dropped.url}: ${dropped.reason}`,
			);
		return converted.markdown;
	};
	const main = item.content ?? item.description;
	const body = main ? convert(main) : '';
	const describedAs = item.description
		? plainText(htmlToReportBody(item.description.html, { base: item.description.base }).markdown)
		: '';
	const summary = item.content && describedAs ? cutAtWord(describedAs, SUMMARY_LENGTH) : '';
	const title = item.title || cutAtWord(plainText(body), TITLE_LENGTH) || url;
	const date = item.published ?? context.now;
	const id = newReportId(context.source.slug, date, context.timeZone, context.random);
	const stem = headlineSlug(title) ?? id;
	const pathOf = (slug: string) => reportFilePath(context.section, date, context.timeZone, slug);
	let path = pathOf(stem);
	for (let n = 2; context.addressTaken(path); n += 1) path = pathOf(`${stem}-${n}`);
	const image = leadImage(item, title, describedAs, context.source.name, notes);
	const frontmatter = {
		title,
		source: context.source.name,
		url,
		date: isoWithOffset(date, context.timeZone),
		...(summary ? { summary } : {}),
		...(context.namesSection ? { section: context.section } : {}),
		...(item.authors.length > 0 ? { author: item.authors.join(', ') } : {}),
		...(image ? { image } : {}),
		draft: true,
		id,
	};
	return {
		ok: true,
		draft: { path, title, url, text: reportMarkdown(frontmatter, body || '\n'), notes },
	};
}
