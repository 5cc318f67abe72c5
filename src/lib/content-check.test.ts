import { describe, expect, test } from 'vitest';
import { checkContent, strayReportFiles } from './content-check.ts';
import type { ProjectFiles } from './local-files.ts';
import { testSchema, testSite, reportFile } from './test-fixtures.ts';

const noFiles: ProjectFiles = { isFile: () => false, imageFormat: () => undefined };
const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const check = (...files: ReturnType<typeof file>[]) =>
	checkContent(files, {
		schema: testSchema,
		timeZone: testSite.timeZone,
		sections: testSite.sections.map((section) => section.slug),
		now: new Date('2026-11-30T12:00:00Z'),
		files: noFiles,
	});

describe('checkContent', () => {
	test('two spellings of one tag address are one warning, naming both', () => {
		const result = check(
			file(
				'content/wire/a.md',
				reportFile({ url: 'https://quay.example.com/a', tags: '[Middle East]' }),
			),
			file(
				'content/wire/b.md',
				reportFile({ url: 'https://quay.example.com/b', tags: '[middle-east]' }),
			),
			file(
				'content/wire/c.md',
				reportFile({ url: 'https://quay.example.com/c', tags: '[Middle East]' }),
			),
		);
		expect(result.problems).toEqual([
			{
				file: 'content/wire/b.md',
				line: 6,
				field: 'tags',
				message:
					'"Middle East" (2 reports), "middle-east" (1 report) share one tag page, /tags/middle-east/; use one spelling',
				severity: 'warning',
			},
		]);
	});

	test('spellings that split one topic over two tag pages are errors', () => {
		const result = check(
			file(
				'content/wire/a.md',
				reportFile({ url: 'https://quay.example.com/a', tags: '[Café culture]' }),
			),
			file(
				'content/wire/b.md',
				reportFile({ url: 'https://quay.example.com/b', tags: '[Cafe culture]' }),
			),
			file(
				'content/wire/c.md',
				reportFile({ url: 'https://quay.example.com/c', tags: '[Café culture]' }),
			),
		);
		expect(result.problems).toMatchObject([
			{
				file: 'content/wire/b.md',
				field: 'tags',
				severity: 'error',
				message: expect.stringContaining('make 2 tag pages; use "Café culture"'),
			},
		]);
	});

	test('a tag or a file name that makes no address is an error at its line', () => {
		const result = check(file('content/wire/!!!.md', reportFile({ tags: '["..", ok]' })));
		expect(
			result.problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.message}`),
		).toEqual([
			'1: (file name): the file name makes no address: use letters or digits, e.g. ferry-strike-ends.md',
			'6: tags: tag ".." makes no address: use letters or digits',
		]);
		expect(result.valid).toBe(0);
	});

	test('every file is checked even when one cannot be read', () => {
		const latin1 = {
			path: 'content/wire/latin.md',
			bytes: Uint8Array.from([...new TextEncoder().encode('---\ntitle: caf'), 0xe9, 0x0a]),
		};
		const result = check(latin1, file('content/wire/b.md', reportFile({ url: 'javascript:x' })));
		expect(
			result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field}`),
		).toEqual(['content/wire/b.md:4: url', 'content/wire/latin.md:2: (file)']);
	});
});

describe('strayReportFiles', () => {
	test('warns about Markdown files the build would not read', () => {
		expect(
			strayReportFiles([
				'content/wire/a.markdown',
				'content/wire/b.md',
				'content/wire/c.MD',
				'content/wire/d.jpg',
			]).map((problem) => problem.message),
		).toEqual([
			'not published: only files ending in ".md" are reports; rename it to content/wire/a.md',
			'not published: only files ending in ".md" are reports; rename it to content/wire/c.md',
		]);
	});
});

describe('earlier addresses (aliases)', () => {
	test("an alias that is a live address, another report's alias or the site's own is an error naming the other file", () => {
		const result = check(
			file(
				'content/wire/a.md',
				reportFile({
					url: 'https://quay.example.com/a',
					aliases: '[/wire/b/, /wire/old-a/, /tags/energy/]',
				}),
			),
			file(
				'content/wire/b.md',
				reportFile({ url: 'https://quay.example.com/b', aliases: '[/wire/old-a/, /wire/b]' }),
			),
		);
		expect(
			result.problems.map(
				(problem) => `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`,
			),
		).toEqual([
			'content/wire/a.md:6: aliases: /wire/b/ is the address of content/wire/b.md, a live report',
			'content/wire/a.md:6: aliases: /tags/energy/ is an address the site builds itself',
			'content/wire/b.md:6: aliases: /wire/old-a/ is already an earlier address of content/wire/a.md',
			"content/wire/b.md:6: aliases: /wire/b/ is this report's own address",
		]);
	});
});

describe('corrections and withdrawals against the clock', () => {
	test('a correction or a withdrawal dated after now is an error; a withdrawal is noted', () => {
		const result = check(
			file(
				'content/wire/a.md',
				reportFile({ corrections: '[{ date: 2026-12-24T10:00+01:00, text: Not yet. }]' }),
			),
			file(
				'content/wire/b.md',
				reportFile({
					url: 'https://quay.example.com/b',
					withdrawn: '{ date: 2026-11-25T10:00+01:00, reason: Licence ended. }',
				}),
			),
		);
		expect(
			result.problems.map(
				(problem) =>
					`${problem.file}:${problem.line}: ${problem.field}: ${problem.severity}: ${problem.message}`,
			),
		).toEqual([
			'content/wire/a.md:6: corrections.0.date: error: 2026-12-24T10:00:00+01:00 is later than now (2026-11-30T13:00:00+01:00); date a correction when it is made',
			'content/wire/b.md:6: withdrawn: info: withdrawn on 2026-11-25T10:00:00+01:00: its address shows the withdrawal notice',
		]);
	});
});

describe('one mistake does not hide another', () => {
	test('a report with a problem of its own is still checked against the others', () => {
		const result = check(
			file(
				'content/wire/a.md',
				reportFile({
					url: 'https://quay.example.com/a',
					corrections: '[{ date: 2026-11-01T10:00+01:00, text: Too early. }]',
					aliases: '[/wire/b/]',
				}),
			),
			file('content/wire/b.md', reportFile({ url: 'https://quay.example.com/b' })),
		);
		expect(
			result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field}`),
		).toEqual(['content/wire/a.md:6: corrections.0.date', 'content/wire/a.md:7: aliases']);
	});
});
