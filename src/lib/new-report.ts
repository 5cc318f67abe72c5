import slugify from '@sindresorhus/slugify';
import { TZDate } from '@date-fns/tz';
import { stringify } from 'yaml';
import { FRONTMATTER_YAML_OPTIONS } from './frontmatter.ts';

/**
 * The file slug for a headline: a transliteration for Latin-script headlines, else undefined
 * (the caller falls back to the report's id, since a romanised Persian or Chinese headline
 * helps no one). The slug rule for new file names; addresses are github-slugger's (see urls.ts).
 * @example headlineSlug('Zürich court rejects “urgent” appeal') // => 'zuerich-court-rejects-urgent-appeal'
 */
export function headlineSlug(headline: string, maxLength = 80): string | undefined {
	const text = headline.normalize('NFKC');
	if (!/\p{Script=Latin}/u.test(text)) return undefined;
	let slug = slugify(text);
	if (slug.length > maxLength) slug = slug.slice(0, maxLength).replace(/-[^-]*$/, '');
	return slug || undefined;
}

/**
 * A fresh stable id for a report: the agency, the day and a random part.
 * @example newReportId('harbourline', new Date('2026-11-24T09:00Z'), 'Europe/Berlin', 'a1b2c3') // => 'harbourline-20261124-a1b2c3'
 */
export function newReportId(
	sourceSlug: string,
	date: Date,
	timeZone: string,
	random: string,
): string {
	const day = new TZDate(date.getTime(), timeZone);
	const stamp = `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, '0')}${String(day.getDate()).padStart(2, '0')}`;
	return `${sourceSlug}-${stamp}-${random}`;
}

/**
 * Six random hex digits for a new report id (Web Crypto: the CLIs and the desk in the browser).
 * @example randomIdPart() // => 'a1b2c3'
 */
export function randomIdPart(): string {
	return [...crypto.getRandomValues(new Uint8Array(3))]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
}

/**
 * Where a new report is filed: by section, year and month of its date in the site's zone.
 * @example reportFilePath('wire', new Date('2026-11-24T09:00Z'), 'Europe/Berlin', 'ferries-run') // => 'content/wire/2026/11/ferries-run.md'
 */
export function reportFilePath(
	section: string,
	date: Date,
	timeZone: string,
	slug: string,
): string {
	const { year, month } = filingMonth(date, timeZone);
	return `content/${section}/${year}/${month}/${slug}.md`;
}

/**
 * The year and month folders a report dated `date` is filed in, in the site's zone (the web
 * desk files new reports by the same rule).
 * @example filingMonth(new Date('2026-11-30T23:30Z'), 'Europe/Berlin') // => { year: '2026', month: '12' }
 */
export function filingMonth(date: Date, timeZone: string): { year: string; month: string } {
	const day = new TZDate(date.getTime(), timeZone);
	return { year: String(day.getFullYear()), month: String(day.getMonth() + 1).padStart(2, '0') };
}

/**
 * A report file: YAML frontmatter (quoted where YAML needs it) and the Markdown body.
 * @example reportMarkdown({ title: 'Ports: open' }, '') // => '---\ntitle: "Ports: open"\n---\n'
 */
export function reportMarkdown(frontmatter: Record<string, unknown>, body: string): string {
	const yaml = stringify(frontmatter, FRONTMATTER_YAML_OPTIONS);
	return `---\n${yaml}---\n${body}`;
}
