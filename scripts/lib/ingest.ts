import { storyKey, type ContentFile } from '../../src/lib/content-check.ts';
import { draftOfItem } from '../../src/lib/feed-draft.ts';
import type { FeedItem } from '../../src/lib/feed-item.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import type { ReportSchema } from '../../src/lib/report-schema.ts';
import { resolveHttpUrl } from '../../src/lib/resolve-url.ts';
import type { Source } from '../../src/lib/sources.ts';
import { reportAddress } from '../../src/lib/urls.ts';
import { writeNewFile } from './cli.ts';
import { randomIdPart } from '../../src/lib/new-report.ts';
import { problemsOfDraft } from './draft-check.ts';
import { filedReports } from './project.ts';

/** What one ingest run shares across feeds. */
export interface IngestOptions {
	root: string;
	/** The reports already in content/. */
	files: readonly ContentFile[];
	schema: ReportSchema;
	section: string;
	/** Write `section:` into each draft (it was given on the command line). */
	namesSection: boolean;
	timeZone: string;
	now: Date;
	dryRun: boolean;
}

/** What became of a feed's items. */
export interface IngestCounts {
	written: number;
	/** Already filed, or no usable link. */
	skipped: number;
	/** Drafts the content check would reject: not written. */
	rejected: number;
}

/** Files feed items as drafts, remembering across feeds what is filed and which file names are taken. */
export interface Ingest {
	/** Writes a draft per new item of one agency's feed, printing a line per item (indented by `indent`). */
	ingestItems(items: readonly FeedItem[], source: Source, indent?: string): Promise<IngestCounts>;
}

/** An ingest run over the project's current reports. */
export function createIngest(options: IngestOptions): Ingest {
	// Addresses in the drafts' section only: a file of another section with the same name is no clash.
	const { stories: filed, addresses } = filedReports(options.files);
	const addressOf = (path: string) => reportAddress(path, options.section).href;
	return {
		async ingestItems(items, source, indent = '') {
			const counts: IngestCounts = { written: 0, skipped: 0, rejected: 0 };
			const say = (line: string) => console.log(`${indent}${line}`);
			for (const item of items) {
				const label = `"${item.title || '(no title)'}"`;
				const link = item.link === undefined ? undefined : resolveHttpUrl(item.link);
				const already = link === undefined ? undefined : filed.get(storyKey(link));
				if (link !== undefined && already !== undefined) {
					say(`skipped ${link}: already filed in ${already}`);
					counts.skipped += 1;
					continue;
				}
				const outcome = draftOfItem(item, {
					source,
					section: options.section,
					namesSection: options.namesSection,
					timeZone: options.timeZone,
					now: options.now,
					random: randomIdPart(),
					addressTaken: (path) => addresses.has(addressOf(path)),
				});
				if (!outcome.ok) {
					say(`skipped ${label}: ${outcome.reason}`);
					counts.skipped += 1;
					continue;
				}
				const { draft } = outcome;
				for (const note of draft.notes) say(`note: ${label}: ${note}`);
				const problems = problemsOfDraft(draft.path, draft.text, {
					root: options.root,
					schema: options.schema,
				});
				if (problems.length > 0) {
					for (const problem of problems) console.error(`${indent}${formatProblem(problem)}`);
					say(
						`skipped ${draft.url}: its draft would not pass content:check (${problems.length} problem${problems.length === 1 ? '' : 's'} above); not written`,
					);
					counts.rejected += 1;
					continue;
				}
				if (!options.dryRun) await writeNewFile(options.root, draft.path, draft.text);
				say(`${options.dryRun ? 'would write' : 'wrote'} ${draft.path} (draft): ${draft.title}`);
				filed.set(storyKey(draft.url), draft.path);
				addresses.set(addressOf(draft.path), draft.path);
				counts.written += 1;
			}
			return counts;
		},
	};
}
