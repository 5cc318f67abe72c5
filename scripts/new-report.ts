import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { storyKey } from '../src/lib/content-check.ts';
import { isoWithOffset, parseReportDate } from '../src/lib/dates.ts';
import {
	headlineSlug,
	newReportId,
	randomIdPart,
	reportFilePath,
	reportMarkdown,
} from '../src/lib/new-report.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { checkReportText } from '../src/lib/report-problems.ts';
import { reportAddress } from '../src/lib/urls.ts';
import { site } from '../src/site.config.ts';
import { parseCommandLine, runCommand, UsageError, writeNewFile } from './lib/cli.ts';
import { DEFAULT_SECTION, filedReports, openProject, reportSchemaFor } from './lib/project.ts';

const HELP = `Usage: npm run report:new -- --source AGENCY --url URL --title "HEADLINE" [options]

Files a new report under content/<section>/<year>/<month>/<slug>.md with its frontmatter
filled in (date = now in the site's time zone, a fresh stable id) and an empty body to
write in. The slug comes from the headline (or the id, for a non-Latin headline).
Refuses to overwrite a file, to reuse an address, or to file a URL that is already filed.

A new report has no corrections, withdrawal or earlier addresses. For a report already
published: npm run report:correct adds a correction, npm run report:withdraw takes it down.
To rename one, do not file it again: rename its file (git mv), keep its id, and add its old
address to aliases, e.g. aliases: [/wire/old-headline/], so old links and feed items still
lead to it.

  --source AGENCY   the agency's name or slug from content/sources.yaml (required)
  --url URL         the original report's http(s) address (required)
  --title TEXT      our headline (required)
  --tags a,b        comma-separated tags
  --section SLUG    section (default: ${DEFAULT_SECTION})
  --date DATE       publication time instead of now, e.g. 2026-11-24T09:30
  --dry-run         print the file instead of writing it
  --root DIR        the project folder (default: the current folder)
  --help            show this help`;

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			source: { type: 'string' },
			url: { type: 'string' },
			title: { type: 'string' },
			tags: { type: 'string' },
			section: { type: 'string' },
			date: { type: 'string' },
			'dry-run': { type: 'boolean' },
			root: { type: 'string' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const missing = (['source', 'url', 'title'] as const).filter((name) => !values[name]);
	if (missing.length > 0)
		throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
	const project = openProject(values.root);
	const sources = await project.sources();
	const schema = reportSchemaFor(sources);
	const date = values.date ? parseReportDate(values.date, site.timeZone)?.date : new Date();
	if (!date) throw new UsageError(`--date: cannot read "${values.date}" as a date`);
	const source = sources.directory.find(values.source ?? '');
	const section = values.section ?? DEFAULT_SECTION;
	const id = newReportId(source?.slug ?? 'report', date, site.timeZone, randomIdPart());
	const frontmatter: Record<string, unknown> = {
		title: values.title?.trim(),
		source: source?.name ?? values.source,
		url: values.url?.trim(),
		date: isoWithOffset(date, site.timeZone),
		...(values.tags
			? {
					tags: values.tags
						.split(',')
						.map((tag) => tag.trim())
						.filter(Boolean),
				}
			: {}),
		...(values.section ? { section } : {}),
		id,
	};
	const slug = headlineSlug(values.title ?? '') ?? id;
	const path = reportFilePath(section, date, site.timeZone, slug);
	const text = reportMarkdown(frontmatter, '\n');

	// The same schema as the build, so a scaffolded report always builds.
	const checked = checkReportText(text, path, schema);
	const problems = [...checked.problems];
	const files = await project.reportFiles();
	const filed = filedReports(files);
	const story = filed.stories.get(storyKey(values.url ?? ''));
	if (story)
		problems.push({
			file: path,
			line: 4,
			field: 'url',
			message: `already filed in ${story}`,
			severity: 'error',
		});
	if (existsSync(join(project.root, path))) {
		problems.push({
			file: path,
			line: 1,
			field: '(file)',
			message: 'a file with this name already exists; it is not overwritten',
			severity: 'error',
		});
	} else {
		const { href } = reportAddress(path, section);
		const taken = filed.addresses.get(href);
		if (taken)
			problems.push({
				file: path,
				line: 1,
				field: '(file name)',
				message: `the address ${href} is already used by ${taken}`,
				severity: 'error',
			});
	}
	if (problems.length > 0) {
		for (const problem of problems) console.error(formatProblem(problem));
		console.error('Nothing was written.');
		return 1;
	}
	if (values['dry-run']) {
		console.log(`Would write ${path}:\n\n${text}`);
		return 0;
	}
	await writeNewFile(project.root, path, text);
	console.log(path);
	return 0;
}

await runCommand(main, HELP);
