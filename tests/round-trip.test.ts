import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, test } from 'vitest';
import { parseFeeds } from './helpers/feeds.ts';
import { listFiles } from './helpers/site.ts';

// tests/fixtures/basic/wire/hostile-body.md; built with the clock at BASIC_BUILD_TIME, so it is
// inside the news sitemap's 48 hours.
const HEADLINE = 'Council asks "<why>" & when: the <b>bold</b> ]]> </script> inquiry';
const PAGE = '/wire/hostile-body/';
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

	test('through every feed that carries the report', async () => {
		const files = (await listFiles(dist)).filter((file) => file.endsWith('rss.xml')).map((file) => join(dist, file));
		const feeds = await parseFeeds(files);
		let seen = 0;
		for (const [file, feed] of Object.entries(feeds)) {
			expect(feed.bozo, file).toBe(false);
			for (const entry of feed.entries.filter((item) => item.link.endsWith(PAGE))) {
				expect(entry.title, file).toBe(HEADLINE);
				seen += 1;
			}
		}
		// The site feed, the section feed and the agency feed.
		expect(seen).toBe(3);
	});

	test('through the news sitemap and recent.json', async () => {
		const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });
		const news = parser.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		const url = (news.urlset.url as { loc: string; 'news:news': { 'news:title': string } }[]).find((item) => item.loc.endsWith(PAGE));
		expect(url?.['news:news']['news:title']).toBe(HEADLINE);
		const recent = JSON.parse(await readFile(join(dist, 'recent.json'), 'utf8')) as { href: string; title: string }[];
		expect(recent.find((item) => item.href === PAGE)?.title).toBe(HEADLINE);
	});
});
