import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// Debian's Python has python3-feedparser; the python3 first on PATH may not.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./parse-feeds.py', import.meta.url));

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
	if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: install python3-feedparser (scripts/install-test-tools.sh)`);
	const { stdout } = await run(PYTHON, [SCRIPT, ...files], { maxBuffer: 256 * 1024 * 1024 }).catch((error: { stderr?: string }) => {
		throw new Error(`feedparser failed: ${error.stderr ?? String(error)} (install python3-feedparser: scripts/install-test-tools.sh)`);
	});
	return JSON.parse(stdout) as Record<string, ParsedFeed>;
}

/** Checks well-formedness with xmllint; returns its complaints (empty when all are fine). */
export async function xmllint(files: string[]): Promise<string> {
	return run('xmllint', ['--noout', ...files])
		.then(({ stderr }) => stderr)
		.catch((error: { code?: unknown; stderr?: string }) => {
			if (error.code === 'ENOENT') throw new Error('xmllint not found: install libxml2-utils (scripts/install-test-tools.sh)');
			return error.stderr || 'xmllint failed';
		});
}
