import { load, type CheerioAPI } from 'cheerio';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A built page parsed for assertions, by its site path (e.g. "/wire/a/"). */
export async function loadPage(dist: string, path: string): Promise<CheerioAPI> {
	const file = path.endsWith('/') ? `${path}index.html` : path;
	return load(await readFile(join(dist, file), 'utf8'));
}
