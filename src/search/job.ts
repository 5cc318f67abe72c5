import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { astroCacheDir } from '../integrations/astro-internals.ts';
import type { ShardSizes } from './shards.ts';

// `astro build` and the search step run in processes of their own (see integration.ts) and
// meet in this file, kept in Astro's cache folder beside the index's record.
const JOB_FILE = 'wiredesk-search-pages.json';

/** What the search step needs to know of the build it follows. */
export interface SearchJob {
	/** The output folder. */
	root: string;
	/** Report pages, as paths under `root`. */
	files: string[];
	/** Astro's cache folder, where the index's record is kept. */
	cacheDir: string;
	sizes: ShardSizes;
}

/** Leaves the search step's job in the build's cache folder. */
export async function writeSearchJob(job: SearchJob): Promise<void> {
	await mkdir(job.cacheDir, { recursive: true });
	await writeFile(join(job.cacheDir, JOB_FILE), JSON.stringify(job));
}

/** The search step of the last `astro build` in a project, as that build listed it. */
export async function readSearchJob(projectRoot: string): Promise<SearchJob> {
	const file = join(astroCacheDir(projectRoot), JOB_FILE);
	if (!existsSync(file))
		throw new Error(
			`${file} is missing: run \`astro build\` first (\`npm run build\` runs both steps)`,
		);
	return JSON.parse(await readFile(file, 'utf8')) as SearchJob;
}
