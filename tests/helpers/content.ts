import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { load } from 'cheerio';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { site } from '../../src/site.config.ts';
import { listFiles } from './site.ts';

// What the built feeds and sitemaps should say about each report, worked out here from the
// fixture files with a plain YAML parser and the rules as the README states them, not with the
// build's schema or toReport: a guid, date or excerpt bug in the product must not agree with
// itself. Only the site config (an input, like the content) comes from the project.

/** A report as the content says it should be published. */
export interface ExpectedReport {
	/** Path under content/, e.g. "wire/a.md". */
	file: string;
	title: string;
	originalTitle?: string | undefined;
	summary?: string | undefined;
	author?: string | undefined;
	/** The original report at the agency. */
	url: string;
	/** "/<section>/<file name>/". */
	href: string;
	permalink: string;
	/** The `id` field when there is one, else the permalink. */
	guid: string;
	date: Date;
	updated?: Date | undefined;
	/** Each correction as written, in file order. */
	corrections: { date: Date; text: string }[];
	withdrawn?: { date: Date; reason: string } | undefined;
	expires?: Date | undefined;
	/** Earlier addresses as written. */
	aliases: string[];
	/** The latest of `date`, `updated` and the corrections' dates. */
	lastModified: Date;
	lang: string;
	draft: boolean;
	/**
	 * Whether the build publishes it in lists, feeds, sitemaps and the search: not a draft, not
	 * withdrawn, and not past `expires` at the build's clock.
	 */
	live: boolean;
	section: { slug: string; name: string; disclaimer: string };
	source: {
		slug: string;
		name: string;
		homepage: string;
		feed?: string | undefined;
		policy: string;
	};
	tags: { name: string; slug: string }[];
}

/** A content folder as the tests expect it published. */
export interface Content {
	/** Every report, drafts included, newest first. */
	reports: ExpectedReport[];
}

const OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/i;

/** The UTC offset of a zone at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		})
			.formatToParts(instant)
			.map((part) => [part.type, Number(part.value)]),
	);
	const wall = Date.UTC(
		parts['year'] ?? 0,
		(parts['month'] ?? 1) - 1,
		parts['day'] ?? 1,
		parts['hour'] ?? 0,
		parts['minute'] ?? 0,
		parts['second'] ?? 0,
	);
	return wall - Math.floor(instant / 1000) * 1000;
}

/** A frontmatter date as the README defines it: without an offset, it is read in the site's zone. */
function contentDate(text: unknown, file: string): Date {
	if (typeof text !== 'string') throw new Error(`${file}: a date must be written as text`);
	const iso = text.trim().replace(' ', 'T');
	if (OFFSET.test(iso)) return new Date(iso);
	const [day = '', time = '00:00'] = iso.split('T');
	const wall = Date.parse(`${day}T${time}Z`);
	if (Number.isNaN(wall)) throw new Error(`${file}: cannot read the date ${text}`);
	// The offset at the wall time read as UTC is right except within hours of a change: ask again.
	const first = wall - zoneOffset(wall, site.timeZone);
	return new Date(wall - zoneOffset(first, site.timeZone));
}

/** A tag's address as the README describes it: lower case, spaces to hyphens, punctuation dropped. */
function tagAddress(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Reads a content folder (sources.yaml and every report) with a plain YAML parser, as a build
 * at `builtAt` publishes it.
 */
export async function readContent(contentDir: string, builtAt: Date): Promise<Content> {
	const agencies = parse(await readFile(join(contentDir, 'sources.yaml'), 'utf8')) as Record<
		string,
		{ name: string; homepage: string; feed?: string; policy?: string }
	>;
	const agency = (named: string, file: string) => {
		const found = Object.entries(agencies).find(
			([slug, entry]) =>
				normalise(slug) === normalise(named) || normalise(entry.name) === normalise(named),
		);
		if (!found) throw new Error(`${file}: no agency "${named}" in sources.yaml`);
		const [slug, entry] = found;
		return { slug, ...entry, policy: entry.policy ?? 'index' };
	};
	const files = (await listFiles(contentDir)).filter((file) => file.endsWith('.md'));
	const reports = await Promise.all(
		files.map(async (file): Promise<ExpectedReport> => {
			const source = await readFile(join(contentDir, file), 'utf8');
			const yaml = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source)?.[1];
			if (yaml === undefined) throw new Error(`${file}: no frontmatter`);
			const data = parse(yaml) as Record<string, unknown>;
			const name = basename(file, '.md');
			// The address rule for these fixtures' plain file names; anything else needs the full rule.
			if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`${file}: give fixtures plain file names`);
			const section = site.sections.find(
				(candidate) => candidate.slug === (text(data['section']) ?? site.sections[0]?.slug),
			);
			if (!section) throw new Error(`${file}: unknown section`);
			const href = `/${section.slug}/${name}/`;
			const permalink = new URL(href, site.url).href;
			const id = data['id'];
			if (id !== undefined && typeof id !== 'string') throw new Error(`${file}: id is not text`);
			const date = contentDate(data['date'], file);
			const updated =
				data['updated'] === undefined ? undefined : contentDate(data['updated'], file);
			const corrections = ((data['corrections'] as { date: unknown; text: string }[]) ?? []).map(
				(correction) => ({
					date: contentDate(correction.date, file),
					text: correction.text.trim(),
				}),
			);
			const withdrawn = data['withdrawn'] as { date: unknown; reason: string } | undefined;
			const expires =
				data['expires'] === undefined ? undefined : contentDate(data['expires'], file);
			const draft = data['draft'] === true;
			const tags: ExpectedReport['tags'] = [];
			for (const tag of (data['tags'] as string[] | undefined) ?? []) {
				const slug = tagAddress(tag);
				if (slug && !tags.some((known) => known.slug === slug))
					tags.push({ name: tag.trim(), slug });
			}
			return {
				file,
				title: String(data['title']).trim(),
				originalTitle: text(data['originalTitle'])?.trim(),
				summary: text(data['summary'])?.trim(),
				author: text(data['author'])?.trim(),
				url: String(data['url']).trim(),
				href,
				permalink,
				guid: id ?? permalink,
				date,
				updated,
				corrections,
				withdrawn: withdrawn && {
					date: contentDate(withdrawn.date, file),
					reason: withdrawn.reason.trim(),
				},
				expires,
				aliases: (data['aliases'] as string[] | undefined) ?? [],
				lastModified: new Date(
					Math.max(
						...[date, updated, ...corrections.map((correction) => correction.date)].map(
							(when) => when?.getTime() ?? 0,
						),
					),
				),
				lang: text(data['lang']) ?? site.locale,
				draft,
				live:
					!draft &&
					withdrawn === undefined &&
					date <= builtAt &&
					(expires === undefined || expires > builtAt),
				section: { slug: section.slug, name: section.name, disclaimer: section.disclaimer },
				source: agency(String(data['source']), file),
				tags,
			};
		}),
	);
	reports.sort(
		(a, b) =>
			b.date.getTime() - a.date.getTime() || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
	);
	return { reports };
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, tr, br, div, section';

/** HTML as the text a reader sees: blocks apart, whitespace collapsed. */
export function htmlText(html: string): string {
	const $ = load(html, null, false);
	$(BLOCKS).after(' ');
	return $.root().text().replace(/\s+/g, ' ').trim();
}

async function reportBodyHtml(dist: string, report: ExpectedReport) {
	const $ = load(await readFile(join(dist, report.href, 'index.html'), 'utf8'));
	const body = $('.report-body');
	if (body.length !== 1) throw new Error(`${report.href}: no .report-body`);
	return body;
}

/** The correction notices of a report page as text ('' when it has none), as they open `content:encoded`. */
export async function pageCorrections(dist: string, report: ExpectedReport): Promise<string> {
	const $ = load(await readFile(join(dist, report.href, 'index.html'), 'utf8'));
	return htmlText($('.corrections').html() ?? '');
}

/** The whole body of a report page as text, footnotes included: what `content:encoded` holds. */
export async function pageBody(dist: string, report: ExpectedReport): Promise<string> {
	return htmlText((await reportBodyHtml(dist, report)).html() ?? '');
}

/** A report page's prose as text: no code blocks, images or footnotes. The excerpt is cut from it. */
export async function pageProse(dist: string, report: ExpectedReport): Promise<string> {
	const body = await reportBodyHtml(dist, report);
	body.find('pre, img, svg, math, section[data-footnotes], [data-footnote-ref]').remove();
	return htmlText(body.html() ?? '');
}

const EXCERPT_LIMIT = 100;
// A word, with the marks that join its parts ("Earth's", "3,500", "U.S", a Persian ZWNJ).
const NEXT_WORD =
	/^[^\p{L}\p{M}\p{N}]*[\p{L}\p{M}\p{N}]+(?:['’.,:\u00B7\u200C\u200D][\p{L}\p{M}\p{N}]+)*/u;

/**
 * Checks an excerpt against the README's rule: the summary as written; else the body's prose
 * whole when it fits in about 100 characters; else cut after the last whole word that fits,
 * with "…".
 */
export function expectExcerpt(excerpt: string, report: ExpectedReport, prose: string): void {
	const where = `excerpt of ${report.file}`;
	if (report.summary) {
		expect(excerpt, where).toBe(report.summary.replace(/\s+/g, ' '));
		return;
	}
	expect(prose, `${where}: the page has no prose to cut from`).not.toBe('');
	if (prose.length <= EXCERPT_LIMIT) {
		expect(excerpt, where).toBe(prose);
		return;
	}
	expect(excerpt, where).toMatch(/[\p{L}\p{M}\p{N}]…$/u);
	const head = excerpt.slice(0, -1);
	expect(head.length, where).toBeLessThanOrEqual(EXCERPT_LIMIT);
	expect(prose.startsWith(head), `${where}: "${head}" does not start "${prose}"`).toBe(true);
	const rest = prose.slice(head.length);
	expect(rest, `${where}: cut inside a word`).toMatch(/^[^\p{L}\p{M}\p{N}]/u);
	// The next word would not have fitted: the cut is as late as the limit allows.
	const next = head.length + (NEXT_WORD.exec(rest)?.[0].length ?? 0);
	expect(next, `${where}: "${head}" stops before a word that fits`).toBeGreaterThan(EXCERPT_LIMIT);
}
