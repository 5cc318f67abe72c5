import { describe, expect, test } from 'vitest';
import { fillLabel } from './labels.ts';

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
