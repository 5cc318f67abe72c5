import { isoWithOffset, parseReportDate } from './dates.ts';
import type { ContentProblem } from './problems.ts';
import { sortProblems } from './problems.ts';
import { collisionProblems, checkReportText, type FiledReport } from './report-problems.ts';
import type { ReportData, ReportSchema } from './report-schema.ts';
import { lineOfField } from './frontmatter.ts';
import { isHttpUrl } from './http-url.ts';
import { reportIdFromPath, reportSlug } from './urls.ts';

/** One report file to check: its path as shown to editors (e.g. "content/wire/a.md") and text. */
export interface ContentFile {
	path: string;
	text: string;
}

/** What the content check needs besides the files. */
export interface ContentCheckOptions {
	schema: ReportSchema;
	timeZone: string;
	/** The moment to judge scheduled and expired reports against. */
	now: Date;
	/**
	 * Whether an image exists: a path from the site root ("/images/a.jpg") in public/, or a path
	 * relative to the report file ("./a.jpg").
	 */
	imageExists: (src: string, reportPath: string) => boolean;
	/** Only report problems of these files (cross-file checks still see every file). */
	only?: ReadonlySet<string> | undefined;
}

/** The result of checking a content folder. */
export interface ContentCheckResult {
	problems: ContentProblem[];
	/** Reports read, and how many of them parse. */
	reports: number;
	valid: number;
}

interface Checked {
	file: ContentFile;
	data: ReportData;
	raw: Record<string, unknown>;
	lines: ReadonlyMap<string, number>;
}

/**
 * A URL as the same story would be filed twice: host in lower case, no fragment, no
 * trailing slash.
 * @example storyKey('https://Agency.example/a/#top') // => 'https://agency.example/a'
 */
export function storyKey(url: string): string {
	if (!URL.canParse(url)) return url.trim();
	const parsed = new URL(url);
	parsed.hash = '';
	return parsed.href.replace(/\/+$/, '');
}

/**
 * A tag as editors may mistype it: no case, accents, spaces, hyphens or underscores.
 * @example tagKey('  Café_Culture ') // => 'cafeculture'
 */
export function tagKey(tag: string): string {
	return tag
		.normalize('NFKD')
		.replace(/\p{Mn}/gu, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
}

function duplicateUrls(checked: readonly Checked[]): ContentProblem[] {
	const byStory = new Map<string, Checked[]>();
	for (const item of checked) {
		const key = storyKey(item.data.url);
		byStory.set(key, [...(byStory.get(key) ?? []), item]);
	}
	const problems: ContentProblem[] = [];
	for (const group of byStory.values()) {
		if (group.length < 2) continue;
		for (const item of group) {
			const others = group.filter((other) => other !== item).map((other) => other.file.path);
			problems.push({
				file: item.file.path,
				line: lineOfField(item.lines, 'url'),
				field: 'url',
				message: `the same original report is also filed in ${others.join(', ')}; keep one of them`,
				severity: 'error',
			});
		}
	}
	return problems;
}

function tagVariants(checked: readonly Checked[]): ContentProblem[] {
	// For each mistype key, how often each spelling is used.
	const spellings = new Map<string, Map<string, number>>();
	for (const item of checked) {
		for (const tag of item.data.tags) {
			const counts = spellings.get(tagKey(tag)) ?? new Map<string, number>();
			counts.set(tag, (counts.get(tag) ?? 0) + 1);
			spellings.set(tagKey(tag), counts);
		}
	}
	const preferred = new Map<string, string>();
	for (const [key, counts] of spellings) {
		if (counts.size < 2) continue;
		const [best] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
		if (best) preferred.set(key, best[0]);
	}
	const problems: ContentProblem[] = [];
	for (const item of checked) {
		for (const tag of item.data.tags) {
			const best = preferred.get(tagKey(tag));
			if (best === undefined || best === tag) continue;
			const uses = spellings.get(tagKey(tag))?.get(best) ?? 0;
			problems.push({
				file: item.file.path,
				line: lineOfField(item.lines, 'tags'),
				field: 'tags',
				message: `tag "${tag}" differs from "${best}" (used in ${uses} report${uses === 1 ? '' : 's'}) only by case, spacing or accents; use one spelling`,
				severity: 'error',
			});
		}
	}
	return problems;
}

function dateNotes(item: Checked, { timeZone, now }: ContentCheckOptions): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const note = (field: string, message: string, severity: ContentProblem['severity']) =>
		problems.push({ file: item.file.path, line: lineOfField(item.lines, field), field, message, severity });
	for (const field of ['date', 'updated', 'expires'] as const) {
		const written = item.raw[field];
		if (typeof written !== 'string') continue;
		const parsed = parseReportDate(written, timeZone);
		if (parsed && !parsed.hasOffset) {
			note(field, `"${written}" has no UTC offset; it is read in ${timeZone}, as ${isoWithOffset(parsed.date, timeZone)}`, 'warning');
		}
	}
	if (item.data.date > now) {
		note('date', `scheduled: first published by a build after ${isoWithOffset(item.data.date, timeZone)}`, 'info');
	}
	if (item.data.expires && item.data.expires <= now) {
		note('expires', `expired on ${isoWithOffset(item.data.expires, timeZone)}: left out of every build`, 'info');
	}
	return problems;
}

/**
 * Checks report files as the build would, and beyond: the same story filed twice, tags that
 * differ only by case, spacing or accents, images missing from public/, dates without an offset
 * (warning), scheduled and expired reports (info). Every problem, every file, in one pass.
 */
export function checkContent(files: readonly ContentFile[], options: ContentCheckOptions): ContentCheckResult {
	const problems: ContentProblem[] = [];
	const checked: Checked[] = [];
	for (const file of files) {
		const result = checkReportText(file.text, file.path, options.schema);
		problems.push(...result.problems);
		if (!result.ok) continue;
		const item = { file, data: result.data, raw: result.raw, lines: result.lines };
		checked.push(item);
		problems.push(...dateNotes(item, options));
		const src = result.data.image?.src;
		if (typeof src === 'string' && !isHttpUrl(src) && !options.imageExists(src, file.path)) {
			const where = src.startsWith('/') ? `public${src}` : `${src} beside the report`;
			problems.push({
				file: file.path,
				line: lineOfField(result.lines, 'image.src'),
				field: 'image.src',
				message: `no file ${where}; put the image there or fix the path`,
				severity: 'error',
			});
		}
	}
	const filed: FiledReport[] = checked.map((item) => ({
		file: item.file.path,
		section: item.data.section,
		slug: reportSlug(reportIdFromPath(item.file.path.replace(/^content\//, ''))),
		id: item.data.id,
	}));
	problems.push(...collisionProblems(filed), ...duplicateUrls(checked), ...tagVariants(checked));
	const shown = options.only ? problems.filter((problem) => options.only?.has(problem.file)) : problems;
	return { problems: sortProblems(shown), reports: files.length, valid: checked.length };
}

/**
 * The one line that ends a check: counts, and what to do next.
 * @example summarize({ problems: [], reports: 26, valid: 26 }) // => '26 reports checked: no problems.'
 */
export function summarize(result: ContentCheckResult): string {
	const count = (severity: ContentProblem['severity']) => result.problems.filter((problem) => problem.severity === severity).length;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const [errors, warnings, notes] = [count('error'), count('warning'), count('info')];
	const files = new Set(result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file)).size;
	const head = `${plural(result.reports, 'report')} checked`;
	if (errors + warnings + notes === 0) return `${head}: no problems.`;
	const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notes, 'note')].join(', ');
	if (errors > 0) return `${head}: ${parts} in ${plural(files, 'file')}. Fix the errors and run npm run content:check again; the build refuses content with errors.`;
	return `${head}: ${parts}. No errors: the content will build.`;
}
