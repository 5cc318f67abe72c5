import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import {
	redirectPage,
	redirectPageName,
	redirectsFile,
	redirectsOf,
	urlPath,
	type Redirect,
} from './redirects.ts';
import { testSite } from './test-fixtures.ts';

const ferries = {
	href: '/wire/ferries-run/',
	title: 'Ferries "run" again <b>& more</b>',
	lang: 'en-GB',
	dir: 'ltr' as const,
};

describe('redirectsOf', () => {
	test('one redirect per earlier address, ordered by address, whichever report it belongs to', () => {
		const redirects = redirectsOf([
			{ ...ferries, aliases: ['/wire/old-ferries/', '/2026/11/ferries.html'] },
			{ href: '/wire/rail/', title: 'Rail', lang: 'fa', dir: 'rtl', aliases: ['/wire/a-rail/'] },
		]);
		expect(redirects.map((redirect) => [redirect.from, redirect.to])).toEqual([
			['/2026/11/ferries.html', '/wire/ferries-run/'],
			['/wire/a-rail/', '/wire/rail/'],
			['/wire/old-ferries/', '/wire/ferries-run/'],
		]);
		expect(redirects[1]).toMatchObject({ title: 'Rail', lang: 'fa', dir: 'rtl' });
	});
});

describe('redirectPageName', () => {
	test('a page path is served from its folder, an .html file as itself', () => {
		expect(redirectPageName('/wire/old-headline/')).toBe('wire/old-headline/index');
		expect(redirectPageName('/2026/11/ferries.html')).toBe('2026/11/ferries');
	});

	test("no page for a file a static server would not serve as one, nor for a folder's own index.html", () => {
		expect(redirectPageName('/2026/11/ferries.php')).toBeUndefined();
		expect(redirectPageName('/2026/11/ferries.htm')).toBeUndefined();
		expect(redirectPageName('/wire/index.html')).toBeUndefined();
		expect(redirectPageName('/')).toBeUndefined();
	});
});

describe('redirectsFile', () => {
	test('one 301 a line in the Netlify / Cloudflare Pages format, ordered by address', () => {
		const redirect = (from: string, to: string): Redirect => ({ ...ferries, from, to });
		const file = redirectsFile([
			redirect('/wire/old/', '/wire/new/'),
			redirect('/2026/11/ferries.html', '/wire/ferries-run/'),
		]);
		expect(file.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
			'/2026/11/ferries.html /wire/ferries-run/ 301',
			'/wire/old/ /wire/new/ 301',
			'',
		]);
	});

	test('addresses outside ASCII are percent-encoded once, as browsers request them', () => {
		expect(urlPath('/wire/café/')).toBe('/wire/caf%C3%A9/');
		expect(urlPath('/wire/caf%C3%A9/')).toBe('/wire/caf%C3%A9/');
		expect(urlPath('/wire/100%/')).toBe('/wire/100%25/');
	});
});

describe('redirectPage', () => {
	const html = redirectPage(
		{ ...ferries, from: '/wire/old-ferries/', to: '/wire/ferries-run/' },
		testSite,
	);
	const $ = load(html);

	test('refreshes at once to the current address, which it names canonical, and is not indexed', () => {
		expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/wire/ferries-run/');
		expect($('link[rel="canonical"]').attr('href')).toBe(
			'https://news.example.org/wire/ferries-run/',
		);
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
	});

	test('a reader sees a heading and a link with the headline, escaped, in a main landmark', () => {
		expect($('html').attr('lang')).toBe('en-GB');
		expect($('main h1').text()).toBe(testSite.labels.moved);
		expect($('main a').attr('href')).toBe('/wire/ferries-run/');
		expect($('main a').text()).toBe('Ferries "run" again <b>& more</b>');
		expect(html).not.toContain('<b>&');
	});

	test("a headline in another language than the site's carries its own lang and dir", () => {
		const rtl = load(
			redirectPage(
				{ from: '/wire/x/', to: '/wire/y/', title: 'قطار', lang: 'fa', dir: 'rtl' },
				testSite,
			),
		);
		expect(rtl('main a').attr('lang')).toBe('fa');
		expect(rtl('main a').attr('dir')).toBe('rtl');
	});
});
