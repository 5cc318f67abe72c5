import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCommandLine, runCommand, UsageError } from './lib/cli.ts';
import { corpusSources, generateCorpus, type CorpusFile } from './lib/corpus.ts';
import {
	checksumManifest,
	diffManifests,
	type Manifest,
	type ManifestDiff,
} from './lib/manifest.ts';
import { measure } from './lib/process-tree.ts';
import { copySite, projectRoot } from './lib/site-copy.ts';

const HELP = `Usage: npm run bench -- [--reports N] [--runs K] [--baseline] [--peers] [--json FILE]

Generates N reports into a temporary copy of the site and measures its \`npm run build\` (for
wiredesk: astro build, then the search index), on the project's Node:
  cold       a first build, no cache
  no change  the same build again
  add one    after adding one report
  edit one   after editing one report's body
each with wall time, peak memory of the whole process tree, pages per second, and the output
files added, changed and removed (SHA-256 manifests of dist/). Prints a table; writes JSON.

  --reports N   reports in the corpus (default 1000)
  --runs K      repeat K times on fresh copies and report medians (default 1)
  --baseline    also measure a plain Astro blog (scripts/bench-baseline/) on the same corpus
  --peers       also measure Hugo (scripts/bench-hugo/, the same shape as the plain Astro blog)
                with Debian's hugo: apt-get install -y hugo. Hugo has no incremental build: each
                step is its full build
  --cold-only   measure the cold build only (for very large corpora)
  --publish-only
                measure the cold build and the publish (add one) only: the steps the
                archive-size table of docs/performance.md compares at 10,000 to 100,000
  --seed S      corpus seed (default 1)
  --json FILE   where to write the results (default bench-results.json)
  --keep        keep the temporary copies
  --help        show this help`;

// Every report of the corpus is older than the build's clock, pinned so builds are comparable.
const CORPUS_START = Date.UTC(2016, 0, 1);
const CORPUS_END = Date.UTC(2026, 0, 1);
const BUILD_TIME = Date.UTC(2026, 5, 1) / 1000;
const STEPS = ['cold', 'no change', 'add one', 'edit one'] as const;
type Step = (typeof STEPS)[number];
/** A program and its arguments; the benchmark times each one with its child processes. */
interface Command {
	file: string;
	args: readonly string[];
}
// wiredesk's `npm run build` is these two; the plain blog's is the first.
const ASTRO_BUILD: Command = {
	file: process.execPath,
	args: [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
};
const SEARCH_BUILD: Command = {
	file: process.execPath,
	args: [join(projectRoot, 'scripts/build-search.ts')],
};
const HUGO_BUILD: Command = { file: 'hugo', args: ['--quiet', '--destination', 'dist'] };

interface StepResult {
	seconds: number;
	peakMB: number;
	pages: number;
	pagesPerSecond: number;
	added: number;
	changed: number;
	removed: number;
}

/** How a site takes the corpus's text: Hugo reads a report's `url` as its own address. */
type Rewrite = (text: string) => string;
const asIs: Rewrite = (text) => text;
const forHugo: Rewrite = (text) => text.replace(/^url:/m, 'sourceUrl:');

async function writeFiles(
	root: string,
	files: readonly CorpusFile[],
	rewrite: Rewrite,
): Promise<void> {
	for (const file of files) {
		await mkdir(dirname(join(root, 'content', file.path)), { recursive: true });
		await writeFile(join(root, 'content', file.path), rewrite(file.text));
	}
}

/** Builds one site through all steps; returns a result per step. */
async function runSite(
	name: string,
	from: string,
	files: readonly string[],
	corpus: readonly CorpusFile[],
	commands: readonly Command[],
	options: { seed: number; keep: boolean; steps: readonly Step[]; rewrite?: Rewrite },
): Promise<Record<Step, StepResult>> {
	const { seed, keep, steps, rewrite = asIs } = options;
	const site = await copySite(`wiredesk-bench-${name}-`, from, [...files]);
	await writeFile(join(site.root, 'content/sources.yaml'), corpusSources());
	await writeFiles(site.root, corpus, rewrite);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		SOURCE_DATE_EPOCH: String(BUILD_TIME),
	};
	delete env['NODE_ENV'];
	const dist = join(site.root, 'dist');
	const results = {} as Record<Step, StepResult>;
	let previous: Manifest = new Map();
	for (const step of steps) {
		if (step === 'add one')
			await writeFiles(
				site.root,
				generateCorpus(1, seed + 1000, [CORPUS_END, CORPUS_END + 3_600_000]).map((file) => ({
					...file,
					path: file.path.replace(/([^/]+)\.md$/, 'bench-added-$1.md'),
				})),
				rewrite,
			);
		if (step === 'edit one') {
			const target = corpus[Math.floor(corpus.length / 2)];
			if (target)
				await writeFile(
					join(site.root, 'content', target.path),
					rewrite(`${target.text}\nA sentence added by the benchmark's edit.\n`),
				);
		}
		// The steps of the site's `npm run build`, one after the other: times add up, the peak is the highest.
		let run = { seconds: 0, peakBytes: 0 };
		for (const command of commands) {
			const part = await measure(command.file, [...command.args], { cwd: site.root, env });
			if (part.code !== 0)
				throw new Error(`${name} ${step} build failed:\n${part.output.slice(-4000)}`);
			run = {
				seconds: run.seconds + part.seconds,
				peakBytes: Math.max(run.peakBytes, part.peakBytes),
			};
		}
		const manifest = await checksumManifest(dist);
		const pages = [...manifest.keys()].filter((file) => file.endsWith('.html')).length;
		results[step] = {
			seconds: run.seconds,
			peakMB: run.peakBytes / 2 ** 20,
			pages,
			pagesPerSecond: pages / run.seconds,
			...counts(diffManifests(previous, manifest)),
		};
		previous = manifest;
		console.error(
			`  ${name} ${step}: ${run.seconds.toFixed(1)} s, ${(run.peakBytes / 2 ** 20).toFixed(0)} MB`,
		);
	}
	if (!keep) await site.remove();
	else console.error(`  kept ${site.root}`);
	return results;
}

function counts(diff: ManifestDiff): Pick<StepResult, 'added' | 'changed' | 'removed'> {
	return { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function medians(
	runs: Record<Step, StepResult>[],
	steps: readonly Step[],
): Record<Step, StepResult> {
	const result = {} as Record<Step, StepResult>;
	for (const step of steps) {
		const of = (key: keyof StepResult) => median(runs.map((run) => run[step][key]));
		result[step] = {
			seconds: of('seconds'),
			peakMB: of('peakMB'),
			pages: of('pages'),
			pagesPerSecond: of('pagesPerSecond'),
			added: of('added'),
			changed: of('changed'),
			removed: of('removed'),
		};
	}
	return result;
}

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			reports: { type: 'string', default: '1000' },
			runs: { type: 'string', default: '1' },
			seed: { type: 'string', default: '1' },
			baseline: { type: 'boolean' },
			peers: { type: 'boolean' },
			'cold-only': { type: 'boolean' },
			'publish-only': { type: 'boolean' },
			json: { type: 'string', default: 'bench-results.json' },
			keep: { type: 'boolean' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const reports = Number(values.reports);
	const runs = Number(values.runs);
	const seed = Number(values.seed);
	if (!Number.isInteger(reports) || reports < 1 || !Number.isInteger(runs) || runs < 1)
		throw new UsageError('--reports and --runs take whole numbers');
	if (values.peers) {
		try {
			console.error(`peer: ${execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim()}`);
		} catch {
			throw new UsageError('--peers needs Hugo: apt-get install -y hugo');
		}
	}
	const corpus = generateCorpus(reports, seed, [CORPUS_START, CORPUS_END]);
	const steps: readonly Step[] = values['cold-only']
		? ['cold']
		: values['publish-only']
			? ['cold', 'add one']
			: STEPS;
	const options = { seed, keep: values.keep ?? false, steps };
	const sites: Record<string, Record<Step, StepResult>[]> = { wiredesk: [] };
	if (values.baseline) sites['plain Astro'] = [];
	if (values.peers) sites['Hugo'] = [];
	for (let run = 1; run <= runs; run += 1) {
		console.error(`run ${run} of ${runs}, ${reports} reports`);
		sites['wiredesk']?.push(
			await runSite(
				'wiredesk',
				projectRoot,
				['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'],
				corpus,
				[ASTRO_BUILD, SEARCH_BUILD],
				options,
			),
		);
		if (values.baseline) {
			sites['plain Astro']?.push(
				await runSite(
					'baseline',
					join(projectRoot, 'scripts/bench-baseline'),
					['src', 'astro.config.mjs', 'tsconfig.json', 'package.json'],
					corpus,
					[ASTRO_BUILD],
					options,
				),
			);
		}
		if (values.peers) {
			sites['Hugo']?.push(
				await runSite(
					'hugo',
					join(projectRoot, 'scripts/bench-hugo'),
					['hugo.toml', 'layouts'],
					corpus,
					[HUGO_BUILD],
					{ ...options, rewrite: forHugo },
				),
			);
		}
	}
	const summary = Object.fromEntries(
		Object.entries(sites).map(([name, results]) => [name, medians(results, steps)]),
	);
	const lines = [
		`${reports} reports, ${runs === 1 ? '1 run' : `median of ${runs} runs`}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
		'',
		'| Site | Step | Wall (s) | Peak memory (MB) | Pages | Pages/s | Added | Changed | Removed |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const [name, result] of Object.entries(summary)) {
		for (const step of steps) {
			const r = result[step];
			lines.push(
				`| ${name} | ${step} | ${r.seconds.toFixed(1)} | ${r.peakMB.toFixed(0)} | ${r.pages} | ${r.pagesPerSecond.toFixed(0)} | ${r.added} | ${r.changed} | ${r.removed} |`,
			);
		}
	}
	const wiredesk = summary['wiredesk'];
	const plain = summary['plain Astro'];
	const hugo = summary['Hugo'];
	const ratio = (a: number, b: number) => (a / b).toFixed(2);
	if (wiredesk && plain)
		lines.push(
			'',
			`Cold build, wiredesk / plain Astro: ${ratio(wiredesk.cold.seconds, plain.cold.seconds)}`,
		);
	if (wiredesk && hugo) {
		lines.push(`Cold build, wiredesk / Hugo: ${ratio(wiredesk.cold.seconds, hugo.cold.seconds)}`);
		if (wiredesk['add one'] && hugo['add one'])
			lines.push(
				`Publish (add one report), wiredesk / Hugo's full build: ${ratio(wiredesk['add one'].seconds, hugo['add one'].seconds)}`,
			);
	}
	console.log(lines.join('\n'));
	await writeFile(
		values.json ?? 'bench-results.json',
		`${JSON.stringify({ reports, runs, seed, cores: cpus().length, node: process.version, sites, summary }, null, '\t')}\n`,
	);
	console.error(`results: ${values.json}`);
	return 0;
}

await runCommand(main, HELP);
