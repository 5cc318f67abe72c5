import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a copy of the site takes from the project: its code, never its content or caches. */
const SITE_FILES = [
	'src',
	'public',
	'scripts',
	'.githooks',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
];

/**
 * Copies the site's code into a new temporary folder with an empty content/. Packages are
 * shared through links, but the copy keeps its own Astro and Vite caches (node_modules/.astro
 * holds the content store), so builds of different copies never see each other's data.
 */
export async function copySite(
	prefix = 'wiredesk-site-',
	from = projectRoot,
	files = SITE_FILES,
): Promise<{ root: string; remove(): Promise<void> }> {
	const root = await mkdtemp(join(tmpdir(), prefix));
	for (const entry of files) await cp(join(from, entry), join(root, entry), { recursive: true });
	await mkdir(join(root, 'node_modules'));
	for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
		if (entry === '.astro' || entry.startsWith('.vite')) continue;
		await symlink(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
	}
	await mkdir(join(root, 'content'), { recursive: true });
	return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
