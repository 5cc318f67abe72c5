import { describe, expect, test } from 'vitest';
import {
	absoluteUrl,
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
