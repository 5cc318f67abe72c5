import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { site } from '../src/site.config.ts';
import {
	expectExcerpt,
	pageProse,
	readContent,
	type Content,
	type ExpectedReport,
} from './helpers/content.ts';
import { childrenNamed, decodeXml, parseRawXml, type RawElement } from './helpers/feed-xml.ts';
import { parseFeeds, type ParsedFeed } from './helpers/feeds.ts';
import { listFiles, projectRoot } from './helpers/site.ts';
import { BASIC_BUILD_TIME, SAMPLE_BUILD_TIME } from './setup/build-sites.ts';

// The rules of the W3C Feed Validation Service (github.com/w3c/feedvalidator) that apply to what
// our feeds hold; each test is named after the message ids it checks (feedvalidator/i18n/en.py).

const fixtures = [
	{
		name: 'basic fixture',
		dist: inject('basicDist'),
		content: join(projectRoot, 'tests/fixtures/basic'),
		builtAt: BASIC_BUILD_TIME,
	},
	{
		name: 'sample site',
		dist: inject('sampleDist'),
		content: join(projectRoot, 'content'),
		builtAt: SAMPLE_BUILD_TIME,
	},
];

// Plain text as the RSS Best Practices Profile asks: "&" and "<" only as hexadecimal references.
const HEX_ONLY = /^(?:[^&<]|&#x(?:26|3C|3E);)*$/;
// The validator's rfc2396_full: a scheme, then only these characters.
const FULL_URI = /^[a-zA-Z][0-9a-zA-Z+.-]*:(?:\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/;
// The validator's rfc2822_re, narrowed to the GMT form we write.
const RFC_822 =
	/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
// The validator dates "in the future" from ten minutes on (implausible_822).
const CLOCK_SKEW_MS = 600_000;

interface Feed {
	file: string;
	channel: RawElement;
	items: RawElement[];
}

const first = (element: RawElement, name: string): RawElement | undefined =>
	childrenNamed(element, name)[0];
const text = (element: RawElement | undefined): string => decodeXml(element?.raw ?? '');
const endTags = (value: string): string[] =>
	[...value.matchAll(/<\/(\w+)>/g)].map((match) => match[0]);
const html = (value: string) => load(value, null, false);

describe.each(fixtures)(
	'W3C feed validator rules on the feeds of the $name',
	({ dist, content: contentDir, builtAt }) => {
		let content: Content;
		let feeds: Feed[];
		let parsed: Record<string, ParsedFeed>;
		const prose = new Map<string, string>();

		beforeAll(async () => {
			content = await readContent(contentDir, new Date(builtAt));
			const files = (await listFiles(dist)).filter((file) => file.endsWith('rss.xml'));
			feeds = await Promise.all(
				files.map(async (file) => {
					const channel = first(parseRawXml(await readFile(join(dist, file), 'utf8')), 'channel');
					if (!channel) throw new Error(`${file}: no channel`);
					return { file, channel, items: childrenNamed(channel, 'item') };
				}),
			);
			parsed = await parseFeeds(files.map((file) => join(dist, file)));
			for (const report of content.reports.filter((candidate) => candidate.live))
				prose.set(report.file, await pageProse(dist, report));
		});

		const reportOf = (item: RawElement): ExpectedReport => {
			const link = text(first(item, 'link'));
			const report = content.reports.find((candidate) => candidate.permalink === link);
			if (!report) throw new Error(`no report at ${link}`);
			return report;
		};
		const everyItem = () =>
			feeds.flatMap((feed) =>
				feed.items.map((item) => ({ file: feed.file, item, report: reportOf(item) })),
			);
		const plainText = (item: RawElement) =>
			['title', 'guid', 'dc:creator', 'source', 'category'].flatMap((name) =>
				childrenNamed(item, name),
			);

		test('CharacterData: plain text writes "&" and "<" only as &#x26; and &#x3C;', () => {
			let encoded = 0;
			for (const { file, channel, items } of feeds) {
				const elements = [
					...['title', 'description', 'language'].flatMap((name) => childrenNamed(channel, name)),
					...items.flatMap(plainText),
				];
				// description holds HTML made from text (see NotHtml below); its text is written the same way.
				elements.push(...items.flatMap((item) => childrenNamed(item, 'description')));
				for (const element of elements) {
					expect(element.raw, `${file}: ${element.name}`).toMatch(HEX_ONLY);
					if (/&#x(?:26|3C);/.test(element.raw)) encoded += 1;
				}
			}
			// Both fixtures hold "&" and "<" in agency names and headlines, so the rule is exercised.
			expect(encoded).toBeGreaterThan(0);
		});

		test("ContainsHTML: plain text is the report's own text, so an HTML end tag appears only where the content has one", () => {
			for (const { file, item, report } of everyItem()) {
				expect(
					plainText(item)
						.filter((element) => element.name !== 'guid')
						.map(text),
					file,
				).toEqual([
					report.title,
					report.author ?? report.source.name,
					report.source.name,
					report.section.name,
					...report.tags.map((tag) => tag.name),
				]);
			}
			const own = new Set(
				content.reports.flatMap((report) =>
					endTags(
						[report.title, report.source.name, ...report.tags.map((tag) => tag.name)].join(' '),
					),
				),
			);
			for (const { file, channel } of feeds) {
				for (const name of ['title', 'description'])
					expect(
						endTags(text(first(channel, name))).filter((tag) => !own.has(tag)),
						`${file}: ${name}`,
					).toEqual([]);
			}
		});

		test("NotHtml: an item's description is its excerpt as HTML text, with no markup", () => {
			for (const { file, item, report } of everyItem()) {
				const description = text(first(item, 'description'));
				expect(description, file).not.toContain('<');
				// html5lib, which the validator parses HTML with, accepts these references and no bare "&".
				expect(description.replace(/&(?:amp|lt|gt);/g, ''), file).not.toContain('&');
				expectExcerpt(html(description).text(), report, prose.get(report.file) ?? '');
			}
		});

		test("SecurityRisk, SecurityRiskAttr, DangerousStyleAttr: content:encoded has no on… or style attribute, and a reader's sanitiser keeps every element", () => {
			for (const { file, items } of feeds) {
				const entries = parsed[join(dist, file)]?.entries ?? [];
				expect(entries.length, file).toBe(items.length);
				items.forEach((item, index) => {
					const ours = html(text(first(item, 'content:encoded')));
					const attributes = ours('*')
						.toArray()
						.flatMap((node) => Object.keys(ours(node).attr() ?? {}));
					expect(
						attributes.filter((name) => name.startsWith('on') || name === 'style'),
						file,
					).toEqual([]);
					// feedparser drops what the validator calls unsafe (script, iframe, style, object…).
					const sanitised = html(entries[index]?.content[0] ?? '');
					const tags = ($: ReturnType<typeof html>) =>
						$('*')
							.toArray()
							.map((node) => $(node).prop('tagName'));
					expect(tags(sanitised), file).toEqual(tags(ours));
					expect(tags(ours).length, file).toBeGreaterThan(0);
				});
			}
		});

		test('ContainsRelRef: every link and image in description and content:encoded is absolute', () => {
			let checked = 0;
			for (const { file, item } of everyItem()) {
				for (const name of ['description', 'content:encoded']) {
					const $ = html(text(first(item, name)));
					const refs = [
						...$('a[href]')
							.toArray()
							.map((a) => a.attribs['href']),
						...$('img[src]')
							.toArray()
							.map((img) => img.attribs['src']),
					];
					for (const ref of refs) expect(ref, `${file}: ${name}`).toMatch(/^\w+:/);
					checked += refs.length;
				}
			}
			// Every content:encoded ends with the credit's links.
			expect(checked).toBeGreaterThan(0);
		});

		test('NeedDescriptionBeforeContent: each item has a description before its content:encoded', () => {
			for (const { file, item } of everyItem()) {
				const names = item.children.map((child) => child.name);
				expect(
					names.filter((name) => name === 'description'),
					file,
				).toHaveLength(1);
				expect(names.indexOf('description'), file).toBeLessThan(names.indexOf('content:encoded'));
			}
		});

		test('MissingGuid, InvalidHttpGUID, InvalidPermalink: each item has one guid; isPermaLink="true" only on its own http(s) link', () => {
			for (const { file, item, report } of everyItem()) {
				const guids = childrenNamed(item, 'guid');
				expect(guids, file).toHaveLength(1);
				const guid = text(guids[0]);
				expect(guid, file).toBe(report.guid);
				if (guids[0]?.attributes['isPermaLink'] === 'true') {
					expect(guid, file).toBe(text(first(item, 'link')));
					expect(guid, file).toMatch(/^https?:\/\//);
				} else {
					expect(guids[0]?.attributes['isPermaLink'], file).toBe('false');
					expect(guid, file).not.toBe(report.permalink);
				}
			}
		});

		test('NotSufficientlyUnique, DuplicateValue: no guid is a short number, and none repeats within a feed', () => {
			for (const { file, items } of feeds) {
				const guids = items.map((item) => text(first(item, 'guid')));
				expect(
					guids.filter((guid) => /^\d{1,8}$/.test(guid)),
					file,
				).toEqual([]);
				expect(new Set(guids).size, file).toBe(guids.length);
			}
		});

		test('InvalidRFC2822Date, IncorrectDOW, ImplausibleDate: pubDate and lastBuildDate are RFC 822 dates with the right weekday, not after the build nor before 1990', () => {
			for (const { file, channel, items } of feeds) {
				const dates = [
					...childrenNamed(channel, 'lastBuildDate'),
					...items.flatMap((item) => childrenNamed(item, 'pubDate')),
				].map(text);
				expect(dates.length, file).toBe(items.length + (items.length > 0 ? 1 : 0));
				for (const date of dates) {
					expect(date, file).toMatch(RFC_822);
					expect(new Date(date).toUTCString(), file).toBe(date);
					expect(Date.parse(date), `${file}: ${date}`).toBeLessThanOrEqual(
						Date.parse(builtAt) + CLOCK_SKEW_MS,
					);
					expect(new Date(date).getUTCFullYear(), file).toBeGreaterThanOrEqual(1990);
				}
			}
		});

		test("MissingAtomSelfLink, SelfDoesntMatchLocation: the channel links to itself at the feed's own address", () => {
			for (const { file, channel } of feeds) {
				const self = childrenNamed(channel, 'atom:link').filter(
					(link) => link.attributes['rel'] === 'self',
				);
				expect(
					self.map((link) => link.attributes),
					file,
				).toEqual([{ href: `${site.url}/${file}`, rel: 'self', type: 'application/rss+xml' }]);
			}
		});

		test("InvalidFullLink: every link, permalink guid, source and atom:link address is a full URI in the validator's character set", () => {
			for (const { file, channel, items } of feeds) {
				const links = [channel, ...items].flatMap((element) => [
					...childrenNamed(element, 'link').map(text),
					...childrenNamed(element, 'atom:link').map((link) =>
						decodeXml(link.attributes['href'] ?? ''),
					),
				]);
				for (const item of items) {
					const guid = first(item, 'guid');
					if (guid?.attributes['isPermaLink'] === 'true') links.push(text(guid));
					links.push(decodeXml(first(item, 'source')?.attributes['url'] ?? ''));
				}
				for (const link of links) expect(link, file).toMatch(FULL_URI);
			}
		});

		test('MissingTitle, MissingLink, MissingDescription, MissingDCLanguage, NotBlank: the channel has them; no title or category is blank', () => {
			for (const { file, channel, items } of feeds) {
				for (const name of ['title', 'link', 'description', 'language'])
					expect(childrenNamed(channel, name).map(text), `${file}: ${name}`).toEqual([
						expect.stringMatching(/\S/),
					]);
				for (const element of items.flatMap((item) => [
					...childrenNamed(item, 'title'),
					...childrenNamed(item, 'category'),
				])) {
					expect(text(element).trim(), file).not.toBe('');
				}
			}
		});

		test('DuplicateItemSemantics: an item names its creator once, as dc:creator and not also as author', () => {
			for (const { file, item } of everyItem()) {
				expect(childrenNamed(item, 'dc:creator'), file).toHaveLength(1);
				expect(childrenNamed(item, 'author'), file).toHaveLength(0);
			}
		});
	},
);
