import { execFileSync } from 'node:child_process';
import {
	checkContent,
	strayReportFiles,
	summarize,
	type ContentFile,
} from '../src/lib/content-check.ts';
import { formatProblem, sortProblems } from '../src/lib/problems.ts';
import { site } from '../src/site.config.ts';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { listFiles } from './lib/manifest.ts';
import { openProject, reportSchemaFor } from './lib/project.ts';

const HELP = `Usage: npm run content:check -- [--root DIR] [--staged] [FILE…]

Checks every report under content/ and content/sources.yaml exactly as the build does,
without building: encoding, frontmatter, the schema, images and links to local files, and
reports that collide. Prints each problem as file:line: field: message, then a summary.
Exits 1 when there is an error (warnings and notes do not fail): what it accepts, the
build publishes.

  FILE…       only report problems in these files (cross-file checks still read all)
  --staged    check the versions of content files staged for commit (the pre-commit hook)
  --root DIR  the project folder (default: the current folder)
  --help      show this help`;

function stagedFiles(root: string): ContentFile[] {
	const names = execFileSync(
		'git',
		['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z', '--', 'content/'],
		{ cwd: root, encoding: 'utf8' },
	)
		.split('\0')
		.filter((name) => name.endsWith('.md'));
	return names.map((path) => ({
		path,
		bytes: execFileSync('git', ['show', `:${path}`], { cwd: root }),
	}));
}

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: { root: { type: 'string' }, staged: { type: 'boolean' }, help: { type: 'boolean' } },
		allowPositionals: true,
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const project = openProject(values.root);
	const sources = await project.sources();
	let files = await project.reportFiles();
	let only: Set<string> | undefined;
	if (values.staged) {
		const staged = stagedFiles(project.root);
		if (staged.length === 0) return 0;
		const stagedPaths = new Set(staged.map((file) => file.path));
		files = [...files.filter((file) => !stagedPaths.has(file.path)), ...staged];
		only = new Set([...stagedPaths, 'content/sources.yaml']);
	} else if (positionals.length > 0) {
		only = new Set([
			...positionals.map((path) => path.replace(/^\.\//, '')),
			'content/sources.yaml',
		]);
	}
	const result = checkContent(files, {
		schema: reportSchemaFor(sources),
		timeZone: site.timeZone,
		sections: site.sections.map((section) => section.slug),
		now: new Date(),
		files: project.files,
		only,
	});
	const stray = strayReportFiles(
		(await listFiles(`${project.root}/content`)).map((file) => `content/${file}`),
	).filter((problem) => !only || only.has(problem.file));
	const problems = sortProblems([...sources.problems, ...result.problems, ...stray]);
	for (const problem of problems) console.log(formatProblem(problem));
	console.log(summarize({ problems, reports: result.reports }));
	return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

await runCommand(main, HELP);
