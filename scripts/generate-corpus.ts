import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseCommandLine, runCommand, UsageError } from './lib/cli.ts';
import { corpusSources, generateCorpus } from './lib/corpus.ts';

const HELP = `Usage: npm run corpus -- --reports N --out DIR [--seed S]

Writes N generated wire reports and their agencies file into DIR (a content/ folder), for
benchmarks. The same seed and N give byte-identical files.

  --reports N   how many reports
  --out DIR     the folder to write (content/ of a copy of the site)
  --seed S      the seed (default 1)
  --help        show this help`;

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			reports: { type: 'string' },
			out: { type: 'string' },
			seed: { type: 'string', default: '1' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const count = Number(values.reports);
	if (!Number.isInteger(count) || count < 1 || !values.out)
		throw new UsageError('give --reports N and --out DIR');
	const files = generateCorpus(count, Number(values.seed));
	await mkdir(values.out, { recursive: true });
	await writeFile(join(values.out, 'sources.yaml'), corpusSources());
	for (const file of files) {
		await mkdir(dirname(join(values.out, file.path)), { recursive: true });
		await writeFile(join(values.out, file.path), file.text);
	}
	console.log(`wrote ${count} reports to ${values.out} (seed ${values.seed})`);
	return 0;
}

await runCommand(main, HELP);
