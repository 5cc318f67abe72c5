import { bodyReferences } from './body-references.ts';
import { isoWithOffset, parseReportDate } from './dates.ts';
import { lineOfField } from './yaml-lines.ts';
import { isHttpUrl } from './http-url.ts';
import {
	checkProcessedImage,
	checkReference,
	isProcessableImage,
	type LocalFileCheck,
	type ProjectFiles,
} from './local-files.ts';
import { sortProblems, type ContentProblem } from './problems.ts';
import { checkReportText } from './report-problems.ts';
import { isRelativeImagePath, type ReportData, type ReportSchema } from './report-schema.ts';
import { decodeReportText, forbiddenCharacter } from './report-text.ts';
import { reportAddress, sitePath, tagSlug } from './urls.ts';

/** One report file as read from disk or from git: its path ("content/wire/a.md") and bytes. */
export interface ContentFile {
	path: string;
	bytes: Uint8Array;
}

/** What checking a report needs besides its file. */
export interface ValidationContext {
	schema: ReportSchema;
	/** IANA zone in which dates without an offset are read. */
	timeZone: string;
	/** The moment to judge scheduled and expired reports against. */
	now: Date;
	/** The project's files, for images and links to local files. */
	files: ProjectFiles;
	/** The site's section slugs: addresses under them are the site's own. */
	sections: readonly string[];
}

/** A project file a published report needs, with where the report names it. */
export interface NeededFile {
	path: string;
	line: number;
	field: string;
	/** Whether the build reads it as an image (so it must stay one). */
	image: boolean;
}

/** A report that passed every check of its own file. */
export interface ValidReport {
	path: string;
	text: string;
	data: ReportData;
	/** The frontmatter as written (dates still text), and the line of each key. */
	raw: Record<string, unknown>;
	lines: ReadonlyMap<string, number>;
	body: string;
	/** Files under content/ and public/ the page needs, checked again on every build. */
	needs: NeededFile[];
}

/** What the checks across files need to know of each report, wherever it was read from. */
export interface FiledReport {
	file: string;
	/** The address it is published at ({@link reportAddress}). */
	href: string;
	/** The stable `id` field, when set. */
	id?: string | undefined;
	url: string;
	tags: readonly string[];
	/** Earlier addresses that redirect to it (site paths). */
	aliases: readonly string[];
	/** File lines of the fields, when known (1 otherwise). */
	lines?:
		| {
				id?: number | undefined;
				url?: number | undefined;
				tags?: number | undefined;
				aliases?: number | undefined;
		  }
		| undefined;
}

/** The problems of one file, and the report when it has no error. */
export interface ValidatedFile {
	problems: ContentProblem[];
	report?: ValidReport | undefined;
	/**
	 * What the checks across files need, also for a report with problems of its own (read from
	 * its frontmatter as written), so one mistake does not hide a collision with another file.
	 */
	filed?: FiledReport | undefined;
}

/** What the checks across files need of a report that passed its own checks. */
export function filedReport(report: ValidReport): FiledReport {
	return {
		file: report.path,
		href: reportAddress(report.path, report.data.section).href,
		id: report.data.id,
		url: report.data.url,
		tags: report.data.tags,
		aliases: report.data.aliases,
		lines: {
			id: report.lines.get('id'),
			url: lineOfField(report.lines, 'url'),
			tags: lineOfField(report.lines, 'tags'),
			aliases: lineOfField(report.lines, 'aliases'),
		},
	};
}

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
const textsOf = (value: unknown) =>
	Array.isArray(value) ? value.map(textOf).filter((item): item is string => !!item) : [];

/** {@link filedReport} from a report's frontmatter as written, for a report with problems. */
function filedFromRaw(
	path: string,
	raw: Record<string, unknown>,
	lines: ReadonlyMap<string, number>,
	defaultSection: string,
): FiledReport {
	return {
		file: path,
		href: reportAddress(path, textOf(raw['section']) ?? defaultSection).href,
		id: textOf(raw['id']),
		url: textOf(raw['url']) ?? '',
		tags: textsOf(raw['tags']),
		aliases: textsOf(raw['aliases'])
			.map(sitePath)
			.filter((alias): alias is string => alias !== undefined),
		lines: {
			id: lines.get('id'),
			url: lineOfField(lines, 'url'),
			tags: lineOfField(lines, 'tags'),
			aliases: lineOfField(lines, 'aliases'),
		},
	};
}

function dateNotes(
	file: string,
	raw: Record<string, unknown>,
	data: ReportData,
	lines: ReadonlyMap<string, number>,
	{ timeZone, now }: ValidationContext,
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const note = (field: string, message: string, severity: ContentProblem['severity']) =>
		problems.push({ file, line: lineOfField(lines, field), field, message, severity });
	for (const field of ['date', 'updated', 'expires'] as const) {
		const written = raw[field];
		if (typeof written !== 'string') continue;
		const parsed = parseReportDate(written, timeZone);
		if (parsed && !parsed.hasOffset) {
			note(
				field,
				`"${written}" has no UTC offset; it is read in ${timeZone}, as ${isoWithOffset(parsed.date, timeZone)}`,
				'warning',
			);
		}
	}
	if (data.date > now)
		note(
			'date',
			`scheduled: first published by a build after ${isoWithOffset(data.date, timeZone)}`,
			'info',
		);
	if (data.expires && data.expires <= now)
		note(
			'expires',
			`expired on ${isoWithOffset(data.expires, timeZone)}: taken down; its address says the licensed copy came down`,
			'info',
		);
	// A notice dated after the build's clock would tell readers of a correction not made yet.
	data.corrections.forEach((correction, index) => {
		if (correction.date > now) {
			note(
				`corrections.${index}.date`,
				`${isoWithOffset(correction.date, timeZone)} is later than now (${isoWithOffset(now, timeZone)}); date a correction when it is made`,
				'error',
			);
		}
	});
	if (data.withdrawn && data.withdrawn.date > now) {
		note(
			'withdrawn.date',
			`${isoWithOffset(data.withdrawn.date, timeZone)} is later than now (${isoWithOffset(now, timeZone)}); withdraw a report when it comes down`,
			'error',
		);
	} else if (data.withdrawn) {
		note(
			'withdrawn',
			`withdrawn on ${isoWithOffset(data.withdrawn.date, timeZone)}: its address shows the withdrawal notice`,
			'info',
		);
	}
	return problems;
}

/**
 * Checks one report file as the build reads it, and reports every problem at its line:
 * UTF-8 text without control characters, frontmatter within YAML limits, the schema, a file
 * name and tags that make addresses, the lead image, and every image and link to a local
 * file in the body (present, inside content/ or public/, an image the build can process).
 * Dates without an offset are warnings; scheduled and expired reports are notes.
 */
export function validateReportFile(file: ContentFile, context: ValidationContext): ValidatedFile {
	const decoded = decodeReportText(file.bytes);
	if (!decoded.ok)
		return {
			problems: [{ file: file.path, ...decoded.problem, field: '(file)', severity: 'error' }],
		};
	const { text } = decoded;
	const problems: ContentProblem[] = [];
	const error = (line: number, field: string, message: string) =>
		problems.push({ file: file.path, line, field, message, severity: 'error' });
	const forbidden = forbiddenCharacter(text);
	if (forbidden) error(forbidden.line, '(file)', forbidden.message);
	// The section does not change whether the file name makes an address.
	if (!reportAddress(file.path, '').slug)
		error(
			1,
			'(file name)',
			'the file name makes no address: use letters or digits, e.g. ferry-strike-ends.md',
		);
	const checked = checkReportText(text, file.path, context.schema);
	problems.push(...checked.problems);
	const { raw, lines, body, bodyLine } = checked;
	// The checks below need no valid frontmatter: one mistake never hides another.
	if (checked.ok) problems.push(...dateNotes(file.path, raw, checked.data, lines, context));
	const tags = Array.isArray(raw['tags'])
		? raw['tags'].filter((tag): tag is string => typeof tag === 'string')
		: [];
	for (const tag of tags) {
		if (!tagSlug(tag))
			error(
				lineOfField(lines, 'tags'),
				'tags',
				`tag ${JSON.stringify(tag)} makes no address: use letters or digits`,
			);
	}
	const needs: NeededFile[] = [];
	const judge = (result: LocalFileCheck, line: number, field: string, image: boolean) => {
		if (result.verdict)
			problems.push({
				file: file.path,
				line,
				field,
				message: result.verdict.message,
				severity: result.verdict.severity,
			});
		if (result.needs) needs.push({ path: result.needs, line, field, image });
	};
	const src = (raw['image'] as { src?: unknown } | undefined)?.src;
	if (
		typeof src === 'string' &&
		!isHttpUrl(src.trim()) &&
		(isRelativeImagePath(src.trim()) || src.trim().startsWith('/'))
	) {
		const line = lineOfField(lines, 'image.src');
		const path = src.trim();
		const result = path.startsWith('/')
			? checkReference(
					{ kind: 'image', url: path, line, form: 'markdown' },
					file.path,
					context.files,
				)
			: checkProcessedImage(path, file.path, context.files);
		judge(result, line, 'image.src', !path.startsWith('/'));
	}
	for (const reference of bodyReferences(body, bodyLine)) {
		const result = checkReference(reference, file.path, context.files);
		judge(
			result,
			reference.line,
			'body',
			reference.kind === 'image' && reference.form === 'markdown' && !reference.url.startsWith('/'),
		);
	}
	const parsed = !problems.some((problem) => problem.field === '(frontmatter)');
	const filed = parsed ? filedFromRaw(file.path, raw, lines, context.sections[0] ?? '') : undefined;
	if (!checked.ok) return { problems: sortProblems(problems), filed };
	const { data } = checked;
	const hasError = problems.some((problem) => problem.severity === 'error');
	const report: ValidReport = { path: file.path, text, data, raw, lines, body, needs };
	return {
		problems: sortProblems(problems),
		report: hasError ? undefined : report,
		filed: filedReport(report),
	};
}

/**
 * Checks again the files that earlier-checked reports need: a build that skips an unchanged
 * report must still notice that its image was deleted or replaced by something else.
 */
export function neededFileProblems(
	file: string,
	needs: readonly NeededFile[],
	files: ProjectFiles,
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const need of needs) {
		let message: string | undefined;
		if (!files.isFile(need.path)) message = `no file ${need.path}; put it back or fix the path`;
		else if (need.image && !isProcessableImage(need.path, files))
			message = `${need.path} is no longer an image the build can process`;
		if (message)
			problems.push({ file, line: need.line, field: need.field, message, severity: 'error' });
	}
	return problems;
}
