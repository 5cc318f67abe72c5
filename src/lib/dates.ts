import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns/formatISO';

/** A frontmatter date read into an instant, remembering whether the editor gave an offset. */
export interface ReportDate {
	date: Date;
	hasOffset: boolean;
}

// ISO 8601 as editors write it: a date, optionally a time (T or space), optionally Z or ±HH:MM.
const DATE_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string): number {
	if (offset.toUpperCase() === 'Z') return 0;
	const sign = offset.startsWith('-') ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/**
 * Reads an ISO 8601 date as an editor writes it. A date or time without an offset is read in
 * `timeZone` (so "2026-11-24" is midnight in the newsroom, not UTC midnight).
 * Returns undefined when the text is not a real date.
 * @example parseReportDate('2026-11-24 09:30', 'Europe/Berlin')?.date.toISOString() // => '2026-11-24T08:30:00.000Z'
 */
export function parseReportDate(text: string, timeZone: string): ReportDate | undefined {
	const match = DATE_PATTERN.exec(text.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	if (offset !== undefined) {
		const minutes = offsetMinutes(offset);
		if (Math.abs(minutes) > 18 * 60) return undefined;
		const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
		return { date: new Date(utc - minutes * 60_000), hasOffset: true };
	}
	const zoned = new TZDate(year, month - 1, day, hour, minute, second, millisecond, timeZone);
	return { date: new Date(zoned.getTime()), hasOffset: false };
}

/**
 * The instant as ISO 8601 with the site's offset, for `<time datetime>` and JSON-LD.
 * @example isoWithOffset(new Date('2026-11-24T08:30:00Z'), 'Europe/Berlin') // => '2026-11-24T09:30:00+01:00'
 */
export function isoWithOffset(date: Date, timeZone: string): string {
	// Each report's dates are written on many pages (lists, recent posts, feeds): compute once.
	const key = `${date.getTime()}|${timeZone}`;
	let iso = isoCache.get(key);
	if (iso === undefined) {
		const formatted = formatISO(new TZDate(date.getTime(), timeZone));
		// date-fns writes UTC as "Z"; an explicit "+00:00" reads the same everywhere.
		iso = formatted.endsWith('Z') ? `${formatted.slice(0, -1)}+00:00` : formatted;
		isoCache.set(key, iso);
	}
	return iso;
}

const isoCache = new Map<string, string>();

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date as the site's newsroom reads it: "2026-11-04T09:15" in the site's zone, for an
 * <input type="datetime-local">; undefined when the text is not a date.
 * @example wallClock('2026-11-04T08:15:00Z', 'Europe/Berlin') // => '2026-11-04T09:15'
 */
export function wallClock(value: string, timeZone: string): string | undefined {
	const parsed = parseReportDate(value, timeZone);
	if (!parsed) return undefined;
	const day = new TZDate(parsed.date.getTime(), timeZone);
	return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T${pad(day.getHours())}:${pad(day.getMinutes())}`;
}

/**
 * What the desk writes for a time the editor entered in the site's zone: ISO 8601 with the
 * zone's offset, as `report:new` writes dates. Empty input stays empty.
 * @example fromWallClock('2026-11-04T09:15', 'Europe/Berlin') // => '2026-11-04T09:15:00+01:00'
 */
export function fromWallClock(input: string, timeZone: string): string {
	const parsed = input ? parseReportDate(input, timeZone) : undefined;
	return parsed ? isoWithOffset(parsed.date, timeZone) : '';
}
