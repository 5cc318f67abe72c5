import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Validators } from './feed-fetch.ts';

/** Where `feed:ingest --all` keeps its state, from the project folder. Git-ignored. */
export const DEFAULT_STATE_FILE = '.wiredesk/ingest-state.json';

/**
 * What `feed:ingest --all` remembers between runs: for each feed URL, the ETag and
 * Last-Modified of the version last ingested, sent back as If-None-Match / If-Modified-Since.
 */
export interface IngestState {
	version: 1;
	feeds: Record<string, Validators>;
}

/** The state in `file`; an empty state when there is none yet. Throws on a file that is not one. */
export async function readIngestState(file: string): Promise<IngestState> {
	if (!existsSync(file)) return { version: 1, feeds: {} };
	let data: unknown;
	try {
		data = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: not JSON (${(error as Error).message}); delete it to start afresh`, {
			cause: error,
		});
	}
	const feeds = (data as { feeds?: unknown } | null)?.feeds;
	if (
		(data as { version?: unknown } | null)?.version !== 1 ||
		typeof feeds !== 'object' ||
		feeds === null
	) {
		throw new Error(`${file}: not a feed:ingest state file (version 1); delete it to start afresh`);
	}
	const clean: Record<string, Validators> = {};
	for (const [url, entry] of Object.entries(feeds as Record<string, Record<string, unknown>>)) {
		const etag = typeof entry?.['etag'] === 'string' ? entry['etag'] : undefined;
		const lastModified =
			typeof entry?.['lastModified'] === 'string' ? entry['lastModified'] : undefined;
		clean[url] = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
	}
	return { version: 1, feeds: clean };
}

/** The state as written: feeds sorted by URL, so an unchanged state is the same bytes. */
export function stateText(state: IngestState): string {
	const feeds = Object.fromEntries(
		Object.entries(state.feeds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	);
	return `${JSON.stringify({ version: 1, feeds }, null, '\t')}\n`;
}

/** Writes the state when it differs from the file (through a temporary file, so a crash leaves the old one). */
export async function writeIngestState(file: string, state: IngestState): Promise<boolean> {
	const text = stateText(state);
	if (existsSync(file) && (await readFile(file, 'utf8')) === text) return false;
	await mkdir(dirname(file), { recursive: true });
	await writeFile(`${file}.tmp`, text);
	await rename(`${file}.tmp`, file);
	return true;
}
