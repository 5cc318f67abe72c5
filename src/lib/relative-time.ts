/**
 * "11 hours ago", computed from the reader's clock: this runs in the browser, never in the
 * build, so a cached page stays true. Pure functions; the caller passes `now`.
 */

/** How long ago something happened, in the largest whole unit. */
export type RelativeTime = { value: number; unit: 'minute' | 'hour' | 'day' } | 'now';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A reader's clock a few minutes behind the newsroom's still reads "just now", not "in 3 minutes".
const CLOCK_SKEW = 5 * MINUTE;

/**
 * The relative time of `date` seen at `now`, or undefined when it is older than `limitDays`
 * (then the absolute date alone is shown) or clearly in the future.
 * @example relativeTime(Date.parse('2026-11-24T01:00Z'), Date.parse('2026-11-24T12:30Z'), 7) // => { value: 11, unit: 'hour' }
 */
export function relativeTime(
	date: number,
	now: number,
	limitDays: number,
): RelativeTime | undefined {
	const elapsed = now - date;
	if (elapsed < -CLOCK_SKEW || elapsed > limitDays * DAY) return undefined;
	if (elapsed < MINUTE) return 'now';
	if (elapsed < HOUR) return { value: Math.floor(elapsed / MINUTE), unit: 'minute' };
	if (elapsed < DAY) return { value: Math.floor(elapsed / HOUR), unit: 'hour' };
	return { value: Math.floor(elapsed / DAY), unit: 'day' };
}

const formats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * The phrase for a relative time in a language.
 * @example formatRelativeTime({ value: 11, unit: 'hour' }, 'en') // => '11 hours ago'
 */
export function formatRelativeTime(time: RelativeTime, lang: string): string {
	const numeric = time === 'now' ? 'auto' : 'always';
	const key = `${lang}|${numeric}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.RelativeTimeFormat(lang, { numeric });
		formats.set(key, format);
	}
	if (time === 'now') {
		// Intl says "now"; English newsrooms write "just now".
		return lang.toLowerCase().startsWith('en') ? 'just now' : format.format(0, 'second');
	}
	return format.format(-time.value, time.unit);
}
