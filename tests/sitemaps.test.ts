import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { readContent, type Content } from './helpers/content.ts';
import { listFiles, projectRoot } from './helpers/site.ts';
import { BASIC_BUILD_TIME } from './setup/build-sites.ts';

const dist = inject('basicDist');
const parser = new XMLParser({
	ignoreAttributes: false,
	isArray: (name) => name === 'url' || name === 'sitemap',
	parseTagValue: false,
});
const read = async (file: string) => parser.parse(await readFile(join(dist, file), 'utf8'));
let content: Content;

beforeAll(async () => {
	content = await readContent(
		join(projectRoot, 'tests/fixtures/basic'),
		new Date(BASIC_BUILD_TIME),
	);
});

describe('sitemaps and robots.txt', () => {
	test('robots.txt names the sitemap index and the news sitemap', async () => {
		const robots = await readFile(join(dist, 'robots.txt'), 'utf8');
		expect(robots).toContain('Sitemap: https://news.example.org/sitemap-index.xml');
		expect(robots).toContain('Sitemap: https://news.example.org/news-sitemap.xml');
	});

	test('the sitemap index names sitemaps that exist', async () => {
		const index = await read('sitemap-index.xml');
		const files = (index.sitemapindex.sitemap as { loc: string }[]).map((entry) =>
			new URL(entry.loc).pathname.slice(1),
		);
		expect(files).toContain('sitemap-pages.xml');
		const built = new Set(await listFiles(dist));
		for (const file of files) expect(built.has(file), file).toBe(true);
	});

	test('every indexable report is listed once with its lastmod; noindex and canonical-to-original copies are not', async () => {
		const urls = (await read('sitemap-reports-1.xml')).urlset.url as {
			loc: string;
			lastmod: string;
		}[];
		const listed = new Map(urls.map((url) => [url.loc, url.lastmod]));
		for (const report of content.reports) {
			if (report.live && report.source.policy === 'index') {
				expect(listed.has(report.permalink), report.file).toBe(true);
				expect(Date.parse(listed.get(report.permalink) ?? '')).toBe(report.lastModified.getTime());
			} else {
				expect(listed.has(report.permalink), report.file).toBe(false);
			}
		}
		expect(listed.size).toBe(
			content.reports.filter((report) => report.live && report.source.policy === 'index').length,
		);
	});

	test('the pages sitemap lists the index pages that exist', async () => {
		const urls = (await read('sitemap-pages.xml')).urlset.url as { loc: string }[];
		const built = new Set(await listFiles(dist));
		expect(urls.length).toBeGreaterThan(3);
		for (const url of urls)
			expect(built.has(`${new URL(url.loc).pathname.slice(1)}index.html`), url.loc).toBe(true);
	});

	test('the news sitemap holds exactly the indexable reports of the 48 hours before the build', async () => {
		const now = Date.parse(BASIC_BUILD_TIME);
		const expected = content.reports
			.filter(
				(report) =>
					report.live &&
					report.source.policy === 'index' &&
					report.date.getTime() > now - 48 * 3_600_000 &&
					report.date.getTime() <= now,
			)
			.map((report) => report.permalink);
		expect(expected.length).toBeGreaterThan(0);
		const news = (await read('news-sitemap.xml')).urlset;
		const urls = (news.url ?? []) as { loc: string; 'news:news': Record<string, unknown> }[];
		expect(urls.map((url) => url.loc)).toEqual(expected);
		for (const url of urls) {
			expect(url['news:news']['news:publication']).toEqual({
				'news:name': 'The Northgate Herald',
				'news:language': 'en',
			});
		}
	});
});
