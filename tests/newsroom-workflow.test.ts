import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { site } from '../src/site.config.ts';
import { htmlText, readContent, type ExpectedReport } from './helpers/content.ts';
import { parseFeeds, type ParsedFeed } from './helpers/feeds.ts';
import { loadPage } from './helpers/html.ts';
import { listFiles, projectRoot } from './helpers/site.ts';
import { SAMPLE_BUILD_TIME } from './setup/build-sites.ts';

// The sample site holds a corrected report, a withdrawn one, one past its `expires` and
// earlier addresses (content/wire/2026/11/); what each must publish is worked out here from
// the files with a plain YAML parser, not with the build's own code.
const dist = inject('sampleDist');
const builtAt = new Date(SAMPLE_BUILD_TIME);
let reports: ExpectedReport[];
let files: string[];
let feeds: Record<string, ParsedFeed>;

beforeAll(async () => {
	reports = (await readContent(join(projectRoot, 'content'), builtAt)).reports;
	files = await listFiles(dist);
	feeds = await parseFeeds(
		files.filter((file) => file.endsWith('rss.xml')).map((file) => join(dist, file)),
	);
});

const one = (what: string, found: ExpectedReport[]): ExpectedReport => {
	if (found.length !== 1) throw new Error(`the sample should hold one ${what} report`);
	return found[0] as ExpectedReport;
};
const corrected = () =>
	one(
		'corrected',
		reports.filter((report) => report.corrections.length > 0),
	);
const withdrawn = () =>
	one(
		'withdrawn',
		reports.filter((report) => report.withdrawn),
	);
const expired = () =>
	one(
		'expired',
		reports.filter((report) => !report.withdrawn && report.expires && report.expires <= builtAt),
	);

/** A correction's Markdown as the words a reader sees (the sample's use links and bold only). */
const words = (markdown: string) =>
	markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');

/** Newest first, as readers are shown them. */
const newestFirst = (report: ExpectedReport) =>
	[...report.corrections].sort((a, b) => b.date.getTime() - a.date.getTime());

/** The `datetime` of a `<time>`, as an instant (it carries the site's offset). */
const instant = (datetime: string | undefined) => new Date(datetime ?? '').getTime();

describe('a corrected report', () => {
	test('its page shows each correction as a labelled notice, newest first, with its date and text', async () => {
		const report = corrected();
		const $ = await loadPage(dist, report.href);
		const notices = $(`aside.corrections[aria-label="${site.labels.corrections}"] .correction`);
		const expected = newestFirst(report);
		expect(notices.length).toBe(expected.length);
		notices.each((index, notice) => {
			const correction = expected[index];
			expect($(notice).find('strong').first().text()).toBe(site.labels.correction);
			expect(instant($(notice).find('time').attr('datetime'))).toBe(correction?.date.getTime());
			expect(htmlText($(notice).find('.correction-text').html() ?? '')).toBe(
				words(correction?.text ?? ''),
			);
		});
		// The notices come before the body, where a reader starts.
		expect($('.corrections').nextAll('.report-body').length).toBe(1);
	});

	test('its "Updated" time and dateModified are the latest correction, later than its update', async () => {
		const report = corrected();
		const latest = newestFirst(report)[0]?.date.getTime();
		expect(latest).toBeGreaterThan(Math.max(report.date.getTime(), report.updated?.getTime() ?? 0));
		const $ = await loadPage(dist, report.href);
		expect(instant($('.dateline-updated time').attr('datetime'))).toBe(latest);
		const article = JSON.parse($('script[type="application/ld+json"]').text());
		expect(instant(article.dateModified)).toBe(latest);
	});

	test('JSON-LD carries each correction as a CorrectionComment with the text exactly', async () => {
		const report = corrected();
		const $ = await loadPage(dist, report.href);
		const article = JSON.parse($('script[type="application/ld+json"]').text());
		expect(
			(article.correction as { datePublished: string }[]).map((comment) => ({
				...comment,
				datePublished: instant(comment.datePublished),
			})),
		).toEqual(
			newestFirst(report).map((correction) => ({
				'@type': 'CorrectionComment',
				text: words(correction.text),
				datePublished: correction.date.getTime(),
			})),
		);
	});

	test('every feed item of it opens with the notices, as feedparser reads them', () => {
		const report = corrected();
		const items = Object.values(feeds).flatMap((feed) =>
			feed.entries.filter((entry) => entry.link === report.permalink),
		);
		// The site feed, its section's, its agency's and each of its tags'.
		expect(items.length).toBe(3 + report.tags.length);
		for (const item of items) {
			const $ = load(item.content[0] ?? '', null, false);
			const times = $('time')
				.map((_, time) => instant($(time).attr('datetime')))
				.get();
			expect(times).toEqual(newestFirst(report).map((correction) => correction.date.getTime()));
			const text = htmlText(item.content[0] ?? '');
			let from = 0;
			for (const correction of newestFirst(report)) {
				const at = text.indexOf(`${site.labels.correction} `, from);
				expect(at, text).toBeGreaterThanOrEqual(from);
				from = text.indexOf(words(correction.text), at);
				expect(from, `${words(correction.text)} in ${text}`).toBeGreaterThan(at);
			}
		}
	});
});

/** Every search result the index can give: the pages of the index's fragments. */
async function searchResults(): Promise<{ url: string; title: string }[]> {
	const fragments = files.filter((file) => /^pagefind\/[^/]+\/fragment\//.test(file));
	expect(fragments.length).toBeGreaterThan(10);
	return Promise.all(
		fragments.map(async (file) => {
			// A fragment is gzipped JSON behind Pagefind's marker.
			const text = gunzipSync(await readFile(join(dist, file)))
				.toString('utf8')
				.replace(/^pagefind_dcd/, '');
			const { url, meta } = JSON.parse(text) as { url: string; meta: { title: string } };
			return { url, title: meta.title };
		}),
	);
}

describe.each([
	{
		name: 'a withdrawn report',
		report: withdrawn,
		when: (report: ExpectedReport) => report.withdrawn?.date,
		label: site.labels.withdrawnNotice,
	},
	{
		name: 'an expired report',
		report: expired,
		when: (report: ExpectedReport) => report.expires,
		label: site.labels.expiredNotice,
	},
])('$name', ({ report: which, when, label }) => {
	test("its address serves a short notice: headline, credit, the date in the site config's words, noindex and no body", async () => {
		const report = which();
		const $ = await loadPage(dist, report.href);
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('h1').text()).toBe(report.title);
		expect($('.credit').text()).toContain(report.source.name);
		expect($(`.credit a[href="${report.url}"]`).length).toBe(1);
		const notice = $('.takedown p').first();
		expect(instant(notice.find('time').attr('datetime'))).toBe(when(report)?.getTime());
		const [before = '', after = ''] = label.split('{date}');
		expect(notice.text()).toBe(`${before}${notice.find('time').text()}${after}`);
		if (report.withdrawn)
			expect($('.takedown').text()).toContain(report.withdrawn.reason.replace(/\s+/g, ' '));
		expect($('.report-body, [data-pagefind-body], script[type="application/ld+json"]').length).toBe(
			0,
		);
		const body = await readFile(join(projectRoot, 'content', report.file), 'utf8');
		const firstSentence = body.split('\n---\n')[1]?.trim().split('. ')[0] ?? '';
		expect(firstSentence.length).toBeGreaterThan(20);
		expect($.html()).not.toContain(firstSentence);
	});

	test('its headline is in no list, feed, sitemap, recent.json or search result', async () => {
		const report = which();
		const own = new Set([
			`${report.href.slice(1)}index.html`,
			// Its earlier addresses lead to its notice, naming it.
			...report.aliases.map((alias) =>
				alias.endsWith('/') ? `${alias.slice(1)}index.html` : alias.slice(1),
			),
		]);
		const carrying: string[] = [];
		for (const file of files.filter(
			(name) => /\.(?:html|xml|json)$/.test(name) && !own.has(name),
		)) {
			if (file.startsWith('pagefind/')) continue;
			const text = await readFile(join(dist, file), 'utf8');
			if (text.includes(report.permalink) || text.includes(`"${report.href}"`)) carrying.push(file);
			// The headline as text, however a file escapes it.
			if (htmlText(text.replace(/&#x27;|&#39;|&apos;/g, "'")).includes(report.title))
				carrying.push(file);
		}
		expect(carrying).toEqual([]);
		expect(files).toContain('recent.json');
		const results = await searchResults();
		expect(results.some((result) => result.url === report.href)).toBe(false);
		expect(results.some((result) => result.title === report.title)).toBe(false);
	});
});

describe('earlier addresses', () => {
	const aliases = () =>
		reports.flatMap((report) => report.aliases.map((alias) => ({ alias, report })));

	test('the sample has a page path and a file path, and one of a withdrawn report', () => {
		expect(aliases().some(({ alias }) => alias.endsWith('/'))).toBe(true);
		expect(aliases().some(({ alias }) => alias.endsWith('.html'))).toBe(true);
		expect(aliases().some(({ report }) => report.withdrawn)).toBe(true);
	});

	test('each serves a redirect page to the current address: meta refresh, canonical, noindex and a link', async () => {
		for (const { alias, report } of aliases()) {
			const $ = await loadPage(dist, alias);
			expect($('meta[http-equiv="refresh"]').attr('content'), alias).toBe(`0; url=${report.href}`);
			expect($('link[rel="canonical"]').attr('href'), alias).toBe(report.permalink);
			expect($('meta[name="robots"]').attr('content'), alias).toBe('noindex');
			expect($(`main a[href="${report.href}"]`).text(), alias).toBe(report.title);
			// The address it leads to is built: the report, or the notice of a withdrawn one.
			expect(files, alias).toContain(`${report.href.slice(1)}index.html`);
		}
	});

	test('dist/_redirects sends each with a 301, in a deterministic order', async () => {
		const lines = (await readFile(join(dist, '_redirects'), 'utf8'))
			.split('\n')
			.filter((line) => line && !line.startsWith('#'));
		const expected = aliases()
			.map(({ alias, report }) => `${alias} ${report.href} 301`)
			.sort();
		expect(lines).toEqual(expected);
	});
});
