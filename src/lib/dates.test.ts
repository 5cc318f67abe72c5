import { describe, expect, test } from 'vitest';
import { isoWithOffset, parseReportDate } from './dates.ts';
import { formatDayRange, formatDisplayDate } from './display-date.ts';

const zone = 'Europe/Berlin';

describe('parseReportDate', () => {
	test('reads a date-time without offset in the site time zone, not UTC', () => {
		expect(parseReportDate('2026-11-24 09:30', zone)).toEqual({
			date: new Date('2026-11-24T08:30:00Z'),
			hasOffset: false,
		});
		expect(parseReportDate('2026-07-01T09:30', zone)?.date.toISOString()).toBe(
			'2026-07-01T07:30:00.000Z',
		);
	});

	test('reads a bare date as midnight in the site time zone', () => {
		expect(parseReportDate('2026-11-24', zone)?.date.toISOString()).toBe(
			'2026-11-23T23:00:00.000Z',
		);
		expect(parseReportDate('2026-11-24', 'Asia/Tehran')?.date.toISOString()).toBe(
			'2026-11-23T20:30:00.000Z',
		);
	});

	test('keeps an explicit offset or Z', () => {
		expect(parseReportDate('2026-11-24T09:30:00+03:30', zone)).toEqual({
			date: new Date('2026-11-24T06:00:00Z'),
			hasOffset: true,
		});
		expect(parseReportDate('2026-11-24T09:30:00-0500', zone)?.date.toISOString()).toBe(
			'2026-11-24T14:30:00.000Z',
		);
		expect(parseReportDate('2026-11-24T09:30:00.250Z', zone)?.date.toISOString()).toBe(
			'2026-11-24T09:30:00.250Z',
		);
	});

	test('rejects text that is not a real date', () => {
		for (const text of [
			'2026-13-01',
			'2026-02-30',
			'2026-11-24T25:00',
			'yesterday',
			'24/11/2026',
			'2026-11-24T09:30+25:00',
			'',
		]) {
			expect(parseReportDate(text, zone), text).toBeUndefined();
		}
	});

	test('accepts 29 February only in a leap year', () => {
		expect(parseReportDate('2028-02-29', zone)).toBeDefined();
		expect(parseReportDate('2027-02-29', zone)).toBeUndefined();
	});
});

describe('isoWithOffset', () => {
	test('writes the instant with the zone offset of that day', () => {
		expect(isoWithOffset(new Date('2026-11-24T08:30:00Z'), zone)).toBe('2026-11-24T09:30:00+01:00');
		expect(isoWithOffset(new Date('2026-07-01T07:30:00Z'), zone)).toBe('2026-07-01T09:30:00+02:00');
	});

	test('writes UTC as an explicit +00:00', () => {
		expect(isoWithOffset(new Date('2026-11-24T08:30:00Z'), 'UTC')).toBe(
			'2026-11-24T08:30:00+00:00',
		);
	});
});

describe('formatDisplayDate', () => {
	test('shows date, time and zone in the site time zone', () => {
		expect(formatDisplayDate(new Date('2026-11-24T08:30:00Z'), zone, 'en-GB')).toBe(
			'24 November 2026 at 09:30 CET',
		);
	});

	test('uses the page language, Persian digits on a Persian page', () => {
		expect(formatDisplayDate(new Date('2026-11-24T08:30:00Z'), zone, 'fa')).toMatch(/[۰-۹]/);
	});
});

describe('formatDayRange', () => {
	test('shows the days a list page covers', () => {
		expect(
			formatDayRange(new Date('2026-10-03T10:00Z'), new Date('2026-10-12T10:00Z'), zone, 'en-GB'),
		).toMatch(/^3\s?–\s?12 October 2026$/);
		expect(
			formatDayRange(new Date('2026-10-03T10:00Z'), new Date('2026-10-03T12:00Z'), zone, 'en-GB'),
		).toBe('3 October 2026');
	});
});
