import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { site } from '../src/site.config.ts';
import {
	expectExcerpt,
	htmlText,
	pageBody,
	pageCorrections,
	pageProse,
	readContent,
	type Content,
	type ExpectedReport,
} from './helpers/content.ts';
import { parseFeeds, readWithNewsboat, xmllint, type ParsedFeed } from './helpers/feeds.ts';
import { listFiles, projectRoot } from './helpers/site.ts';
import { BASIC_BUILD_TIME, SAMPLE_BUILD_TIME } from './setup/build-sites.ts';

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

describe.each(fixtures)('feeds of the $name', ({ dist, content: contentDir, builtAt }) => {
	let content: Content;
	let feeds: Record<string, ParsedFeed>;
	let files: string[];
	// Each published report's body as its page shows it: whole, and its prose alone; and the
	// correction notices above it.
	const bodies = new Map<string, string>();
	const prose = new Map<string, string>();
	const corrections = new Map<string, string>();

	beforeAll(async () => {
		content = await readContent(contentDir, new Date(builtAt));
		files = (await listFiles(dist)).filter((file) => file.endsWith('rss.xml'));
		feeds = await parseFeeds(files.map((file) => join(dist, file)));
		for (const report of content.reports.filter((candidate) => candidate.live)) {
			bodies.set(report.file, await pageBody(dist, report));
			prose.set(report.file, await pageProse(dist, report));
			corrections.set(report.file, await pageCorrections(dist, report));
		}
	});

	const reportAt = (link: string): ExpectedReport => {
		const report = content.reports.find((candidate) => candidate.permalink === link);
		if (!report) throw new Error(`no report at ${link}`);
		return report;
	};

	const feed = (file: string): ParsedFeed => {
		const parsed = feeds[join(dist, file)];
		if (!parsed) throw new Error(`no feed ${file}`);
		return parsed;
	};

	test('there is a feed for the site, each section, each agency and each tag', () => {
		const live = content.reports.filter((report) => report.live);
		const expected = [
			'rss.xml',
			...site.sections.map((section) => `${section.slug}/rss.xml`),
			...new Set(live.map((report) => `sources/${report.source.slug}/rss.xml`)),
			...new Set(live.flatMap((report) => report.tags.map((tag) => `tags/${tag.slug}/rss.xml`))),
		];
		expect(files.sort()).toEqual([...new Set(expected)].sort());
	});

	test('every XML file is well-formed (xmllint)', async () => {
		const xml = (await listFiles(dist))
			.filter((file) => /\.(xml|xsl)$/.test(file))
			.map((file) => join(dist, file));
		expect(xml.length).toBeGreaterThan(4);
		expect(await xmllint(xml)).toBe('');
	});

	test('feedparser reads every feed without errors, with the channel metadata', () => {
		for (const file of files) {
			const parsed = feed(file);
			expect(parsed.bozo, `${file}: ${parsed.bozo_exception}`).toBe(false);
			expect(parsed.version).toBe('rss20');
			expect(parsed.language).toBe(site.locale.toLowerCase());
			expect(parsed.links).toContainEqual({ rel: 'self', href: `${site.url}/${file}` });
			// lastBuildDate is the newest item's last change, so an unchanged feed stays byte-identical.
			const newest = parsed.entries[0];
			if (newest)
				expect(parsed.updated).toBe(
					Math.floor(reportAt(newest.link).lastModified.getTime() / 1000),
				);
		}
	});

	test('the site feed holds the newest 50 reports, each exactly as in the content', () => {
		const parsed = feed('rss.xml');
		const expected = content.reports.filter((report) => report.live).slice(0, site.feedSize);
		expect(parsed.entries.map((entry) => entry.title)).toEqual(
			expected.map((report) => report.title),
		);
		parsed.entries.forEach((entry, index) => {
			const report = expected[index];
			if (!report) throw new Error('missing report');
			expect(entry.link).toBe(report.permalink);
			expect(entry.id).toBe(report.guid);
			expect(entry.published).toBe(Math.floor(report.date.getTime() / 1000));
			expect(entry.tags).toEqual([report.section.name, ...report.tags.map((tag) => tag.name)]);
			expect(entry.source).toEqual({
				title: report.source.name,
				href: report.source.feed ?? report.source.homepage,
			});
			expect(entry.author).toBe(report.author ?? report.source.name);
			expect(entry.links).toContainEqual({ rel: 'via', href: report.url });
			// description holds HTML in RSS 2.0: a reader shows its text, which is the excerpt.
			expectExcerpt(load(entry.summary, null, false).text(), report, prose.get(report.file) ?? '');
		});
	});

	test("newsboat reads every feed as feedparser does, each item's title and creator as in the content", async () => {
		const cache = await readWithNewsboat(files.map((file) => join(dist, file)));
		expect(cache.errors).toEqual([]);
		expect(new Map(cache.feeds.map((read) => [read.url, read.title]))).toEqual(
			new Map(files.map((file) => [pathToFileURL(join(dist, file)).href, feed(file).title])),
		);
		const published = content.reports.filter(
			(report) =>
				report.live &&
				files.some((file) => feed(file).entries.some((entry) => entry.id === report.guid)),
		);
		expect(cache.items.map((item) => [item.guid, item.title, item.author]).sort()).toEqual(
			published
				.map((report) => [report.guid, report.title, report.author ?? report.source.name])
				.sort(),
		);
	});

	test('each list feed holds that list, newest first', () => {
		for (const file of files.filter((name) => name !== 'rss.xml')) {
			const [kind, slug] = file.split('/');
			const list = content.reports.filter(
				(report) =>
					report.live &&
					(kind === 'sources'
						? report.source.slug === slug
						: kind === 'tags'
							? report.tags.some((tag) => tag.slug === slug)
							: report.section.slug === kind),
			);
			expect(
				feed(file).entries.map((entry) => entry.link),
				file,
			).toEqual(list.slice(0, site.feedSize).map((report) => report.permalink));
		}
	});

	test('a report with a stable id has it as guid with isPermaLink="false"; others use the permalink', async () => {
		const xml = new XMLParser({
			ignoreAttributes: false,
			isArray: (name) => name === 'item',
		}).parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
		const items = xml.rss.channel.item as {
			link: string;
			guid: { '#text': string; '@_isPermaLink': string };
		}[];
		for (const item of items) {
			const report = content.reports.find((candidate) => candidate.permalink === item.link);
			expect(item.guid['#text']).toBe(report?.guid);
			expect(item.guid['@_isPermaLink']).toBe(
				report?.guid === report?.permalink ? 'true' : 'false',
			);
		}
		expect(items.some((item) => item.guid['@_isPermaLink'] === 'false')).toBe(true);
	});

	test('every item link is a built page; every guid is a permalink or a stable id', async () => {
		const built = new Set(await listFiles(dist));
		const ids = new Set(content.reports.map((report) => report.guid));
		for (const file of files) {
			for (const entry of feed(file).entries) {
				const path = new URL(entry.link).pathname;
				expect(built.has(`${path.slice(1)}index.html`), entry.link).toBe(true);
				expect(ids.has(entry.id), entry.id).toBe(true);
			}
		}
	});

	test('content:encoded is the correction notices, the full body with absolute links, then the credit and the disclaimer', () => {
		const entries = feed('rss.xml').entries;
		expect(entries.length).toBeGreaterThan(0);
		for (const entry of entries) {
			const report = reportAt(entry.link);
			const html = entry.content[0] ?? '';
			const body = bodies.get(report.file) ?? '';
			expect(body, `${report.href} shows no body`).not.toBe('');
			const original = report.originalTitle ?? new URL(report.url).host;
			const originalLabel = report.originalTitle
				? site.labels.originalHeadline
				: site.labels.originalReport;
			const notices = corrections.get(report.file) ?? '';
			expect(htmlText(html), report.file).toBe(
				`${notices ? `${notices} ` : ''}${body} ${site.labels.source} ${report.source.name}. ${originalLabel} ${original} ${report.section.disclaimer}`,
			);
			// The credit links the agency and the original, as the page's credit does.
			const $ = load(html, null, false);
			const links = $('a')
				.toArray()
				.map((link) => [$(link).attr('href'), $(link).text()]);
			expect(links, report.file).toContainEqual([report.source.homepage, report.source.name]);
			expect(links, report.file).toContainEqual([report.url, original]);
			expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
			expect(html).not.toMatch(/<script|javascript:|onerror=/i);
		}
	});
});
