import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
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
	readPage,
	writeContent,
	type FixtureSite,
} from './helpers/site.ts';

/** An archive, the report published into it and the page size of its lists. */
interface Archive {
	reports: FixtureReport[];
	added: FixtureReport;
	pageSize: number;
	/** Pages of the "ports" tag that the added report completes. */
	portsPages: number;
	/** The build's clock, 18 hours after the added report: the news sitemap lists the last 48 hours. */
	now: string;
}

const HOUR = 3_600_000;

/**
 * `count` generated reports and one more to publish. One tag, "ports", is on every third report,
 * as many as leave it one short of a full page past its first: the added report completes that
 * page, so the address that pointed to the list's first page fills. The other lists the added
 * report joins (wire, Quay Wire, energy) stay short of a full page, so the set of files a
 * publish changes is the same at every size: only page numbers and names differ.
 */
function archive(count: number, pageSize: number): Archive {
	const ports = Math.floor((Math.ceil(count / 3) + 1) / pageSize) * pageSize - 1;
	const reports = generateReports(count).map((report, index) =>
		index % 3 === 0 && index / 3 < ports
			? { ...report, tags: [...(report.tags ?? []), 'ports'] }
			: report,
	);
	const last = Date.parse(reports.at(-1)?.date ?? '');
	const added: FixtureReport = {
		slug: `report-${String(count + 1).padStart(3, '0')}`,
		title: `Generated report number ${count + 1}`,
		source: 'Quay Wire',
		date: new Date(last + 18 * HOUR).toISOString(),
		tags: ['energy', 'ports'],
	};
	const joins = (list: (report: FixtureReport) => boolean) => reports.filter(list).length + 1;
	for (const size of [
		joins(() => true),
		joins((report) => report.source === 'Quay Wire'),
		joins((report) => report.tags?.includes('energy') ?? false),
	])
		if (size % pageSize === 0) throw new Error(`a list of ${size} fills a page: pick other sizes`);
	return {
		reports,
		added,
		pageSize,
		portsPages: (ports + 1) / pageSize,
		now: new Date(last + 36 * HOUR).toISOString(),
	};
}

/**
 * The files that publishing `added` changes, as docs/architecture.md lists them ("What a
 * publish changes"), for this archive's page numbers and names.
 */
function documentedChanges({ reports, added, portsPages }: Archive) {
	return {
		added: [`tags/ports/page/${portsPages + 1}/index.html`, `wire/${added.slug}/index.html`].sort(),
		changed: [
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
			`wire/${reports.at(-1)?.slug}/index.html`,
			// "ports" filled a page: its address, until now a pointer to the first page, fills.
			`tags/ports/page/${portsPages}/index.html`,
		].sort(),
		removed: [],
	};
}

/**
 * The report corrected after the publish: the third newest before the added one, a Quay Wire
 * report (in every sitemap) tagged "shipping", on no page the publish changed.
 */
function correctedReport({ reports }: Archive): FixtureReport {
	const report = reports.at(-3);
	if (report?.source !== 'Quay Wire' || !report.tags?.includes('shipping'))
		throw new Error('the third newest report should be a Quay Wire report tagged "shipping"');
	return report;
}

/**
 * The files a correction changes (docs/architecture.md, "What a publish changes"): its page, the
 * items of the feeds it is in, and the lastmod of the sitemaps that list it. No other report
 * page, no list page: a list shows no correction.
 */
function documentedCorrection(archive: Archive): ManifestDiff {
	const report = correctedReport(archive);
	return {
		added: [],
		changed: [
			`wire/${report.slug}/index.html`,
			'rss.xml',
			'wire/rss.xml',
			'sources/quay-wire/rss.xml',
			'tags/shipping/rss.xml',
			'sitemap-reports-1.xml',
			'sitemap-pages.xml',
		].sort(),
		removed: [],
	};
}

/**
 * The files withdrawing the report just published changes: what taking it out of its lists
 * changes, which is the publish undone, and its own page, which now holds the notice.
 */
function documentedWithdrawal(archive: Archive): ManifestDiff {
	const publish = documentedChanges(archive);
	return {
		added: [],
		changed: [...publish.changed, `wire/${archive.added.slug}/index.html`].sort(),
		removed: publish.added.filter((file) => file !== `wire/${archive.added.slug}/index.html`),
	};
}

/** What correcting one report, then withdrawing the report just published, changed. */
interface EditorSteps {
	correction: ManifestDiff;
	correctionSearch: ManifestDiff;
	withdrawal: ManifestDiff;
	withdrawalSearch: ManifestDiff;
	/** The output after both, built in place. */
	final: Manifest;
	/** The content after both. */
	content: FixtureReport[];
}

/** Corrects {@link correctedReport}, rebuilds in place, withdraws `added`, rebuilds in place. */
async function correctThenWithdraw(site: FixtureSite, archive: Archive): Promise<EditorSteps> {
	const before = await checksumManifest(site.dist);
	const target = correctedReport(archive);
	const correction = {
		date: new Date(Date.parse(target.date) + 2 * HOUR).toISOString(),
		text: 'An earlier version of this report named the wrong **berth**.',
	};
	const correctedTarget = { ...target, corrections: [correction] };
	await writeContent(site, reportFiles([correctedTarget]));
	await buildSite(site);
	const corrected = await checksumManifest(site.dist);
	const withdrawal = {
		date: new Date(Date.parse(archive.added.date) + HOUR).toISOString(),
		reason: 'The agency withdrew the report.',
	};
	const withdrawn = { ...archive.added, withdrawn: withdrawal };
	await writeContent(site, reportFiles([withdrawn]));
	await buildSite(site);
	const final = await checksumManifest(site.dist);
	const corrections = diffManifests(before, corrected);
	const withdrawals = diffManifests(corrected, final);
	return {
		correction: withoutSearch(corrections),
		correctionSearch: onlySearch(corrections),
		withdrawal: withoutSearch(withdrawals),
		withdrawalSearch: onlySearch(withdrawals),
		final,
		content: [
			...archive.reports.map((report) => (report === target ? correctedTarget : report)),
			withdrawn,
		],
	};
}

// 60 reports, page size 10: "ports" is on 19 of them, so the added report completes its second page.
const main = archive(60, 10);
const { reports, added } = main;

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

async function fixture(content: FixtureReport[] = reports, pageSize = 10): Promise<FixtureSite> {
	const sources = await readFile(join(projectRoot, 'tests/fixtures/basic/sources.yaml'), 'utf8');
	const site = await createFixtureSite({
		files: { 'sources.yaml': sources, ...reportFiles(content) },
		siteConfig: {
			pageSize,
			recentCount: 6,
			search: { archiveShardSize: 50, recentShardSize: 25 },
		},
	});
	sites.push(site);
	return site;
}

beforeAll(async () => {
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(main.now) / 1000);
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
	diff = withoutSearch(all);
	search = onlySearch(all);
	delete process.env['SOURCE_DATE_EPOCH'];
});

const isSearch = (file: string) => file.startsWith('pagefind/');

/** The changes inside the search index. */
function onlySearch(all: ManifestDiff): ManifestDiff {
	return {
		added: all.added.filter(isSearch),
		changed: all.changed.filter(isSearch),
		removed: all.removed.filter(isSearch),
	};
}

/** The changes outside the search index (dist/pagefind/, checked on its own). */
function withoutSearch(all: ManifestDiff): ManifestDiff {
	return {
		added: all.added.filter((file) => !isSearch(file)),
		changed: all.changed.filter((file) => !isSearch(file)),
		removed: all.removed.filter((file) => !isSearch(file)),
	};
}

afterAll(async () => {
	await Promise.all(sites.map((site) => site.remove()));
});

/** The archive the first tests built and published into, which later steps go on editing. */
function builtArchive(): FixtureSite {
	const [site] = sites;
	if (!site) throw new Error('the archive was not built');
	return site;
}

describe('publish-stable output', () => {
	test('two clean builds of the same content are byte-identical', () => {
		expect(first.size).toBeGreaterThan(80);
		expect([...second]).toEqual([...first]);
	});

	test('adding a report changes exactly the documented files (docs/architecture.md, "What a publish changes")', () => {
		expect(diff).toEqual(documentedChanges(main));
		// The page numbers and names this archive gives the list above.
		expect(diff.added).toContain('tags/ports/page/3/index.html');
		expect(diff.changed).toContain('wire/report-060/index.html');
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
		const archivePages: string[] = [];
		for (const file of [...first.keys()].filter((name) => /\/page\/\d+\/index\.html$/.test(name))) {
			const html = await readFile(join(sites[1]?.root ?? '', 'dist', file), 'utf8').catch(() => '');
			if (!html.includes('http-equiv="refresh"')) archivePages.push(file);
		}
		expect(archivePages.length).toBeGreaterThan(10);
		expect(diff.changed.filter((file) => archivePages.includes(file))).toEqual([]);
	});
});

// After the publish, an editor corrects an earlier report, then withdraws the one just published.
describe('a correction, then a withdrawal', () => {
	let steps: EditorSteps;
	let fromNothing: Manifest;

	beforeAll(async () => {
		process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(main.now) / 1000);
		const site = builtArchive();
		steps = await correctThenWithdraw(site, main);
		const fresh = await fixture(steps.content);
		await buildSite(fresh);
		fromNothing = await checksumManifest(fresh.dist);
		delete process.env['SOURCE_DATE_EPOCH'];
	});

	test('a correction changes exactly its page, its feeds and the lastmod of its sitemaps', () => {
		expect(steps.correction).toEqual(documentedCorrection(main));
	});

	test('a correction re-indexes its own search fragment, in its part only', () => {
		const { added, changed, removed } = steps.correctionSearch;
		expect(
			[...added, ...changed, ...removed].filter((file) => !file.startsWith('pagefind/r0000050/')),
		).toEqual([]);
		expect(added.filter((file) => file.includes('/fragment/'))).toHaveLength(1);
		expect(removed.filter((file) => file.includes('/fragment/'))).toHaveLength(1);
	});

	test('a withdrawal changes what taking the report out of its lists changes, and its own page', () => {
		expect(steps.withdrawal).toEqual(documentedWithdrawal(main));
	});

	test('a withdrawal takes its fragment out of the search index, in its part only', () => {
		const { added, changed, removed } = steps.withdrawalSearch;
		expect(
			[...added, ...changed, ...removed].filter((file) => !file.startsWith('pagefind/r0000050/')),
		).toEqual([]);
		expect(added.filter((file) => file.includes('/fragment/'))).toEqual([]);
		expect(removed.filter((file) => file.includes('/fragment/'))).toHaveLength(1);
	});

	test('after both, the rebuild in place gives exactly the files of a build from nothing', () => {
		expect([...steps.final]).toEqual([...fromNothing]);
	});
});

// What the build keeps between builds, tested against what editors' tools and caches do.
describe("the build's record of what it has read", () => {
	let edited: string;
	let beforeLoss: Manifest;
	let afterLoss: Manifest;

	beforeAll(async () => {
		process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(main.now) / 1000);
		const site = builtArchive();
		// A tool that keeps modification times (rsync -t, cp -p, tar) puts a report of the same
		// length in place, with the old time: only its change time tells it from the one read.
		const file = join(site.root, 'content/wire/report-010.md');
		const old = new Date('2026-01-01T00:00:00Z');
		const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
		await utimes(file, old, old);
		// Past the two seconds in which the loader reads a just-written file whatever its times,
		// so this build records the file's status.
		await settle();
		await buildSite(site);
		await writeFile(file, (await readFile(file, 'utf8')).replace('several', 'sixteen'));
		await utimes(file, old, old);
		await settle();
		await buildSite(site);
		edited = await readPage(site, '/wire/report-010/');
		beforeLoss = await checksumManifest(site.dist);
		// The rendered bodies kept beside Astro's content store are lost, the store is not.
		await rm(join(site.root, 'node_modules/.astro/wiredesk-report-html'), { recursive: true });
		const [, latest] = reports.slice(-2);
		if (!latest) throw new Error('no report to edit');
		await writeContent(site, reportFiles([{ ...latest, body: 'A new body, rendered again.' }]));
		await buildSite(site);
		afterLoss = await checksumManifest(site.dist);
		delete process.env['SOURCE_DATE_EPOCH'];
	});

	test('an edit that keeps the size and modification time of the file is published', () => {
		expect(edited).toContain('was filed with sixteen sentences of copy');
	});

	test('lost rendered bodies are rendered again; the pages they are on stay as they were', () => {
		const changes = withoutSearch(diffManifests(beforeLoss, afterLoss));
		expect(changes.added).toEqual([]);
		expect(changes.removed).toEqual([]);
		// The edited report, and the feeds that carry its body beside other reports' bodies.
		expect(changes.changed).toContain('wire/report-060/index.html');
		expect(changes.changed).toContain('rss.xml');
		expect(changes.changed.filter((file) => /^wire\/report-0[0-4]/.test(file))).toEqual([]);
	});
});

// The same publish into an archive twice as large, with lists paged twice as finely (so many
// more archive pages that must not change), built once and published into once.
describe('publish-stable output at twice the archive size', () => {
	const large = archive(120, 5);
	let largeDiff: ManifestDiff;
	let largeSteps: EditorSteps;

	beforeAll(async () => {
		process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(large.now) / 1000);
		const site = await fixture(large.reports, large.pageSize);
		await buildSite(site);
		const before = await checksumManifest(site.dist);
		await writeContent(site, reportFiles([large.added]));
		await buildSite(site);
		largeDiff = withoutSearch(diffManifests(before, await checksumManifest(site.dist)));
		largeSteps = await correctThenWithdraw(site, large);
		delete process.env['SOURCE_DATE_EPOCH'];
	});

	test('adding a report changes exactly the documented files, as many as in the smaller archive', () => {
		expect(largeDiff).toEqual(documentedChanges(large));
		expect(largeDiff.added).toContain('tags/ports/page/9/index.html');
		const count = (changes: ManifestDiff) =>
			changes.added.length + changes.changed.length + changes.removed.length;
		expect(count(largeDiff)).toBe(count(diff));
	});

	test('a correction and a withdrawal change exactly the documented files, as many as in the smaller archive', () => {
		expect(largeSteps.correction).toEqual(documentedCorrection(large));
		expect(largeSteps.withdrawal).toEqual(documentedWithdrawal(large));
		expect(largeSteps.withdrawal.removed).toEqual(['tags/ports/page/9/index.html']);
	});
});
