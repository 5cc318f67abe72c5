import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A path inside `root` as "/"-separated and relative to it, as URLs and manifests name files. */
export function pathInside(root: string, file: string | URL): string {
	return relative(root, file instanceof URL ? fileURLToPath(file) : file)
		.split(sep)
		.join('/');
}

/** Every file under a folder, as "/"-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => pathInside(dir, join(entry.parentPath, entry.name)))
		.sort();
}
