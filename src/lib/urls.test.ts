import { describe, expect, test } from 'vitest';
import {
	absoluteUrl,
	isSiteOwnPath,
	sitePath,
	archivePageHref,
	reportAddress,
	reportHref,
	reportIdFromPath,
	reportSlug,
	sectionHref,
	tagSlug,
	sourceHref,
	tagHref,
} from './urls.ts';

describe('urls', () => {
	test('page addresses end with a slash', () => {
		expect(sectionHref('wire')).toBe('/wire/');
		expect(reportHref('wire', 'ferries-run')).toBe('/wire/ferries-run/');
		expect(sourceHref('quay-wire')).toBe('/sources/quay-wire/');
		expect(tagHref('energy')).toBe('/tags/energy/');
		expect(archivePageHref('/tags/energy/', 3)).toBe('/tags/energy/page/3/');
	});

	test('a report slug is the file name, whatever folders it sits in', () => {
		expect(reportSlug('wire/2026/11/ferries-run')).toBe('ferries-run');
		expect(reportSlug('ferries-run')).toBe('ferries-run');
	});

	test('a file path becomes the id the build gives it', () => {
		expect(reportIdFromPath('wire/2026/11/Ferry Strike Ends.md')).toBe(
			'wire/2026/11/ferry-strike-ends',
		);
	});

	test("a report file's address is its section and its file name's slug, whatever the folders", () => {
		expect(reportAddress('content/wire/2026/11/Ferry Strike.md', 'wire')).toEqual({
			section: 'wire',
			slug: 'ferry-strike',
			href: '/wire/ferry-strike/',
		});
		expect(reportAddress('content/wire/ferry-strike.md', 'business-wire').href).toBe(
			'/business-wire/ferry-strike/',
		);
		expect(reportAddress('content/wire/!!!.md', 'wire').slug).toBe('');
	});

	test('absolute URLs join the production origin', () => {
		expect(absoluteUrl('/wire/a/', 'https://news.example.org')).toBe(
			'https://news.example.org/wire/a/',
		);
	});

	test('tag slugs keep letters of any script', () => {
		expect(tagSlug('Middle East')).toBe('middle-east');
		expect(tagSlug('اقتصاد')).toBe('اقتصاد');
	});
});

describe('sitePath', () => {
	test('accepts paths from the site root, adding the trailing slash of a page', () => {
		expect(sitePath('/wire/old-headline')).toBe('/wire/old-headline/');
		expect(sitePath('/2024/05/12/ferry-strike/')).toBe('/2024/05/12/ferry-strike/');
		expect(sitePath('/archive/ferry-strike.html')).toBe('/archive/ferry-strike.html');
		expect(sitePath('/wire/old/index.html')).toBe('/wire/old/');
		expect(sitePath('/index.html')).toBe('/');
	});

	test('refuses what is not an address of this site', () => {
		for (const value of [
			'https://other.example/x/',
			'//other.example/x/',
			'wire/x/',
			'/wire/../x/',
			'/x/?p=1',
			'/x/#top',
			'javascript:alert(1)',
			'/wire/*',
			'/wire/:slug/',
		]) {
			expect(sitePath(value)).toBeUndefined();
		}
	});
});

describe('isSiteOwnPath', () => {
	test('names the addresses the site builds for itself', () => {
		for (const path of [
			'/',
			'/wire/',
			'/wire/page/3/',
			'/wire/rss.xml',
			'/tags/energy/',
			'/sources/',
			'/search/',
			'/rss.xml',
			'/sitemap-reports-1.xml',
			'/_redirects',
		]) {
			expect(isSiteOwnPath(path, ['wire'])).toBe(true);
		}
		for (const path of ['/wire/old-headline/', '/2024/05/ferry/', '/old-story.html'])
			expect(isSiteOwnPath(path, ['wire'])).toBe(false);
	});
});
