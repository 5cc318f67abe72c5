import { describe, expect, test } from 'vitest';
import { listingPages } from './listing-pages.ts';
import { groupReports, reportsBefore } from './listings.ts';
import { checkReportText } from './report-problems.ts';
import { sortNewestFirst, toReport, type Report } from './report.ts';
import { defineSiteConfig } from './site-config.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

function report(index: number, fields: Record<string, string> = {}): Report {
	const day = String(index).padStart(2, '0');
	const id = `${fields['section'] ?? 'wire'}/report-${day}`;
	const checked = checkReportText(
		reportFile({ date: `2026-10-${day}T12:00:00+02:00`, ...fields }),
		`content/${id}.md`,
		testSchema,
	);
	if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
	return toReport({ id, bodyText: 'Body.', data: checked.data }, testSite, testSources);
}

// Ten reports over ten days; 1 is the oldest.
const reports = sortNewestFirst([
	...Array.from({ length: 8 }, (_, index) =>
		report(index + 1, { tags: index % 2 ? '[energy]' : '[energy, Ports]' }),
	),
	report(9, { section: 'business-wire', source: 'Quiet Agency', tags: '[ports]' }),
	report(10, { tags: '[PORTS]' }),
]);
const listings = groupReports(reports);

describe('groupReports', () => {
	test('groups by section, agency and tag, newest first', () => {
		expect(listings.bySection.get('wire')?.map((item) => item.slug)).toEqual([
			'report-10',
			'report-08',
			'report-07',
			'report-06',
			'report-05',
			'report-04',
			'report-03',
			'report-02',
			'report-01',
		]);
		expect([...listings.bySource.keys()]).toEqual(['quay-wire', 'quiet']);
		expect([...listings.byTag.keys()]).toEqual(['energy', 'ports']);
		expect(listings.byTag.get('ports')?.reports.length).toBe(6);
	});

	test('a tag page keeps the oldest spelling of its tag, so new reports never rename it', () => {
		expect(listings.byTag.get('ports')?.tag.name).toBe('Ports');
	});

	test('neighbours are within the section', () => {
		const neighbours = listings.neighbours.get('wire/report-10');
		expect(neighbours?.older?.slug).toBe('report-08');
		expect(neighbours?.newer).toBeUndefined();
	});
});

describe('reportsBefore', () => {
	test('lists the reports published just before one, across sections', () => {
		const newest = listings.all[0];
		expect(newest && reportsBefore(listings, newest, 3).map((item) => item.slug)).toEqual([
			'report-09',
			'report-08',
			'report-07',
		]);
		const oldest = listings.all.at(-1);
		expect(oldest && reportsBefore(listings, oldest, 3)).toEqual([]);
	});
});

describe('listingPages', () => {
	const site = defineSiteConfig({ ...testSite, pageSize: 4 });
	const pages = listingPages(listings, site);
	const byHref = new Map(pages.map((page) => [page.href, page]));

	test('makes first and archive pages for sections, agencies and tags', () => {
		expect(pages.map((page) => page.href)).toEqual([
			'/wire/',
			'/wire/page/1/',
			'/wire/page/2/',
			'/wire/page/3/',
			'/business-wire/',
			'/sources/quay-wire/',
			'/sources/quay-wire/page/1/',
			'/sources/quay-wire/page/2/',
			'/sources/quay-wire/page/3/',
			'/sources/quiet/',
			'/tags/energy/',
			'/tags/energy/page/1/',
			'/tags/energy/page/2/',
			'/tags/energy/page/3/',
			'/tags/ports/',
			'/tags/ports/page/1/',
			'/tags/ports/page/2/',
		]);
		expect(byHref.get('/wire/page/3/')?.redirectTo).toBe('/wire/');
		expect(byHref.get('/wire/page/2/')?.redirectTo).toBeUndefined();
	});

	test('first pages link to the archive; archive pages to each other and back', () => {
		expect(byHref.get('/wire/')).toMatchObject({
			older: '/wire/page/2/',
			title: 'Wire — Test Herald',
			section: 'wire',
		});
		expect(byHref.get('/wire/page/1/')).toMatchObject({ older: undefined, newer: '/wire/page/2/' });
		expect(byHref.get('/wire/page/2/')).toMatchObject({
			older: '/wire/page/1/',
			newer: '/wire/page/3/',
		});
	});

	test('an archive page names the days it covers, never "page N of M"', () => {
		const page = byHref.get('/wire/page/1/');
		expect(page?.subheading).toMatch(/^Reports from 1\s?–\s?4 October 2026$/);
		expect(page?.title).not.toMatch(/of \d/);
		expect(page?.reports.map((item) => item.slug)).toEqual([
			'report-04',
			'report-03',
			'report-02',
			'report-01',
		]);
	});

	test('agency pages link the agency website; tag pages name the tag', () => {
		expect(byHref.get('/sources/quiet/')).toMatchObject({
			heading: 'Reports from Quiet Agency',
			link: { href: 'https://quiet.example.org/' },
		});
		expect(byHref.get('/tags/ports/')?.heading).toBe('Reports tagged “Ports”');
	});
});
