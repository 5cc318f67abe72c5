import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { readContent } from './helpers/content.ts';
import { BASIC_BUILD_TIME } from './setup/build-sites.ts';
import { parseFeeds, readWithNewsboat } from './helpers/feeds.ts';
import { listFiles, projectRoot } from './helpers/site.ts';

// tests/fixtures/basic/wire/hostile-body.md; built with the clock at BASIC_BUILD_TIME, so it is
// inside the news sitemap's 48 hours.
const HEADLINE = 'Council asks "<why>" & when: the <b>bold</b> ]]> </script> inquiry';
const PAGE = '/wire/hostile-body/';
// tests/fixtures/basic/wire/hostile-headline.md: the headline of issue 12, in plain text.
const FEED_HEADLINE = 'Q&A: "Talks" <resume> ]]> </script> at 5 < 6 & more';
const dist = inject('basicDist');

describe('a headline with " & < > ]]> and </script> round-trips exactly', () => {
	test('through the HTML title, h1, meta tags and JSON-LD', async () => {
		const $ = load(await readFile(join(dist, PAGE, 'index.html'), 'utf8'));
		expect($('title').text()).toBe(`${HEADLINE} — The Northgate Herald`);
		expect($('h1').text()).toBe(HEADLINE);
		expect($('meta[property="og:title"]').attr('content')).toBe(HEADLINE);
		expect($('meta[name="twitter:title"]').attr('content')).toBe(HEADLINE);
		const scripts = $('script[type="application/ld+json"]');
		expect(scripts.length).toBe(1);
		expect(JSON.parse(scripts.text()).headline).toBe(HEADLINE);
		// Nothing after the JSON-LD was swallowed into the script element.
		expect($('main h1').length).toBe(1);
	});

	test('through the news sitemap and recent.json', async () => {
		const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });
		const news = parser.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		const url = (news.urlset.url as { loc: string; 'news:news': { 'news:title': string } }[]).find(
			(item) => item.loc.endsWith(PAGE),
		);
		expect(url?.['news:news']['news:title']).toBe(HEADLINE);
		const recent = JSON.parse(await readFile(join(dist, 'recent.json'), 'utf8')) as {
			href: string;
			title: string;
		}[];
		expect(recent.find((item) => item.href === PAGE)?.title).toBe(HEADLINE);
	});
});

describe.each([
	{ headline: HEADLINE, page: PAGE },
	{ headline: FEED_HEADLINE, page: '/wire/hostile-headline/' },
])('the headline $headline reaches feed readers exactly', ({ headline, page }) => {
	let permalink: string;
	// The feeds that carry the report: the site's, its section's, its agency's and its tags'.
	let carrying: string[];

	beforeAll(async () => {
		const report = (
			await readContent(join(projectRoot, 'tests/fixtures/basic'), new Date(BASIC_BUILD_TIME))
		).reports.find((candidate) => candidate.href === page);
		if (!report) throw new Error(`no report at ${page}`);
		expect(report.title).toBe(headline);
		permalink = report.permalink;
		carrying = [
			'rss.xml',
			`${report.section.slug}/rss.xml`,
			`sources/${report.source.slug}/rss.xml`,
			...report.tags.map((tag) => `tags/${tag.slug}/rss.xml`),
		];
	});

	test('through feedparser, in every feed that carries the report', async () => {
		const files = (await listFiles(dist)).filter((file) => file.endsWith('rss.xml'));
		const feeds = await parseFeeds(files.map((file) => join(dist, file)));
		const seen: string[] = [];
		for (const file of files) {
			const feed = feeds[join(dist, file)];
			expect(feed?.bozo, file).toBe(false);
			for (const entry of feed?.entries.filter((item) => item.link === permalink) ?? []) {
				expect(entry.title, file).toBe(headline);
				seen.push(file);
			}
		}
		expect(seen.sort()).toEqual([...carrying].sort());
	});

	test('through newsboat, in every feed that carries the report', async () => {
		// newsboat keeps an item once however many feeds hold it, so each feed is read on its own.
		for (const file of carrying) {
			const cache = await readWithNewsboat([join(dist, file)]);
			expect(cache.errors, file).toEqual([]);
			expect(
				cache.items.filter((item) => item.url === permalink).map((item) => item.title),
				file,
			).toEqual([headline]);
		}
	});
});
