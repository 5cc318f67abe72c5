import { addCorrection } from '../src/lib/report-edit.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { site } from '../src/site.config.ts';
import { editReportFile } from './lib/edit-report.ts';
import { parseCommandLine, runCommand } from './lib/cli.ts';

const HELP = `Usage: npm run report:correct -- FILE --text "WHAT WAS CORRECTED" [options]

Adds a correction to a published report: one more { date, text } item in its frontmatter's
corrections list (a new list at the end of the frontmatter when it has none), dated now in
the site's time zone. Readers see it as a notice on the report's page and in its feed items.
Only the added lines change: comments, quoting, key order, line ends and the body stay as
they are. Refuses a report the check refuses, before or after the change, a withdrawn or
draft report, and the same correction twice. Exits 1 when it refuses, 2 on a mistake in
the command line.

  FILE            the report, e.g. content/wire/2026/11/ferry-deal.md
  --text TEXT     what was corrected, one paragraph of inline Markdown (required), e.g.
                  "An earlier version gave the wrong port; the ferries sail from Bergen."
  --date DATE     when the correction was made, if earlier than now, e.g. 2026-11-24T09:30
  --dry-run       print the change as a diff instead of writing it
  --root DIR      the project folder (default: the current folder)
  --help          show this help`;

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			text: { type: 'string' },
			date: { type: 'string' },
			'dry-run': { type: 'boolean' },
			root: { type: 'string' },
			help: { type: 'boolean' },
		},
		allowPositionals: true,
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	return editReportFile({
		files: positionals,
		words: values.text,
		date: values.date,
		dryRun: values['dry-run'] ?? false,
		root: values.root,
		field: 'corrections',
		option: '--text',
		wording: 'what was corrected, one paragraph of inline Markdown',
		refusals(report, text) {
			const same = report.data.corrections.find((correction) => correction.text === text);
			return same
				? [
						{
							file: report.path,
							line: report.lines.get('corrections') ?? 1,
							field: 'corrections',
							message: `this correction is already there, dated ${isoWithOffset(same.date, site.timeZone)}`,
							severity: 'error',
						},
					]
				: [];
		},
		edit: (text, date, words) => addCorrection(text, { date, text: words }),
		done: (path, date, lines) =>
			`${path}: ${lines} add a correction dated ${date}.\nCommit the file: the next build shows the notice on the report's page and in its feed items.`,
	});
}

await runCommand(main, HELP);
