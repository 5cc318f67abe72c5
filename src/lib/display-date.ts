/**
 * Reader-facing absolute dates, with Intl only, so the same code runs in the build and in the
 * reader's browser (no date library in client JavaScript).
 */

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A reader-facing absolute date and time in the site's time zone, in the page's language.
 * @example formatDisplayDate(new Date('2026-11-24T08:30:00Z'), 'Europe/Berlin', 'en-GB') // => '24 November 2026 at 09:30 CET'
 */
export function formatDisplayDate(date: Date, timeZone: string, lang: string): string {
	const key = `${lang}|${timeZone}`;
	let format = displayFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(lang, {
			year: 'numeric',
			month: 'long',
			day: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			timeZoneName: 'short',
			timeZone,
		});
		displayFormats.set(key, format);
	}
	const textKey = `${date.getTime()}|${key}`;
	let text = displayTexts.get(textKey);
	if (text === undefined) {
		text = format.format(date);
		displayTexts.set(textKey, text);
	}
	return text;
}

// A report's date is shown on many pages; format it once per language.
const displayTexts = new Map<string, string>();

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The span of days covered by a list page, e.g. for an archive page's subtitle.
 * @example formatDayRange(new Date('2026-10-03'), new Date('2026-10-12'), 'Europe/Berlin', 'en-GB') // => '3 – 12 October 2026'
 */
export function formatDayRange(from: Date, to: Date, timeZone: string, lang: string): string {
	const key = `${lang}|${timeZone}`;
	let format = dayFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(lang, {
			year: 'numeric',
			month: 'long',
			day: 'numeric',
			timeZone,
		});
		dayFormats.set(key, format);
	}
	return format.formatRange(from, to);
}
