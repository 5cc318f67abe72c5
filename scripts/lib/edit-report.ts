import { writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import {
	checkContent,
	type ContentCheckOptions,
	type ContentFile,
} from '../../src/lib/content-check.ts';
import { isoWithOffset, parseReportDate } from '../../src/lib/dates.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { formatProblem, type ContentProblem } from '../../src/lib/problems.ts';
import { oneParagraph, type ReportEdit } from '../../src/lib/report-edit.ts';
import type { ValidReport } from '../../src/lib/report-validation.ts';
import { unifiedDiff } from '../../src/lib/text-diff.ts';
import { site } from '../../src/site.config.ts';
import { UsageError } from './cli.ts';
import { openProject, reportSchemaFor } from './project.ts';

/** What `report:correct` or `report:withdraw` was asked to do, and how it does it. */
export interface ReportEditRequest {
	/** The command line's file arguments: one report, relative to the project folder or absolute. */
	files: readonly string[];
	/** The text the field needs (`--text`, `--reason`); one paragraph. */
	words: string | undefined;
	/** `--date`, when the correction or withdrawal was made earlier than now. */
	date: string | undefined;
	dryRun: boolean;
	root: string | undefined;
	/** The field it adds, the option that gives its words, and what that option says. */
	field: 'corrections' | 'withdrawn';
	option: '--text' | '--reason';
	wording: string;
	/** What else stops this command on a valid report (beyond its being withdrawn or a draft). */
	refusals?: (report: ValidReport, words: string) => ContentProblem[];
	/** The edit itself (a pure function of the text). */
	edit: (text: string, date: string, words: string) => ReportEdit;
	/** The lines printed once the file is written. */
	done: (path: string, date: string, lines: string) => string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The project-relative path of a report file ("content/wire/a.md"), or undefined outside content/. */
function contentPath(root: string, file: string): string | undefined {
	const path = relative(root, resolve(root, file)).split(sep).join('/');
	return path.startsWith('content/') && path.endsWith('.md') ? path : undefined;
}

/** The errors `content:check` finds in `path` among `files` (the other files as on disk). */
function errorsOf(
	files: readonly ContentFile[],
	path: string,
	context: Omit<ContentCheckOptions, 'only'>,
) {
	const result = checkContent(files, { ...context, only: new Set([path]) });
	return {
		errors: result.problems.filter((problem) => problem.severity === 'error'),
		report: result.checked.find((checked) => checked.path === path),
	};
}

function refuse(problems: readonly ContentProblem[], why = ''): number {
	for (const problem of problems) console.error(formatProblem(problem));
	console.error(why ? `${why} Nothing was written.` : 'Nothing was written.');
	return 1;
}

/**
 * Adds a correction or a withdrawal to a report file in place, after the check accepts the file
 * as it is and as it would be; prints the change (a diff with --dry-run). Returns the exit code.
 */
export async function editReportFile(request: ReportEditRequest): Promise<number> {
	const [given, ...more] = request.files;
	if (given === undefined)
		throw new UsageError('missing FILE: the report to change, e.g. content/wire/a.md');
	if (more.length > 0) throw new UsageError(`one report at a time (got ${request.files.length})`);
	const now = new Date();
	const date = request.date ? parseReportDate(request.date, site.timeZone)?.date : now;
	if (!date) throw new UsageError(`--date: cannot read "${request.date}" as a date`);
	const project = openProject(request.root);
	const path = contentPath(project.root, given);
	const files = await project.reportFiles();
	const file = files.find((candidate) => candidate.path === path);
	if (!path || !file) {
		const message = path
			? 'no such report'
			: 'is not a report under content/: give the path of its .md file, e.g. content/wire/2026/11/ferry-deal.md';
		return refuse([{ file: path ?? given, line: 1, field: '(file)', message, severity: 'error' }]);
	}
	const context = {
		schema: reportSchemaFor(await project.sources()),
		timeZone: site.timeZone,
		sections: site.sections.map((section) => section.slug),
		now,
		files: project.files,
	};
	const { errors: problems, report } = errorsOf(files, path, context);
	if (problems.length > 0)
		return refuse(
			problems,
			`The check refuses ${path} as it is: fix it first (npm run content:check).`,
		);
	const text = utf8.decode(file.bytes);
	const words = oneParagraph(request.words ?? '');
	// A field the file does not have yet is blamed on the closing "---", where it would go.
	const end = parseFrontmatter(text).bodyLine - 1;
	const refusal = (field: string, message: string): ContentProblem => ({
		file: path,
		line: report?.lines.get(field) ?? end,
		field,
		message,
		severity: 'error',
	});
	if (report?.data.withdrawn) {
		const on = isoWithOffset(report.data.withdrawn.date, site.timeZone);
		problems.push(
			refusal(
				'withdrawn',
				request.field === 'withdrawn'
					? `the report is already withdrawn, on ${on}`
					: `the report was withdrawn on ${on}: its page shows only the notice, so no reader would see a correction`,
			),
		);
	} else if (report?.data.draft)
		problems.push(
			refusal('draft', 'the report is a draft, never published: edit it as it is, or delete it'),
		);
	if (words === undefined)
		problems.push(
			refusal(
				request.field,
				request.words?.trim()
					? `${request.option} must be one paragraph (no blank line)`
					: `${request.option} is required: ${request.wording}`,
			),
		);
	else if (report && problems.length === 0)
		problems.push(...(request.refusals?.(report, words) ?? []));
	if (problems.length > 0 || words === undefined) return refuse(problems);

	const written = isoWithOffset(date, site.timeZone);
	const edit = request.edit(text, written, words);
	if (!edit.ok)
		return refuse([
			{ file: path, line: edit.line, field: edit.field, message: edit.message, severity: 'error' },
		]);
	const bytes = new TextEncoder().encode(edit.text);
	const after = errorsOf(
		files.map((candidate) => (candidate === file ? { path, bytes } : candidate)),
		path,
		context,
	);
	if (after.errors.length > 0)
		return refuse(
			after.errors,
			`With this change the check would refuse ${path} (lines as they would be).`,
		);
	const lines =
		edit.lines.first === edit.lines.last
			? `line ${edit.lines.first}`
			: `lines ${edit.lines.first}–${edit.lines.last}`;
	if (request.dryRun) {
		process.stdout.write(unifiedDiff(path, text, edit.text));
		console.log(`Dry run: nothing was written.`);
		return 0;
	}
	await writeFile(resolve(project.root, path), bytes);
	console.log(request.done(path, written, lines));
	return 0;
}
