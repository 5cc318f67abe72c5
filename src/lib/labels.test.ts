import { describe, expect, test } from 'vitest';
import { fillLabel, splitLabel } from './labels.ts';

describe('fillLabel', () => {
	test('fills every placeholder it has a value for, and leaves the others as written', () => {
		expect(fillLabel('{count} reports match “{query}”.', { count: 12, query: 'ferry' })).toBe(
			'12 reports match “ferry”.',
		);
		expect(fillLabel('By {author} for {desk}', { author: 'I. Solvang' })).toBe(
			'By I. Solvang for {desk}',
		);
	});
});

describe('splitLabel', () => {
	test('splits around the placeholder, so a <time> can take its place', () => {
		expect(splitLabel('This report was withdrawn on {date}.', 'date')).toEqual([
			'This report was withdrawn on ',
			'.',
		]);
		expect(splitLabel('{date}: withdrawn', 'date')).toEqual(['', ': withdrawn']);
	});

	test('a label without the placeholder comes whole, before the markup', () => {
		expect(splitLabel('Withdrawn.', 'date')).toEqual(['Withdrawn.', '']);
	});
});
