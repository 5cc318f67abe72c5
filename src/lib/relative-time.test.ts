import { describe, expect, test } from 'vitest';
import { formatRelativeTime, relativeTime } from './relative-time.ts';

const now = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => now - ms;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
	test('picks the largest whole unit', () => {
		expect(relativeTime(ago(30_000), now, 7)).toBe('now');
		expect(relativeTime(ago(5 * MINUTE + 59_000), now, 7)).toEqual({ value: 5, unit: 'minute' });
		expect(relativeTime(ago(11 * HOUR + 59 * MINUTE), now, 7)).toEqual({ value: 11, unit: 'hour' });
		expect(relativeTime(ago(2 * DAY + HOUR), now, 7)).toEqual({ value: 2, unit: 'day' });
	});

	test('stops being relative past the limit', () => {
		expect(relativeTime(ago(7 * DAY), now, 7)).toEqual({ value: 7, unit: 'day' });
		expect(relativeTime(ago(7 * DAY + 1), now, 7)).toBeUndefined();
		expect(relativeTime(ago(2 * DAY), now, 1)).toBeUndefined();
	});

	test('a clock slightly behind reads "now"; a clearly future date is not relative', () => {
		expect(relativeTime(now + 2 * MINUTE, now, 7)).toBe('now');
		expect(relativeTime(now + HOUR, now, 7)).toBeUndefined();
	});
});

describe('formatRelativeTime', () => {
	test('English phrases', () => {
		expect(formatRelativeTime('now', 'en-GB')).toBe('just now');
		expect(formatRelativeTime({ value: 5, unit: 'minute' }, 'en-GB')).toBe('5 minutes ago');
		expect(formatRelativeTime({ value: 11, unit: 'hour' }, 'en')).toBe('11 hours ago');
		expect(formatRelativeTime({ value: 1, unit: 'day' }, 'en')).toBe('1 day ago');
		expect(formatRelativeTime({ value: 2, unit: 'day' }, 'en')).toBe('2 days ago');
	});

	test('Persian on a Persian page', () => {
		expect(formatRelativeTime({ value: 11, unit: 'hour' }, 'fa')).toBe('۱۱ ساعت پیش');
		expect(formatRelativeTime('now', 'fa')).toBe('اکنون');
	});
});
