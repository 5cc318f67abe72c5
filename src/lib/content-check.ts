import type { ContentProblem } from './problems.ts';
import { sortProblems } from './problems.ts';
import {
	validateReportFile,
	type ContentFile,
	type FiledReport,
	type ValidationContext,
	type ValidReport,
} from './report-validation.ts';
import { isSiteOwnPath, tagHref, tagSlug } from './urls.ts';

export type { ContentFile, FiledReport } from './report-validation.ts';
export { filedReport } from './report-validation.ts';

/** What the content check needs besides the files. */
export interface ContentCheckOptions extends ValidationContext {
	/** Only report problems of these files (cross-file checks still see every file). */
	only?: ReadonlySet<string> | undefined;
}

/** The result of checking a content folder. */
export interface ContentCheckResult {
	problems: ContentProblem[];
	/** Reports read, and how many of them have no error. */
	reports: number;
	valid: number;
	/** The reports with no error of their own. */
	checked: ValidReport[];
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

const byFile = (a: FiledReport, b: FiledReport) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

function groupBy<K>(
	reports: readonly FiledReport[],
	key: (report: FiledReport) => K | undefined,
): FiledReport[][] {
	const groups = Map.groupBy([...reports].sort(byFile), key);
	groups.delete(undefined);
	return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Reports that would collide once published: two at the same address (section and slug),
 * two with the same stable `id`, or the same original story filed twice. Each problem names
 * the other file.
 */
function collisionProblems(reports: readonly FiledReport[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const [first, ...others] of groupBy(reports, (report) => report.href)) {
		for (const report of others) {
			const message = `the address ${report.href} is already used by ${first?.file}`;
			problems.push({
				file: report.file,
				line: 1,
				field: '(file name)',
				message,
				severity: 'error',
			});
		}
	}
	for (const [first, ...others] of groupBy(reports, (report) => report.id)) {
		for (const report of others) {
			problems.push({
				file: report.file,
				line: report.lines?.id ?? 1,
				field: 'id',
				message: `id ${JSON.stringify(report.id)} is already used by ${first?.file}`,
				severity: 'error',
			});
		}
	}
	for (const group of groupBy(reports, (report) =>
		report.url ? storyKey(report.url) : undefined,
	)) {
		for (const report of group) {
			const others = group.filter((other) => other !== report).map((other) => other.file);
			const message = `the same original report is also filed in ${others.join(', ')}; keep one of them`;
			problems.push({
				file: report.file,
				line: report.lines?.url ?? 1,
				field: 'url',
				message,
				severity: 'error',
			});
		}
	}
	return problems;
}

/** `key`, computed once per distinct text. */
function keyedOnce(key: (text: string) => string): (text: string) => string {
	const keys = new Map<string, string>();
	return (text) => {
		let value = keys.get(text);
		if (value === undefined) keys.set(text, (value = key(text)));
		return value;
	};
}

interface TagUse {
	spelling: string;
	report: FiledReport;
}

/**
 * Tags spelt more than one way. Spellings of one address share one page: one warning per
 * address. Spellings that differ only by case, accents, spaces or hyphens but make different
 * addresses would split a topic over two pages: one error per group, at each file that uses
 * a less common spelling.
 */
function tagProblems(reports: readonly FiledReport[]): ContentProblem[] {
	// An archive uses a few hundred spellings tens of thousands of times: each is keyed once.
	const slugOf = keyedOnce(tagSlug);
	const keyOf = keyedOnce(tagKey);
	const uses: TagUse[] = [];
	for (const report of [...reports].sort(byFile)) {
		for (const spelling of new Set(report.tags.map((tag) => tag.trim())))
			if (slugOf(spelling)) uses.push({ spelling, report });
	}
	const problems: ContentProblem[] = [];
	const spellings = (group: readonly TagUse[]) => {
		const counts = new Map<string, number>();
		for (const use of group) counts.set(use.spelling, (counts.get(use.spelling) ?? 0) + 1);
		return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
	};
	const describe = (counts: [string, number][]) =>
		counts
			.map(([spelling, count]) => `"${spelling}" (${count} report${count === 1 ? '' : 's'})`)
			.join(', ');
	const group = <K>(key: (use: TagUse) => K) => [...Map.groupBy(uses, key).values()];
	for (const same of group((use) => slugOf(use.spelling))) {
		const counts = spellings(same);
		const [preferred] = counts;
		if (counts.length < 2 || !preferred) continue;
		const first = same.find((use) => use.spelling !== preferred[0]);
		if (!first) continue;
		problems.push({
			file: first.report.file,
			line: first.report.lines?.tags ?? 1,
			field: 'tags',
			message: `${describe(counts)} share one tag page, ${tagHref(slugOf(preferred[0]))}; use one spelling`,
			severity: 'warning',
		});
	}
	for (const near of group((use) => keyOf(use.spelling))) {
		const addresses = Map.groupBy(near, (use) => slugOf(use.spelling));
		if (addresses.size < 2) continue;
		const counts = spellings(near);
		const preferred = slugOf(counts[0]?.[0] ?? '');
		for (const [address, users] of addresses) {
			if (address === preferred) continue;
			for (const report of new Set(users.map((use) => use.report))) {
				problems.push({
					file: report.file,
					line: report.lines?.tags ?? 1,
					field: 'tags',
					message: `${describe(counts)} differ only by case, spacing or accents but make ${addresses.size} tag pages; use "${counts[0]?.[0]}"`,
					severity: 'error',
				});
			}
		}
	}
	return problems;
}

const MARKDOWN_LOOKALIKE = /\.(?:markdown|mdown|mkdn?|mdx|md)$/i;

/**
 * Files under content/ that look like reports but are not read as one (only "*.md" is), so an
 * editor's report is never left out without a word.
 * @example strayReportFiles(['content/wire/a.markdown', 'content/wire/b.md']) // => [{ file: 'content/wire/a.markdown', … }]
 */
export function strayReportFiles(paths: readonly string[]): ContentProblem[] {
	return paths
		.filter((path) => MARKDOWN_LOOKALIKE.test(path) && !path.endsWith('.md'))
		.map((path) => ({
			file: path,
			line: 1,
			field: '(file name)',
			message: `not published: only files ending in ".md" are reports; rename it to ${path.replace(MARKDOWN_LOOKALIKE, '.md')}`,
			severity: 'warning' as const,
		}));
}

/** Every problem that needs more than one report to see, in reading order. */
export function crossFileProblems(
	reports: readonly FiledReport[],
	sections: readonly string[],
): ContentProblem[] {
	return sortProblems([
		...collisionProblems(reports),
		...aliasProblems(reports, sections),
		...tagProblems(reports),
	]);
}

/**
 * Earlier addresses that cannot redirect: one the site builds itself, the address of a report
 * (its own or another's), or one another report also claims. Each problem names the other file.
 */
function aliasProblems(
	reports: readonly FiledReport[],
	sections: readonly string[],
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const live = new Map(reports.map((report) => [report.href, report]));
	const claimed = new Map<string, FiledReport>();
	for (const report of [...reports].sort(byFile)) {
		const error = (message: string) =>
			problems.push({
				file: report.file,
				line: report.lines?.aliases ?? 1,
				field: 'aliases',
				message,
				severity: 'error',
			});
		for (const alias of new Set(report.aliases)) {
			const owner = live.get(alias);
			const earlier = claimed.get(alias);
			if (owner === report) error(`${alias} is this report's own address`);
			else if (owner) error(`${alias} is the address of ${owner.file}, a live report`);
			else if (isSiteOwnPath(alias, sections))
				error(`${alias} is an address the site builds itself`);
			else if (earlier) error(`${alias} is already an earlier address of ${earlier.file}`);
			else claimed.set(alias, report);
		}
	}
	return problems;
}

/**
 * Checks report files as the build does (the build runs the same checks): every file on its
 * own, then across files. Every problem, every file, in one pass.
 */
export function checkContent(
	files: readonly ContentFile[],
	options: ContentCheckOptions,
): ContentCheckResult {
	const problems: ContentProblem[] = [];
	const checked: ValidReport[] = [];
	const filed: FiledReport[] = [];
	for (const file of files) {
		const result = validateReportFile(file, options);
		problems.push(...result.problems);
		if (result.report) checked.push(result.report);
		if (result.filed) filed.push(result.filed);
	}
	problems.push(...crossFileProblems(filed, options.sections));
	const shown = options.only
		? problems.filter((problem) => options.only?.has(problem.file))
		: problems;
	return { problems: sortProblems(shown), reports: files.length, valid: checked.length, checked };
}

/**
 * The one line that ends a check: counts, and what to do next.
 * @example summarize({ problems: [], reports: 26, valid: 26, checked: [] }) // => '26 reports checked: no problems.'
 */
export function summarize(result: Pick<ContentCheckResult, 'problems' | 'reports'>): string {
	const count = (severity: ContentProblem['severity']) =>
		result.problems.filter((problem) => problem.severity === severity).length;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const [errors, warnings, notes] = [count('error'), count('warning'), count('info')];
	const files = new Set(
		result.problems
			.filter((problem) => problem.severity === 'error')
			.map((problem) => problem.file),
	).size;
	const head = `${plural(result.reports, 'report')} checked`;
	if (errors + warnings + notes === 0) return `${head}: no problems.`;
	const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notes, 'note')].join(
		', ',
	);
	if (errors > 0)
		return `${head}: ${parts} in ${plural(files, 'file')}. Fix the errors and run npm run content:check again; the build refuses content with errors.`;
	return `${head}: ${parts}. No errors: the content will build.`;
}
