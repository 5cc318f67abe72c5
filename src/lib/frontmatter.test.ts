import { describe, expect, test } from 'vitest';
import { frontmatterYamlRange, parseFrontmatter } from './frontmatter.ts';

describe('parseFrontmatter', () => {
	test('returns data, body and the file line of every key', () => {
		const parsed = parseFrontmatter(
			'---\ntitle: Ferries run\nimage:\n  src: /a.jpg\n  alt: A ferry\n---\nThe body.\n',
		);
		expect(parsed.data).toEqual({ title: 'Ferries run', image: { src: '/a.jpg', alt: 'A ferry' } });
		expect(parsed.body).toBe('The body.\n');
		expect(Object.fromEntries(parsed.lines)).toEqual({
			title: 2,
			image: 3,
			'image.src': 4,
			'image.alt': 5,
		});
		expect(parsed.problems).toEqual([]);
	});

	test('keeps timestamps as text so they can be read in the site time zone', () => {
		expect(parseFrontmatter('---\ndate: 2026-11-24 09:30\nday: 2026-11-24\n---\n').data).toEqual({
			date: '2026-11-24 09:30',
			day: '2026-11-24',
		});
	});

	test('handles a byte-order mark and Windows line ends', () => {
		const parsed = parseFrontmatter('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody');
		expect(parsed.data).toEqual({ title: 'Hi' });
		expect(parsed.body).toBe('Body');
	});

	test('reports a file without frontmatter', () => {
		expect(parseFrontmatter('Just text').problems).toMatchObject([
			{ line: 1, message: expect.stringContaining('---') },
		]);
	});

	test('reports a YAML syntax error at its line', () => {
		const parsed = parseFrontmatter('---\ntitle: ok\nurl: [unclosed\ndate: x\n---\n');
		expect(parsed.problems[0]).toMatchObject({ field: '(frontmatter)', severity: 'error' });
		expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(3);
	});

	test('reports a duplicated key', () => {
		expect(parseFrontmatter('---\ntitle: a\ntitle: b\n---\n').problems).toHaveLength(1);
	});

	test('says on which line the body starts', () => {
		expect(parseFrontmatter('---\ntitle: a\nurl: b\n---\nBody').bodyLine).toBe(5);
		expect(parseFrontmatter('---\ntitle: a\n---\n\nBody').bodyLine).toBe(4);
	});

	test('stops a "billion laughs" at the first alias, without a stack trace', () => {
		const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
		for (const name of 'bcdefgh')
			levels.push(
				`${name}: &${name} [${Array(9)
					.fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
					.join(', ')}]`,
			);
		const parsed = parseFrontmatter(`---\ntitle: Bomb\n${levels.join('\n')}\n---\nBody`);
		expect(parsed.data).toEqual({});
		expect(parsed.problems).toEqual([
			{
				line: 4,
				field: '(frontmatter)',
				message: expect.stringMatching(
					/^YAML: Excessive alias count.*; frontmatter needs no aliases/,
				),
				severity: 'error',
			},
		]);
	});

	test('refuses frontmatter nested too deeply or too long', () => {
		expect(
			parseFrontmatter(`---\nx: ${'['.repeat(12)}${']'.repeat(12)}\n---\n`).problems[0]?.message,
		).toBe('YAML: lists and maps nest more than 8 levels deep');
		expect(
			parseFrontmatter(`---\nsummary: ${'word '.repeat(14000)}\n---\n`).problems[0]?.message,
		).toBe('frontmatter is longer than 64 KiB; put long text in the body');
	});
});

describe('frontmatterYamlRange', () => {
	test('spans the YAML between the two "---" lines, after a byte-order mark and CRLF', () => {
		const text = '\uFEFF---\r\ntitle: Hi\r\n---\r\nBody';
		const range = frontmatterYamlRange(text);
		expect(text.slice(range?.start, range?.end)).toBe('title: Hi\r\n');
	});

	test('is undefined without an opening or a closing line', () => {
		expect(frontmatterYamlRange('title: Hi\n')).toBeUndefined();
		expect(frontmatterYamlRange('---\ntitle: Hi\n')).toBeUndefined();
	});
});
