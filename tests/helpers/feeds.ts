import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Debian's Python has python3-feedparser; the python3 first on PATH may not.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./parse-feeds.py', import.meta.url));
const NEWSBOAT_CACHE_SCRIPT = fileURLToPath(new URL('./read-newsboat-cache.py', import.meta.url));

/** One entry as feedparser read it. */
export interface ParsedEntry {
	title: string;
	link: string;
	id: string;
	guidislink: boolean;
	/** Seconds since the epoch. */
	published: number;
	summary: string;
	content: string[];
	tags: string[];
	author: string;
	source: { title: string; href: string };
	links: { rel: string; href: string }[];
}

/** One feed as feedparser read it. */
export interface ParsedFeed {
	bozo: boolean;
	bozo_exception: string;
	version: string;
	title: string;
	link: string;
	language: string;
	updated: number | null;
	links: { rel: string; href: string }[];
	entries: ParsedEntry[];
}

/** Parses feed files with Debian's python3-feedparser; fails when it is not installed. */
export async function parseFeeds(files: string[]): Promise<Record<string, ParsedFeed>> {
	if (!existsSync(PYTHON))
		throw new Error(
			`${PYTHON} not found: install python3-feedparser (scripts/install-test-tools.sh)`,
		);
	const { stdout } = await run(PYTHON, [SCRIPT, ...files], { maxBuffer: 256 * 1024 * 1024 }).catch(
		(error: { stderr?: string }) => {
			throw new Error(
				`feedparser failed: ${error.stderr ?? String(error)} (install python3-feedparser: scripts/install-test-tools.sh)`,
			);
		},
	);
	return JSON.parse(stdout) as Record<string, ParsedFeed>;
}

/** Checks well-formedness with xmllint; returns its complaints (empty when all are fine). */
export async function xmllint(files: string[]): Promise<string> {
	return run('xmllint', ['--noout', ...files])
		.then(({ stderr }) => stderr)
		.catch((error: { code?: unknown; stderr?: string }) => {
			if (error.code === 'ENOENT')
				throw new Error('xmllint not found: install libxml2-utils (scripts/install-test-tools.sh)');
			return error.stderr || 'xmllint failed';
		});
}

/** What newsboat stored after reading feeds. */
export interface NewsboatCache {
	/** Each feed it read, by its file:// URL. */
	feeds: { url: string; title: string }[];
	/** Each item once, by guid, whichever feed it was read from (newsboat keeps one copy). */
	items: { guid: string; url: string; title: string; author: string }[];
	/** The error lines of newsboat's log: it exits 0 even when a feed cannot be read. */
	errors: string[];
}

/**
 * Reads feed files with Debian's newsboat, as its `reload` command does without a terminal,
 * and returns what it stored; fails when newsboat is not installed.
 */
export async function readWithNewsboat(files: string[]): Promise<NewsboatCache> {
	const dir = await mkdtemp(join(tmpdir(), 'wiredesk-newsboat-'));
	const [urls, config, cache, log] = ['urls', 'config', 'cache.db', 'newsboat.log'].map((name) =>
		join(dir, name),
	) as [string, string, string, string];
	try {
		await writeFile(urls, files.map((file) => `${pathToFileURL(file).href}\n`).join(''));
		await writeFile(config, '');
		// newsboat keeps state under HOME (or the XDG folders): a fresh one per run keeps runs apart.
		const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
		await run(
			'newsboat',
			['-u', urls, '-c', cache, '-C', config, '-l', '3', '-d', log, '-x', 'reload'],
			{ env },
		).catch((error: { code?: unknown; stderr?: string }) => {
			if (error.code === 'ENOENT')
				throw new Error('newsboat not found: install newsboat (scripts/install-test-tools.sh)');
			throw new Error(`newsboat failed: ${error.stderr ?? String(error)}`);
		});
		const { stdout } = await run(PYTHON, [NEWSBOAT_CACHE_SCRIPT, cache]);
		const errors = existsSync(log)
			? (await readFile(log, 'utf8')).split('\n').filter((line) => line.includes('ERROR'))
			: [];
		return { ...(JSON.parse(stdout) as Omit<NewsboatCache, 'errors'>), errors };
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
