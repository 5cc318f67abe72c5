import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from './helpers/site.ts';
import { loadPage } from './helpers/html.ts';

// Built once by tests/setup/build-sites.ts from tests/fixtures/basic.
const dist = inject('basicDist');

describe('report page', () => {
	test('one page per report at /<section>/<slug>/', async () => {
		const pages = (await listFiles(dist)).filter((file) => file.endsWith('.html'));
		expect(pages).toEqual(
			expect.arrayContaining([
				'wire/tidal-barrier-closes/index.html',
				'wire/hostile-body/index.html',
				'wire/bandar-rail/index.html',
			]),
		);
	});

	test('shows section label, headline, dateline, body, credit, tags and disclaimer', async () => {
		const $ = await loadPage(dist, '/wire/tidal-barrier-closes/');
		const article = $('main article.report');
		expect(article.find('.section-label a').attr('href')).toBe('/wire/');
		expect(article.find('h1').text()).toBe('Tidal barrier closes for winter tests');
		expect(article.find('.dateline-place').text()).toBe('ROTTERDAM');
		expect(article.find('.dateline-author').text()).toContain('Mara Velt');
		expect(article.find('.report-body h2').text()).toBe('What was tested');
		const credit = article.find('.credit');
		expect(credit.text()).toContain('Source: Quay Wire');
		expect(credit.find('a[href="https://quay.example.com/2026/11/03/barrier"]').text()).toBe(
			'Storm barrier shut in first test of the season',
		);
		expect(
			article
				.find('.tags li')
				.map((_, li) => $(li).text())
				.get(),
		).toEqual(['Flooding', 'infrastructure']);
		expect(article.find('.disclaimer').text()).toMatch(/retrieved from other news agencies/);
	});

	test('shows the lead image with its alt text and credit', async () => {
		const $ = await loadPage(dist, '/wire/tidal-barrier-closes/');
		const figure = $('article figure.report-image');
		expect(figure.find('img').attr('src')).toBe('https://quay.example.com/photos/barrier.jpg');
		expect(figure.find('img').attr('alt')).toBe(
			'The steel arms of the storm barrier swung shut across the river',
		);
		expect(figure.find('figcaption').text()).toBe('Photo by Lena Brouwer / Quay Wire');
	});

	test('the dateline time carries an explicit offset and an absolute date in the site zone', async () => {
		const $ = await loadPage(dist, '/wire/tidal-barrier-closes/');
		// "2026-11-03 08:30" without offset is read in Europe/Berlin.
		const time = $('.dateline time').first();
		expect(time.attr('datetime')).toBe('2026-11-03T08:30:00+01:00');
		expect(time.text()).toBe('3 November 2026 at 08:30 CET');
	});

	test('a report filed with another offset is shown in the site zone', async () => {
		const $ = await loadPage(dist, '/wire/hostile-body/');
		expect($('.dateline time').attr('datetime')).toBe('2026-11-02T21:45:00+01:00');
	});

	test('without originalTitle the credit still links the original report', async () => {
		const $ = await loadPage(dist, '/wire/hostile-body/');
		expect(
			$('.credit a[href="https://southern.example.net/reports/inquiry?id=7&lang=en"]').length,
		).toBe(1);
	});

	test('a Persian report sets lang and dir on the page and keeps the site chrome in English', async () => {
		const $ = await loadPage(dist, '/wire/bandar-rail/');
		expect($('html').attr('lang')).toBe('fa');
		expect($('html').attr('dir')).toBe('rtl');
		expect($('.credit').attr('lang')).toBe('en-GB');
		expect($('.credit').attr('dir')).toBe('ltr');
		expect($('.disclaimer').attr('dir')).toBe('ltr');
	});
});

describe('hostile input', () => {
	test('a <script>, handlers, javascript: links and iframes in a body never reach the page', async () => {
		const $ = await loadPage(dist, '/wire/hostile-body/');
		const body = $('.report-body');
		expect(body.find('script, iframe, style').length).toBe(0);
		expect(body.html()).not.toMatch(/javascript:|onerror|onclick|alert\(/i);
		// The only scripts are the site's own modules.
		const scripts = $('script:not([type="application/ld+json"])')
			.map((_, script) => $(script).attr('src') ?? 'inline')
			.get();
		expect(scripts.every((src) => src.startsWith('/_astro/'))).toBe(true);
		expect(
			body
				.find('a')
				.map((_, a) => $(a).text())
				.get(),
		).toEqual(expect.arrayContaining(['bad link', 'raw link']));
		expect(body.text()).toContain('Safe paragraph after');
	});

	test('a headline with quotes, ampersand and angle brackets is text in <title>, <h1> and meta tags', async () => {
		const headline = 'Council asks "<why>" & when: the <b>bold</b> ]]> </script> inquiry';
		const $ = await loadPage(dist, '/wire/hostile-body/');
		expect($('title').text()).toBe(`${headline} — The Northgate Herald`);
		expect($('h1').text()).toBe(headline);
		expect($('h1 b').length).toBe(0);
		expect($('head b, body b').length).toBe(0);
		// Parsed as a browser would: no element came from the headline.
		expect($('why').length).toBe(0);
		const html = await readFile(join(dist, 'wire/hostile-body/index.html'), 'utf8');
		expect(html).toContain(
			'<h1>Council asks &quot;&lt;why&gt;&quot; &amp; when: the &lt;b&gt;bold&lt;/b&gt; ]]&gt; &lt;/script&gt; inquiry</h1>',
		);
	});
});

describe('head metadata follows the agency policy', () => {
	test('index: canonical is our page, no robots meta', async () => {
		const $ = await loadPage(dist, '/wire/tidal-barrier-closes/');
		expect($('link[rel=canonical]').attr('href')).toBe(
			'https://news.example.org/wire/tidal-barrier-closes/',
		);
		expect($('meta[name=robots]').length).toBe(0);
		expect($('meta[name=description]').attr('content')).toBe(
			'The river’s storm barrier was closed for four hours on Tuesday in the first test of the winter…',
		);
	});

	test('canonical-to-original: canonical is the agency report', async () => {
		const $ = await loadPage(dist, '/wire/river-dredging-plan/');
		expect($('link[rel=canonical]').attr('href')).toBe(
			'https://southern.example.net/reports/dredging',
		);
	});

	test('noindex: robots meta keeps our copy out of search', async () => {
		const $ = await loadPage(dist, '/wire/bandar-rail/');
		expect($('meta[name=robots]').attr('content')).toBe('noindex');
	});
});
