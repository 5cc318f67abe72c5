import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each report's rendered body, in a file of its own beside Astro's content store instead of in
 * it. Astro reads its whole store at the start of a build, writes it all again after the sync
 * and parses it once more for the pages, so its cost follows its size; at 10,000 reports the
 * bodies were 36 of its 52 MB, while a publish renders a handful of them. A file is named by
 * the report's id and digest, so it is written once for each text and never changes.
 */
export class ReportHtmlFiles {
	readonly folder: string;
	#present: Set<string> | undefined;

	constructor(cacheDir: URL | string) {
		this.folder = join(
			typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir),
			'wiredesk-report-html',
		);
	}

	/** The files there now, listed once (the folder is made if missing) and kept up to date. */
	#files(): Set<string> {
		if (!this.#present) {
			let names: string[] = [];
			try {
				names = readdirSync(this.folder);
			} catch {
				mkdirSync(this.folder, { recursive: true });
			}
			this.#present = new Set(names);
		}
		return this.#present;
	}

	has(file: string): boolean {
		return this.#files().has(file);
	}

	/** Writes a body under a new name and renames it, so no reader sees half a file. */
	write(file: string, html: string): void {
		const path = join(this.folder, file);
		const present = this.#files();
		writeFileSync(`${path}.tmp`, html);
		renameSync(`${path}.tmp`, path);
		present.add(file);
	}

	read(file: string): string {
		try {
			return readFileSync(join(this.folder, file), 'utf8');
		} catch (error) {
			throw new Error(
				`${join(this.folder, file)}: a report's rendered body is missing from the build's cache; the content sync that stored the report wrote it. Build again, or delete node_modules/.astro to start over.`,
				{ cause: error },
			);
		}
	}

	/** Removes every body no stored report names any more. */
	prune(used: ReadonlySet<string>): void {
		const present = this.#files();
		for (const file of present)
			if (!used.has(file)) {
				rmSync(join(this.folder, file), { force: true });
				present.delete(file);
			}
	}
}

/** The name of a report's body file: its id and the digest of its text and rules. */
export function reportHtmlName(id: string, digest: string): string {
	return `${createHash('sha256').update(id).digest('hex').slice(0, 16)}-${digest}.html`;
}
