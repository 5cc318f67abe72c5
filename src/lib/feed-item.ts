import { parseFeed } from '@rowanmanning/feed-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { resolveUrl } from './resolve-url.ts';

type ParsedItem = ReturnType<typeof parseFeed>['items'][number];
type XmlElement = ParsedItem['element'];

const MEDIA_RSS = new Set(['http://search.yahoo.com/mrss/', 'https://search.yahoo.com/mrss/']);

/** Some HTML of a feed item and the absolute address its relative links resolve against. */
export interface ItemHtml {
	html: string;
	base: string | undefined;
}

/** An image the feed attaches to an item (media:content, enclosure or media:thumbnail). */
export interface ItemImage {
	/** Absolute when the feed gave enough to resolve it; else as written. */
	url: string;
	/** Its media:description (or media:title), plain text; undefined when the feed has none. */
	description: string | undefined;
}

/** One feed item with every address resolved as far as the feed allows. */
export interface FeedItem {
	/** The headline as plain text ('' when the item has none). */
	title: string;
	/** The original report: absolute when it could be resolved, else as written, else undefined. */
	link: string | undefined;
	published: Date | undefined;
	/** The full text (content:encoded, atom:content); undefined when the item has none. */
	content: ItemHtml | undefined;
	/** The description or summary. */
	description: ItemHtml | undefined;
	/** The item's own dc:creator or author names (never the feed's). */
	authors: string[];
	image: ItemImage | undefined;
}

/** Thrown when a text is not a readable RSS or Atom feed; the message says why. */
export class FeedReadError extends Error {}

/**
 * The xml:base in force on an element, per XML Base: each xml:base from the root down resolves
 * against the one above it, the outermost against the document's own address.
 */
function xmlBaseOf(
	element: XmlElement | null,
	documentUrl: string | undefined,
): string | undefined {
	const chain: string[] = [];
	for (let node = element; node; node = node.parent) {
		const value = node.attributes['xml:base'];
		if (value !== undefined && value.trim() !== '') chain.unshift(value);
	}
	if (chain.length === 0) return undefined;
	let base = documentUrl;
	for (const value of chain) base = resolveUrl(value, base) ?? base;
	return base;
}

/** The first absolute http(s) address: xml:base, then the item's link, then the feed's address. */
function firstHttpBase(...candidates: (string | undefined)[]): string | undefined {
	return candidates.find(
		(candidate) => candidate !== undefined && /^https?:\/\/[^/]/i.test(candidate),
	);
}

const isMedia = (element: XmlElement) =>
	element.namespaceUri !== null && MEDIA_RSS.has(element.namespaceUri);
const children = (element: XmlElement, name: string) => element.findElementsWithName(name);
const mediaChild = (element: XmlElement | null, name: string) =>
	element ? children(element, name).find(isMedia) : undefined;
const isImageType = (element: XmlElement) =>
	element.getAttribute('medium')?.toLowerCase() === 'image' ||
	(element.getAttribute('type') ?? '').toLowerCase().startsWith('image/');

/** The body element for atom:content: the first `content` that is not media:content. */
function atomContent(entry: XmlElement): XmlElement | undefined {
	return children(entry, 'content').find((element) => !isMedia(element));
}

function htmlOf(
	element: XmlElement | undefined,
	read: (element: XmlElement) => string | null,
	base: (element: XmlElement) => string | undefined,
): ItemHtml | undefined {
	if (!element) return undefined;
	const html = read(element)?.trim();
	return html ? { html, base: base(element) } : undefined;
}

/** Atom text constructs: xhtml is a div of markup, "text" is literal text, anything else HTML. */
function atomText(element: XmlElement): string | null {
	const type = (element.getAttribute('type') ?? '').toLowerCase();
	const div = element.findElementWithName('div');
	if (type === 'xhtml' && div) return div.innerHtml;
	const text = element.textContentNormalized;
	// An omitted type means text in the spec, but agencies leave it off HTML too; only an
	// explicit type="text" is taken as literal text.
	if (type === 'text')
		return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return text;
}

function leadImage(
	item: XmlElement,
	baseOf: (element: XmlElement) => string | undefined,
): ItemImage | undefined {
	const describe = (...elements: (XmlElement | null | undefined)[]) => {
		for (const element of elements) {
			const text = (
				mediaChild(element ?? null, 'description') ?? mediaChild(element ?? null, 'title')
			)?.textContentNormalized.trim();
			if (text) return text;
		}
		return undefined;
	};
	const image = (
		element: XmlElement,
		attribute: string,
		description: string | undefined,
	): ItemImage | undefined => {
		const written = element.getAttribute(attribute)?.trim();
		return written
			? { url: resolveUrl(written, baseOf(element)) ?? written, description }
			: undefined;
	};
	const groups = children(item, 'group').filter(isMedia);
	for (const content of [
		...children(item, 'content'),
		...groups.flatMap((group) => children(group, 'content')),
	]) {
		if (isMedia(content) && isImageType(content)) {
			const found = image(content, 'url', describe(content, content.parent, item));
			if (found) return found;
		}
	}
	for (const enclosure of children(item, 'enclosure')) {
		if (isImageType(enclosure)) return image(enclosure, 'url', describe(item));
	}
	for (const link of children(item, 'link')) {
		if (link.getAttribute('rel') === 'enclosure' && isImageType(link))
			return image(link, 'href', describe(item));
	}
	for (const parent of [item, ...groups, ...children(item, 'content').filter(isMedia)]) {
		const thumbnail = mediaChild(parent, 'thumbnail');
		if (thumbnail) return image(thumbnail, 'url', describe(parent, item));
	}
	return undefined;
}

function readItem(item: ParsedItem, feedUrl: string | undefined): FeedItem {
	const element = item.element;
	const itemBase = xmlBaseOf(element, feedUrl);
	const link =
		item.url === null
			? undefined
			: (resolveUrl(item.url, firstHttpBase(itemBase, feedUrl)) ?? item.url);
	const baseOf = (node: XmlElement) => firstHttpBase(xmlBaseOf(node, feedUrl), link, feedUrl);
	const atom = element.name === 'entry';
	const content = atom
		? htmlOf(atomContent(element), atomText, baseOf)
		: htmlOf(
				children(element, 'encoded').find((node) => node.namespace === 'content'),
				() => item.content,
				baseOf,
			);
	const description = atom
		? htmlOf(element.findElementWithName('summary') ?? undefined, atomText, baseOf)
		: htmlOf(
				element.findElementWithName('description') ?? undefined,
				() => item.description,
				baseOf,
			);
	const hasOwnAuthor = ['author', 'creator'].some((name) => children(element, name).length > 0);
	const authors = hasOwnAuthor
		? item.authors.flatMap((author) => (author.name?.trim() ? [author.name.trim()] : []))
		: [];
	return {
		title: (item.title ?? '').replace(/\s+/g, ' ').trim(),
		link,
		published: item.published ?? item.updated ?? undefined,
		content,
		description,
		authors,
		image: leadImage(element, baseOf),
	};
}

/**
 * The items of an RSS 2.0, RSS 1.0 or Atom feed, read with `@rowanmanning/feed-parser`, plus
 * what it leaves out: xml:base (on the feed, the item and the content element), the body's
 * base address and the item's lead image. `feedUrl` is where the feed was read from, the last
 * resort for relative addresses. Throws {@link FeedReadError} on text that is not a feed.
 */
export function readFeedItems(xml: string, feedUrl?: string): FeedItem[] {
	const text = xml.replace(/^\uFEFF/, '');
	try {
		SyntaxValidator.validate(text);
	} catch (error) {
		const { message: reason = String(error), line = 1 } = error as {
			message?: string;
			line?: number;
		};
		// fast-xml-validator names elements left open as a JSON list; say it in words.
		const open = /^Invalid '\[(.*)\]' found/s
			.exec(reason)?.[1]
			?.replace(/[\s"]+/g, '')
			.split(',');
		const message = open
			? `elements never closed: ${open.join(' > ')} (is the feed cut short?)`
			: reason;
		throw new FeedReadError(`not well-formed XML (line ${line}): ${message}`);
	}
	let items: ParsedItem[];
	try {
		items = parseFeed(text).items;
	} catch (error) {
		throw new FeedReadError(
			`not an RSS or Atom feed: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
	return items.map((item) => readItem(item, feedUrl));
}
