import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	checksumManifest,
	diffManifests,
	type Manifest,
	type ManifestDiff,
} from '../scripts/lib/manifest.ts';
import { generateReports, reportFiles, type FixtureReport } from './helpers/reports.ts';
import {
	buildSite,
	createFixtureSite,
	projectRoot,
	writeContent,
	type FixtureSite,
} from './helpers/site.ts';

// 60 reports, page size 10. One tag, "ports", is on 19 of them, so the added report completes
// its second page: the address of that page, a pointer to the first page until now, fills.
const reports: FixtureReport[] = generateReports(60).map((report, index) =>
	index % 3 === 0 && index < 57 ? { ...report, tags: [...(report.tags ?? []), 'ports'] } : report,
);
const added: FixtureReport = {
	slug: 'report-061',
	title: 'Generated report number 61',
	source: 'Quay Wire',
	date: '2026-09-16T06:00:00Z',
	tags: ['energy', 'ports'],
};

const sites: FixtureSite[] = [];
let first: Manifest;
let second: Manifest;
let published: Manifest;
let clean: Manifest;
let recovered: Manifest;
let diff: ManifestDiff;
// The search index (dist/pagefind/) is checked on its own: which of its files change depends
// on the words of the new report. Its parts are made small here so there are several.
let search: ManifestDiff;

async function fixture(content: FixtureReport[] = reports): Promise<FixtureSite> {
	const sources = await readFile(join(projectRoot, 'tests/fixtures/basic/sources.yaml'), 'utf8');
	const site = await createFixtureSite({
		files: { 'sources.yaml': sources, ...reportFiles(content) },
		siteConfig: {
			pageSize: 10,
			recentCount: 6,
			search: { archiveShardSize: 50, recentShardSize: 25 },
		},
	});
	sites.push(site);
	return site;
}

beforeAll(async () => {
	// The build's clock, fixed a day after the newest report: the news sitemap lists the last 48 hours.
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse('2026-09-17T00:00:00Z') / 1000);
	const [a, b] = [await fixture(), await fixture()];
	await buildSite(a);
	await buildSite(b);
	first = await checksumManifest(a.dist);
	second = await checksumManifest(b.dist);
	// Publish one report and rebuild in place, as a newsroom's CI does.
	await writeContent(a, reportFiles([added]));
	await buildSite(a);
	published = await checksumManifest(a.dist);
	// The same content built from nothing, to compare with the rebuild in place.
	const c = await fixture([...reports, added]);
	await buildSite(c);
	clean = await checksumManifest(c.dist);
	// A build that stopped half-way after rewriting a page, and then the content went back: the
	// next build must not keep that page because Astro's record says it is current.
	await writeFile(join(a.dist, 'wire/report-010/index.html'), '<p>half-written</p>');
	await writeFile(join(a.root, 'node_modules/.astro/wiredesk-build-unfinished'), '');
	await buildSite(a);
	recovered = await checksumManifest(a.dist);
	const all = diffManifests(first, published);
	const isSearch = (file: string) => file.startsWith('pagefind/');
	diff = {
		added: all.added.filter((file) => !isSearch(file)),
		changed: all.changed.filter((file) => !isSearch(file)),
		removed: all.removed.filter((file) => !isSearch(file)),
	};
	search = {
		added: all.added.filter(isSearch),
		changed: all.changed.filter(isSearch),
		removed: all.removed.filter(isSearch),
	};
	delete process.env['SOURCE_DATE_EPOCH'];
});

afterAll(async () => {
	await Promise.all(sites.map((site) => site.remove()));
});

describe('publish-stable output', () => {
	test('two clean builds of the same content are byte-identical', () => {
		expect(first.size).toBeGreaterThan(80);
		expect([...second]).toEqual([...first]);
	});

	test('adding a report changes exactly the documented files (README, "What a publish changes")', () => {
		expect(diff.removed).toEqual([]);
		expect(diff.added).toEqual(['tags/ports/page/3/index.html', 'wire/report-061/index.html']);
		expect(diff.changed).toEqual(
			[
				// The front page, the 404 page's latest reports, and the Recent posts data.
				'index.html',
				'404.html',
				'recent.json',
				// The first page and the feed of each list the report is on, and the site feed.
				'wire/index.html',
				'sources/quay-wire/index.html',
				'tags/energy/index.html',
				'tags/ports/index.html',
				'rss.xml',
				'wire/rss.xml',
				'sources/quay-wire/rss.xml',
				'tags/energy/rss.xml',
				'tags/ports/rss.xml',
				// The agency and tag overviews (their counts).
				'sources/index.html',
				'tags/index.html',
				// The sitemaps: the index, the pages sitemap, the last reports sitemap and the news sitemap.
				'sitemap-index.xml',
				'sitemap-pages.xml',
				'sitemap-reports-1.xml',
				'news-sitemap.xml',
				// The report published just before it in its section gains a "next report" link.
				'wire/report-060/index.html',
				// "ports" reached 20 reports: page 2, until now a pointer to the first page, fills.
				'tags/ports/page/2/index.html',
			].sort(),
		);
	});

	test('a rebuild in place gives exactly the files of a build from nothing: nothing stale is left', () => {
		expect([...published.keys()].filter((file) => !clean.has(file))).toEqual([]);
		expect([...published]).toEqual([...clean]);
	});

	test('after a build that did not finish, the next one renders every page again', () => {
		const differ = [...new Set([...recovered.keys(), ...clean.keys()])].filter(
			(file) => recovered.get(file) !== clean.get(file),
		);
		expect(differ).toEqual([]);
	});

	test('the search index re-indexes only its newest part: one new fragment, the archive part untouched', () => {
		expect(
			[...first.keys()].filter((file) => file.startsWith('pagefind/a0000000/')).length,
		).toBeGreaterThan(5);
		const touched = [...search.added, ...search.changed, ...search.removed];
		expect(touched.filter((file) => !file.startsWith('pagefind/r0000050/'))).toEqual([]);
		expect(search.added.filter((file) => file.includes('/fragment/'))).toHaveLength(1);
		expect(search.changed).toEqual(['pagefind/r0000050/pagefind-entry.json']);
		// Index files are named by their content: a changed one is removed and a new one added.
		expect(search.removed.length).toBe(search.added.length - 1);
		expect(search.added.length).toBeLessThanOrEqual(6);
	});

	test('no archive page ever changes: only the pointer of a list whose page filled', async () => {
		const archive: string[] = [];
		for (const file of [...first.keys()].filter((name) => /\/page\/\d+\/index\.html$/.test(name))) {
			const html = await readFile(join(sites[1]?.root ?? '', 'dist', file), 'utf8').catch(() => '');
			if (!html.includes('http-equiv="refresh"')) archive.push(file);
		}
		expect(archive.length).toBeGreaterThan(10);
		expect(diff.changed.filter((file) => archive.includes(file))).toEqual([]);
	});

	test('the number of changed files does not depend on the size of the archive', () => {
		expect(diff.added.length + diff.changed.length).toBeLessThanOrEqual(25);
		expect(first.size).toBeGreaterThan(4 * (diff.added.length + diff.changed.length));
	});
});
