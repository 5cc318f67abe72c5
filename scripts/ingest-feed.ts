import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { readFeedItems, type FeedItem } from '../src/lib/feed-item.ts';
import type { Source } from '../src/lib/sources.ts';
import { site } from '../src/site.config.ts';
import { parseCommandLine, runCommand, UsageError } from './lib/cli.ts';
import { fetchFeed, formatBytes, type FetchedFeed, type FetchLimits } from './lib/feed-fetch.ts';
import { createIngest, type IngestCounts } from './lib/ingest.ts';
import { DEFAULT_STATE_FILE, readIngestState, writeIngestState } from './lib/ingest-state.ts';
import { DEFAULT_SECTION, openProject, reportSchemaFor } from './lib/project.ts';

const DEFAULTS = { timeout: 20, maxSize: 10, maxRedirects: 5, parallel: 4 };

const HELP = `Usage: npm run feed:ingest -- FEED --source AGENCY [options]
       npm run feed:ingest -- --all [options]

Reads an agency's RSS 2.0 or Atom feed (a file or an http(s) URL) and files one draft
report per item not filed yet (matched by the original URL): title, url, date, summary,
author, the lead image (media:content, an image enclosure or media:thumbnail, credited to
the agency) and the item's HTML as sanitised Markdown. Relative links and images are made
absolute from xml:base, then the item's link, then the feed's address; those that cannot
be made http(s) are left out with a note. A draft that content:check would reject is not
written: its problems are printed. Safe to run again: filed items are skipped.
Review each draft, then remove "draft: true" to publish it.

  FEED                 path or URL of the feed
  --source AGENCY      the agency's name or slug from content/sources.yaml (with FEED)
  --all                read the feed of every agency in content/sources.yaml that has one;
                       a feed unchanged since the last run (HTTP 304) costs one request
  --section SLUG       section for the drafts (default: ${DEFAULT_SECTION})
  --timeout SECONDS    give up on a feed that has not fully arrived by then (default: ${DEFAULTS.timeout})
  --max-size MB        refuse a feed larger than this (default: ${DEFAULTS.maxSize})
  --max-redirects N    follow at most N redirects, to http(s) addresses only (default: ${DEFAULTS.maxRedirects})
  --state FILE         where --all keeps each feed's ETag and Last-Modified for conditional
                       requests (default: ${DEFAULT_STATE_FILE} in the project folder)
  --dry-run            list what would be written, write nothing (not even the state)
  --root DIR           the project folder (default: the current folder)
  --help               show this help

Exit code: 0 when every feed was read and every new item filed; 1 when a feed failed
(HTTP error, timeout, too large, too many redirects, not a feed) or a draft was rejected;
2 for a mistake in the command. With --all a failing agency never stops the others.`;

function positive(
	value: string | undefined,
	name: string,
	fallback: number,
	integer = false,
): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (
		!Number.isFinite(number) ||
		number < 0 ||
		(integer && !Number.isInteger(number)) ||
		(!integer && number === 0)
	) {
		throw new UsageError(
			`${name} must be ${integer ? 'a whole number, 0 or more' : 'a number above 0'} (got "${value}")`,
		);
	}
	return number;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Fetches every feed, a few at a time, each promise settling with its result or its error. */
async function fetchAll(
	jobs: readonly (() => Promise<FetchedFeed>)[],
	parallel: number,
): Promise<PromiseSettledResult<FetchedFeed>[]> {
	const results: PromiseSettledResult<FetchedFeed>[] = [];
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const index = next++;
			const job = jobs[index];
			if (!job) continue;
			try {
				results[index] = { status: 'fulfilled', value: await job() };
			} catch (reason) {
				results[index] = { status: 'rejected', reason };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
	return results;
}

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			source: { type: 'string' },
			all: { type: 'boolean' },
			section: { type: 'string' },
			timeout: { type: 'string' },
			'max-size': { type: 'string' },
			'max-redirects': { type: 'string' },
			state: { type: 'string' },
			'dry-run': { type: 'boolean' },
			root: { type: 'string' },
			help: { type: 'boolean' },
		},
		allowPositionals: true,
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const limits: FetchLimits = {
		timeoutMs: positive(values.timeout, '--timeout', DEFAULTS.timeout) * 1000,
		maxBytes: Math.round(
			positive(values['max-size'], '--max-size', DEFAULTS.maxSize) * 1024 * 1024,
		),
		maxRedirects: positive(values['max-redirects'], '--max-redirects', DEFAULTS.maxRedirects, true),
	};
	if (values.all && (positionals.length > 0 || values.source))
		throw new UsageError(
			'--all reads the feeds in content/sources.yaml: give no FEED and no --source',
		);
	if (!values.all) {
		if (positionals.length !== 1)
			throw new UsageError('give exactly one feed file or URL, or --all');
		if (!values.source) throw new UsageError('missing --source');
	}
	const project = openProject(values.root);
	const sources = await project.sources();
	const section = values.section ?? DEFAULT_SECTION;
	if (!site.sections.some((known) => known.slug === section)) {
		throw new UsageError(
			`unknown section "${section}"; sections: ${site.sections.map((known) => known.slug).join(', ')}`,
		);
	}
	const dryRun = values['dry-run'] ?? false;
	const ingest = createIngest({
		root: project.root,
		files: await project.reportFiles(),
		schema: reportSchemaFor(sources),
		section,
		namesSection: values.section !== undefined,
		timeZone: site.timeZone,
		now: new Date(),
		dryRun,
	});
	const userAgent = `wiredesk-feed-ingest (+${site.url})`;
	const review = 'Review the drafts, then remove "draft: true" to publish.';

	if (!values.all) {
		const source = sources.directory.find(values.source ?? '');
		if (!source) {
			const suggestion = sources.directory.suggest(values.source ?? '');
			throw new UsageError(
				`unknown source "${values.source}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
			);
		}
		const location = positionals[0] ?? '';
		let items: FeedItem[];
		if (/^https?:\/\//i.test(location)) {
			const fetched = await fetchFeed(location, limits, {}, userAgent);
			items = fetched.changed ? readFeedItems(fetched.text, fetched.url) : [];
		} else {
			const path = isAbsolute(location) ? location : join(process.cwd(), location);
			// A feed saved to a file is read as if from the agency's feed address.
			items = readFeedItems(await readFile(path, 'utf8'), source.feed);
		}
		const counts = await ingest.ingestItems(items, source);
		const verb = dryRun ? 'would write' : 'wrote';
		if (counts.written === 0 && counts.rejected === 0)
			console.log(
				`Nothing new: all ${plural(counts.skipped, 'item')} of the feed are filed or unusable.`,
			);
		else
			console.log(
				`${verb} ${plural(counts.written, 'draft')}, skipped ${counts.skipped}${counts.rejected ? `, ${counts.rejected} could not be filed` : ''}. ${review}`,
			);
		return counts.rejected > 0 ? 1 : 0;
	}

	const stateFile = isAbsolute(values.state ?? DEFAULT_STATE_FILE)
		? (values.state ?? DEFAULT_STATE_FILE)
		: join(project.root, values.state ?? DEFAULT_STATE_FILE);
	const state = await readIngestState(stateFile);
	const agencies = sources.directory.sources.filter(
		(source): source is Source & { feed: string } => source.feed !== undefined,
	);
	if (agencies.length === 0) {
		console.log(
			'No agency in content/sources.yaml has a feed: add `feed: URL` to the agencies to read.',
		);
		return 0;
	}
	const fetched = await fetchAll(
		agencies.map(
			(source) => () => fetchFeed(source.feed, limits, state.feeds[source.feed] ?? {}, userAgent),
		),
		DEFAULTS.parallel,
	);
	const total: IngestCounts = { written: 0, skipped: 0, rejected: 0 };
	const failed: string[] = [];
	let unchanged = 0;
	for (const [index, source] of agencies.entries()) {
		const result = fetched[index];
		if (!result) continue;
		if (result.status === 'rejected') {
			const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
			console.error(`${source.name}: failed: ${reason} (${source.feed})`);
			failed.push(`${source.name}: ${reason}`);
			continue;
		}
		if (!result.value.changed) {
			console.log(`${source.name}: unchanged since the last run (HTTP 304)`);
			unchanged += 1;
			continue;
		}
		let items: FeedItem[];
		try {
			items = readFeedItems(result.value.text, result.value.url);
		} catch (error) {
			const reason = (error as Error).message;
			console.error(`${source.name}: failed: ${reason} (${source.feed})`);
			failed.push(`${source.name}: ${reason}`);
			continue;
		}
		console.log(
			`${source.name}: ${plural(items.length, 'item')} in ${source.feed} (${formatBytes(Buffer.byteLength(result.value.text))})`,
		);
		const counts = await ingest.ingestItems(items, source, '  ');
		total.written += counts.written;
		total.skipped += counts.skipped;
		total.rejected += counts.rejected;
		const { etag, lastModified } = result.value.validators;
		// Kept once every item of this version was written, skipped or refused with its reason: the
		// next run then costs one request while the feed stays the same.
		state.feeds[source.feed] = {
			...(etag ? { etag } : {}),
			...(lastModified ? { lastModified } : {}),
		};
		if (!etag && !lastModified) delete state.feeds[source.feed];
	}
	if (!dryRun) await writeIngestState(stateFile, state);
	const changed = agencies.length - unchanged - failed.length;
	const parts = [
		`${changed} read`,
		`${unchanged} unchanged`,
		`${failed.length} failed${failed.length ? ` (${failed.join('; ')})` : ''}`,
	];
	const drafts = `${dryRun ? 'Would write' : 'Wrote'} ${plural(total.written, 'draft')}${total.rejected ? `; ${total.rejected} rejected by the content check` : ''}.`;
	console.log(
		`${plural(agencies.length, 'agency feed')}: ${parts.join(', ')}. ${drafts}${total.written > 0 ? ` ${review}` : ''}`,
	);
	return failed.length > 0 || total.rejected > 0 ? 1 : 0;
}

await runCommand(main, HELP);
