import { addWithdrawal } from '../src/lib/report-edit.ts';
import { editReportFile } from './lib/edit-report.ts';
import { parseCommandLine, runCommand } from './lib/cli.ts';

const HELP = `Usage: npm run report:withdraw -- FILE --reason "WHY, AS READERS ARE TOLD" [options]

Withdraws a published report: adds withdrawn: { date, reason } at the end of its
frontmatter, dated now in the site's time zone. The next build takes the report out of every
list, feed, sitemap and the search; its address keeps a short notice with the reason, and
the body stays in the file, unpublished. Only the added lines change: comments, quoting, key
order, line ends and the body stay as they are. Refuses a report that is already withdrawn,
a draft, and a report the check refuses, before or after the change. Exits 1 when it
refuses, 2 on a mistake in the command line.

  FILE            the report, e.g. content/wire/2026/11/ferry-deal.md
  --reason TEXT   why it came down, as readers are told (required), e.g.
                  "Harbourline News withdrew the report: it named the wrong company."
  --date DATE     when it was withdrawn, if earlier than now, e.g. 2026-11-24T09:30
  --dry-run       print the change as a diff instead of writing it
  --root DIR      the project folder (default: the current folder)
  --help          show this help`;

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			reason: { type: 'string' },
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
		words: values.reason,
		date: values.date,
		dryRun: values['dry-run'] ?? false,
		root: values.root,
		field: 'withdrawn',
		option: '--reason',
		wording: 'why the report came down, as readers are told',
		edit: (text, date, reason) => addWithdrawal(text, { date, reason }),
		done: (path, date, lines) =>
			`${path}: ${lines} withdraw the report as of ${date}.\nCommit the file: the next build takes it out of every list, feed, sitemap and the search, and its address shows the reason.`,
	});
}

await runCommand(main, HELP);
