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
