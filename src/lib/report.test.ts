import { describe, expect, test } from 'vitest';
import { reportHead } from './report-head.ts';
import { checkReportText } from './report-problems.ts';
import { toRssOptions } from './feed.ts';
import {
	lastModified,
	sortNewestFirst,
	toReport,
	uniqueTags,
	updatedAt,
	type Report,
} from './report.ts';
import { newsArticle, reportMetaTags } from './structured-data.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

function report(
	lines: Record<string, string | undefined> = {},
	id = 'wire/2026/11/ferries-run',
	body = 'Crews returned on Wednesday.',
): Report {
	const checked = checkReportText(reportFile(lines, body), `content/${id}.md`, testSchema);
	if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
	return toReport({ id, bodyText: body, data: checked.data }, testSite, testSources);
}

describe('toReport', () => {
	test('derives address, permalink, guid, excerpt and language', () => {
		const ferries = report();
		expect(ferries).toMatchObject({
			slug: 'ferries-run',
			href: '/wire/ferries-run/',
			permalink: 'https://news.example.org/wire/ferries-run/',
			guid: 'https://news.example.org/wire/ferries-run/',
			excerpt: 'Crews returned on Wednesday.',
			lang: 'en-GB',
			dir: 'ltr',
		});
		expect(ferries.source.name).toBe('Quay Wire');
		expect(ferries.section.slug).toBe('wire');
	});

	test('uses the stable id as guid and sets rtl for Persian', () => {
		expect(report({ id: 'quay-1', lang: 'fa' })).toMatchObject({
			guid: 'quay-1',
			lang: 'fa',
			dir: 'rtl',
		});
	});

	test('puts a report of another section under that section', () => {
		expect(report({ section: 'business-wire' }).href).toBe('/business-wire/ferries-run/');
	});
});

describe('uniqueTags', () => {
	test('keeps the first spelling of tags that share a slug', () => {
		expect(uniqueTags(['Middle East', 'middle east', 'Energy'])).toEqual([
			{ name: 'Middle East', slug: 'middle-east' },
			{ name: 'Energy', slug: 'energy' },
		]);
	});
});

describe('sortNewestFirst', () => {
	test('orders by date, then by key for reports at the same instant', () => {
		const at = (key: string, iso: string) => ({ key, date: new Date(iso) });
		const sorted = sortNewestFirst([
			at('b', '2026-11-01T00:00Z'),
			at('c', '2026-11-02T00:00Z'),
			at('a', '2026-11-01T00:00Z'),
		]);
		expect(sorted.map((item) => item.key)).toEqual(['c', 'a', 'b']);
	});
});

describe('lastModified', () => {
	test('a correction moves the last-modified time of the structured data and the feed alike', () => {
		const corrected = report({
			date: '2026-11-04T09:00:00+01:00',
			updated: '2026-11-05T10:30:00+01:00',
		});
		expect(lastModified(corrected).toISOString()).toBe('2026-11-05T09:30:00.000Z');
		expect(lastModified(report({ date: '2026-11-04T09:00:00+01:00' })).toISOString()).toBe(
			'2026-11-04T08:00:00.000Z',
		);
		expect(newsArticle(corrected, testSite)['dateModified']).toBe('2026-11-05T10:30:00+01:00');
		expect(
			reportMetaTags(corrected, testSite, corrected.permalink).find(
				(tag) => tag.property === 'article:modified_time',
			)?.content,
		).toBe('2026-11-05T10:30:00+01:00');
		const { options } = toRssOptions(
			{
				kind: 'site',
				key: '',
				href: '/rss.xml',
				pageHref: '/',
				title: 'T',
				description: 'D',
				reports: [corrected],
			},
			{ site: testSite, contentOf: () => '', stylesheet: '/rss.xsl' },
		);
		expect(options.customData).toContain(
			'<lastBuildDate>Thu, 05 Nov 2026 09:30:00 GMT</lastBuildDate>',
		);
	});
});

describe('lastModified and updatedAt with corrections', () => {
	const corrected = report({
		date: '2026-11-04T09:00:00+01:00',
		updated: '2026-11-05T10:30:00+01:00',
		corrections: [
			'',
			'  - date: 2026-11-06T08:00:00+01:00',
			'    text: The toll is €4.',
			'  - date: 2026-11-04T12:00:00+01:00',
			'    text: The port is Bergen.',
		].join('\n'),
	});

	test('the latest correction is the last modification when it is later than updated', () => {
		expect(lastModified(corrected).toISOString()).toBe('2026-11-06T07:00:00.000Z');
		expect(updatedAt(corrected)?.toISOString()).toBe('2026-11-06T07:00:00.000Z');
		expect(newsArticle(corrected, testSite)['dateModified']).toBe('2026-11-06T08:00:00+01:00');
	});

	test('a correction earlier than updated leaves updated the last modification', () => {
		const early = { ...corrected, corrections: corrected.corrections.slice(1) };
		expect(lastModified(early).toISOString()).toBe('2026-11-05T09:30:00.000Z');
	});

	test('a report never corrected or updated shows no "Updated" time', () => {
		expect(updatedAt(report())).toBeUndefined();
	});

	test('toReport keeps the notices newest first, and the withdrawal and earlier addresses', () => {
		expect(corrected.corrections.map((correction) => correction.text)).toEqual([
			'The toll is €4.',
			'The port is Bergen.',
		]);
		const withdrawn = report({
			date: '2026-11-04T09:00:00+01:00',
			withdrawn: '{ date: 2026-11-05T09:00:00+01:00, reason: Wrong port. }',
			aliases: '[/wire/ferries-old]',
		});
		expect(withdrawn.withdrawn).toEqual({
			date: new Date('2026-11-05T08:00:00Z'),
			reason: 'Wrong port.',
		});
		expect(withdrawn.aliases).toEqual(['/wire/ferries-old/']);
	});
});

describe('reportHead', () => {
	test('an indexed agency: our permalink is canonical, no robots meta', () => {
		expect(reportHead(report(), 'Herald')).toEqual({
			title: 'Ferries run again — Herald',
			description: 'Crews returned on Wednesday.',
			canonical: 'https://news.example.org/wire/ferries-run/',
			robots: undefined,
		});
	});

	test('canonical-to-original points at the agency report', () => {
		expect(reportHead(report({ source: 'Southern Desk & Co' }), 'Herald').canonical).toBe(
			'https://quay.example.com/2026/11/ferries',
		);
	});

	test('noindex keeps our copy out of search', () => {
		expect(reportHead(report({ source: 'Quiet Agency' }), 'Herald').robots).toBe('noindex');
	});
});
