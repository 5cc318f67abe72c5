import { describe, expect, test } from 'vitest';
import { unifiedDiff } from './text-diff.ts';

const lines = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe('unifiedDiff', () => {
	test('shows added lines with three lines of context and the ranges diff(1) writes', () => {
		const before = `${lines(10).join('\n')}\n`;
		const after = `${[...lines(6), 'new a', 'new b', ...lines(10).slice(6)].join('\n')}\n`;
		expect(unifiedDiff('content/a.md', before, after)).toBe(
			[
				'--- a/content/a.md',
				'+++ b/content/a.md',
				'@@ -4,6 +4,8 @@',
				' line 4',
				' line 5',
				' line 6',
				'+new a',
				'+new b',
				' line 7',
				' line 8',
				' line 9',
				'',
			].join('\n'),
		);
	});

	test('shows a changed line as removed and added, without the CR of CRLF lines', () => {
		expect(unifiedDiff('a.md', 'a\r\nb\r\n', 'a\r\nb, c\r\n')).toBe(
			'--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n a\n-b\n+b, c\n',
		);
	});

	test('is empty when nothing changed', () => {
		expect(unifiedDiff('a.md', 'a\n', 'a\n')).toBe('');
	});
});
