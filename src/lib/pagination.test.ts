import { describe, expect, test } from 'vitest';
import { paginateFromOldest } from './pagination.ts';

// Report numbers in publication order: 1 is the oldest; lists are newest first.
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe('paginateFromOldest', () => {
	test('a short list is one first page with no archive', () => {
		expect(paginateFromOldest(newestFirst(7), 10)).toEqual({
			first: { items: [7, 6, 5, 4, 3, 2, 1], older: undefined },
			archive: [],
			filling: undefined,
		});
	});

	test('archive pages hold complete pages counted from the oldest report', () => {
		const paged = paginateFromOldest(newestFirst(25), 10);
		expect(paged.first).toEqual({ items: [25, 24, 23, 22, 21, 20, 19, 18, 17, 16], older: 2 });
		expect(paged.archive).toEqual([
			{ number: 1, items: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], older: undefined, newer: 2 },
			{ number: 2, items: [20, 19, 18, 17, 16, 15, 14, 13, 12, 11], older: 1, newer: 3 },
		]);
		// Page 3 is still filling: its address points to the first page.
		expect(paged.filling).toBe(3);
	});

	test('publishing a report leaves every archive page as it was', () => {
		const before = paginateFromOldest(newestFirst(61), 10);
		const after = paginateFromOldest(newestFirst(62), 10);
		expect(after.archive).toEqual(before.archive);
		expect(after.first).not.toEqual(before.first);
	});

	test('when a list reaches a multiple of the page size a new archive page appears and no other changes', () => {
		const before = paginateFromOldest(newestFirst(59), 10);
		const after = paginateFromOldest(newestFirst(60), 10);
		expect(after.archive.slice(0, 5)).toEqual(before.archive);
		expect(before.filling).toBe(6);
		expect(after.archive[5]).toEqual({
			number: 6,
			items: [60, 59, 58, 57, 56, 55, 54, 53, 52, 51],
			older: 5,
			newer: 7,
		});
		expect(after.filling).toBe(7);
		// The first page then repeats page 6, so its "older" link skips to page 5.
		expect(after.first.older).toBe(5);
	});

	test('every report is on the first page or an archive page', () => {
		for (const count of [0, 1, 9, 10, 11, 19, 20, 21, 99, 100]) {
			const paged = paginateFromOldest(newestFirst(count), 10);
			const seen = new Set([...paged.first.items, ...paged.archive.flatMap((page) => page.items)]);
			expect(seen.size, String(count)).toBe(count);
		}
	});
});
