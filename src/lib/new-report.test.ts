import { describe, expect, test } from 'vitest';
import { headlineSlug, newReportId, reportFilePath, reportMarkdown } from './new-report.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { reportAddress } from './urls.ts';

describe('headlineSlug', () => {
	test('transliterates Latin-script headlines', () => {
		expect(headlineSlug('Zürich court bars "<urgent>" São Paulo & Łódź ﬁnal')).toBe(
			'zuerich-court-bars-urgent-sao-paulo-and-lodz-final',
		);
	});

	test('gives nothing for non-Latin headlines, so the id is used', () => {
		expect(headlineSlug('قطار مسافری پس از چهار سال')).toBeUndefined();
		expect(headlineSlug('北京新闻')).toBeUndefined();
	});

	test("a headline's file name is the address the build gives the file", () => {
		const date = new Date('2026-11-24T09:00:00Z');
		for (const headline of [
			'Zürich court bars "<urgent>" São Paulo & Łódź ﬁnal',
			'  Ports -- reopen: 3,000 crews (back) at 06:00!  ',
			'Ægir’s ÉTÉ ½ ferry',
		]) {
			const slug = headlineSlug(headline) ?? '';
			const path = reportFilePath('wire', date, 'Europe/Berlin', slug);
			expect(reportAddress(path, 'wire').slug, headline).toBe(slug);
		}
	});

	test('cuts a long slug at a word', () => {
		const slug = headlineSlug('word '.repeat(40), 30);
		expect(slug?.length).toBeLessThanOrEqual(30);
		expect(slug?.endsWith('-')).toBe(false);
	});
});

describe('newReportId and reportFilePath', () => {
	test('use the day in the site time zone', () => {
		const lateEvening = new Date('2026-11-30T23:30:00Z');
		expect(newReportId('quay', lateEvening, 'Europe/Berlin', 'abc123')).toBe(
			'quay-20261201-abc123',
		);
		expect(reportFilePath('wire', lateEvening, 'Europe/Berlin', 'x')).toBe(
			'content/wire/2026/12/x.md',
		);
	});
});

describe('reportMarkdown', () => {
	test('writes frontmatter that reads back to the same values', () => {
		const data = {
			title: 'Port: "<urgent>" & more',
			source: 'Cape & Delta Reports',
			url: 'https://a.example/x?a=1&b=2',
			date: '2026-11-24T09:30:00+01:00',
			tags: ['energy', 'middle east'],
			id: '0123',
			draft: true,
		};
		const text = reportMarkdown(data, 'Body.\n');
		expect(parseFrontmatter(text).data).toEqual(data);
		expect(text.endsWith('---\nBody.\n')).toBe(true);
	});
});
