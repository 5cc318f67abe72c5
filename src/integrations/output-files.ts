import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fdir } from 'fdir';

/** A path inside `root` as "/"-separated and relative to it, as URLs and manifests name files. */
export function pathInside(root: string, file: string | URL): string {
	return relative(root, file instanceof URL ? fileURLToPath(file) : file)
		.split(sep)
		.join('/');
}

/**
 * Every file under a folder, as "/"-separated paths relative to it, sorted. With fdir: at
 * 100,000 reports the output folder holds about 220,000 files, and Node's own recursive
 * `readdir` took several times as long to list them (0.75 s against 0.2 s at 10,000 reports).
 */
export async function listFiles(dir: string): Promise<string[]> {
	const files = await new fdir().withRelativePaths().crawl(dir).withPromise();
	return (sep === '/' ? files : files.map((file) => file.split(sep).join('/'))).sort();
}
