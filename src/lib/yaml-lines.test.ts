import { describe, expect, test } from 'vitest';
import { lineOfField, readYamlWithLines, type YamlSource } from './yaml-lines.ts';

const agencies: YamlSource = { firstLine: 1, name: 'the agencies file', tooLongAdvice: 'trim it' };
const frontmatter: YamlSource = { firstLine: 2, name: 'frontmatter', tooLongAdvice: 'cut it' };

/** Eight levels of aliases, each nine of the one before: 9^8 values once expanded. */
function billionLaughs(): string {
	const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
	for (const name of 'bcdefgh') {
		const previous = String.fromCharCode(name.charCodeAt(0) - 1);
		levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
	}
	return levels.join('\n');
}

describe('readYamlWithLines', () => {
	test('gives every key its file line, counted from where the text starts', () => {
		const read = readYamlWithLines('title: Hi\nimage:\n  alt: A ferry\n', frontmatter);
		expect(read.value).toEqual({ title: 'Hi', image: { alt: 'A ferry' } });
		expect(Object.fromEntries(read.lines)).toEqual({ title: 2, image: 3, 'image.alt': 4 });
		expect(read.problems).toEqual([]);
	});

	test('lists the top-level keys in file order, numbers too (a plain object would sort them first)', () => {
		const read = readYamlWithLines('zeta: 1\n2024: 2\nalpha: 3\n', agencies);
		expect(read.keys).toEqual([
			{ key: 'zeta', line: 1 },
			{ key: '2024', line: 2 },
			{ key: 'alpha', line: 3 },
		]);
	});

	test('keeps timestamps as text and refuses a repeated key at its line', () => {
		expect(readYamlWithLines('date: 2026-11-24 09:30', frontmatter).value).toEqual({
			date: '2026-11-24 09:30',
		});
		const repeated = readYamlWithLines('a: 1\nb: 2\na: 3\n', agencies);
		expect(repeated.value).toBeUndefined();
		expect(repeated.problems).toMatchObject([
			{ line: 3, message: expect.stringMatching(/^YAML: /) },
		]);
	});

	test('stops a "billion laughs" at its first alias, naming what needs no aliases', () => {
		const read = readYamlWithLines(`title: Bomb\n${billionLaughs()}`, frontmatter);
		expect(read.value).toBeUndefined();
		expect(read.problems).toEqual([
			{
				line: 4,
				message: expect.stringMatching(
					/^YAML: Excessive alias count.*; frontmatter needs no aliases/,
				),
			},
		]);
	});

	test('refuses nesting deeper than the limit, at the key that nests', () => {
		const read = readYamlWithLines(`ok: 1\ndeep: ${'['.repeat(12)}${']'.repeat(12)}\n`, agencies);
		expect(read.problems).toEqual([
			{ line: 2, message: 'YAML: lists and maps nest more than 8 levels deep' },
		]);
	});

	test('refuses a text over 64 KiB with the advice given for it', () => {
		expect(readYamlWithLines(`x: ${'word '.repeat(14000)}`, agencies).problems).toEqual([
			{ line: 1, message: 'the agencies file is longer than 64 KiB; trim it' },
		]);
	});
});

describe('lineOfField', () => {
	test('falls back to the parent key, then to the first line', () => {
		const lines = new Map([['image', 5]]);
		expect(lineOfField(lines, 'image.alt')).toBe(5);
		expect(lineOfField(lines, 'date')).toBe(1);
	});
});
