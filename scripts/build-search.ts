import { buildSearchIndex } from '../src/search/build-index.ts';
import { readSearchJob } from '../src/search/job.ts';
import { parseCommandLine, runCommand } from './lib/cli.ts';

const HELP = `Usage: node scripts/build-search.ts [--root DIR]

The second step of \`npm run build\`: indexes the report pages the last \`astro build\` listed,
with Pagefind, into dist/pagefind/. Parts of the index whose pages did not change are kept.

  --root DIR  the project folder (default: the current folder)
  --help      show this help`;

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: { root: { type: 'string' }, help: { type: 'boolean' } },
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const started = performance.now();
	const summary = await buildSearchIndex(await readSearchJob(values.root ?? process.cwd()));
	console.log(`[wiredesk] ${summary} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
	return 0;
}

await runCommand(main, HELP);
