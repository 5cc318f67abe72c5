import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../src/integrations/output-files.ts';

export { listFiles };

/** Each file of a built site with the SHA-256 of its bytes, as a CDN would compare them. */
export type Manifest = Map<string, string>;

/** Checksums every file under `dist`. */
export async function checksumManifest(dist: string): Promise<Manifest> {
	const manifest: Manifest = new Map();
	for (const file of await listFiles(dist)) {
		manifest.set(
			file,
			createHash('sha256')
				.update(await readFile(join(dist, file)))
				.digest('hex'),
		);
	}
	return manifest;
}

/** What changed between two builds. */
export interface ManifestDiff {
	added: string[];
	changed: string[];
	removed: string[];
}

/** Files added, changed and removed from `before` to `after`, each sorted. */
export function diffManifests(before: Manifest, after: Manifest): ManifestDiff {
	const added = [...after.keys()].filter((file) => !before.has(file)).sort();
	const removed = [...before.keys()].filter((file) => !after.has(file)).sort();
	const changed = [...after.keys()]
		.filter((file) => before.has(file) && before.get(file) !== after.get(file))
		.sort();
	return { added, changed, removed };
}
