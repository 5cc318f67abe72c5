import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listFiles } from '../integrations/output-files.ts';
import {
	crossFileProblems,
	filedReport,
	strayReportFiles,
	type FiledReport,
} from '../lib/content-check.ts';
import { fileSignature } from '../lib/file-signature.ts';
import { ContentProblemsError, formatProblem, type ContentProblem } from '../lib/problems.ts';
import type { ReportSchema } from '../lib/report-schema.ts';
import {
	neededFileProblems,
	validateReportFile,
	type ValidationContext,
} from '../lib/report-validation.ts';
import { reportAddress, reportIdFromPath } from '../lib/urls.ts';
import { diskProjectFiles } from './project-files.ts';
import { ReportHtmlFiles, reportHtmlName } from './report-html.ts';
import {
	METADATA_KEY,
	metadataOfRender,
	reportMetadata,
	withMetadata,
	type ReportMetadata,
} from './report-metadata.ts';

/** A report as Astro's store keeps it (the type is not exported by astro/loaders). */
type StoredEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

/**
 * The shape of what the loader stores; a new one makes every report be read and rendered again.
 * 2: the body's HTML in a file of its own (report-html.ts), the file's signature.
 * 3: 300 characters of body text for the excerpt, not 600.
 */
const STORE_FORMAT = 3;

/** Options for {@link reportLoader}. */
export interface ReportLoaderOptions {
	/** Folder of the reports, relative to the project root, e.g. "content". */
	base: string;
	schema: ReportSchema;
	timeZone: string;
	/** The site's section slugs. */
	sections: readonly string[];
	/** The build's "now", for the check's notes on scheduled and expired reports. */
	now: Date;
	/** Problems found before the reports are read (in content/sources.yaml), listed with theirs. */
	problems?: readonly ContentProblem[] | undefined;
	/**
	 * Everything besides a report's own file that decides whether it is valid and what its data
	 * is (the agencies, the sections, the rules): when it changes, every report is checked again.
	 */
	contextKey: string;
}

/**
 * The report collection's loader: reads each Markdown file under `base` once, checks it with the
 * shared validation that `npm run content:check` runs (so what the check accepts, the build
 * publishes), renders it with the site's Markdown processor and keeps it in Astro's store.
 * A file whose bytes are unchanged since the last build is not parsed or rendered again, and
 * one whose status (size, times, inode) is unchanged is not even read.
 * Every problem in every file is collected; if any is an error, the build stops and lists
 * them all as `file:line: field: message`, and publishes nothing.
 */
export function reportLoader(options: ReportLoaderOptions): Loader {
	return {
		name: 'wiredesk-reports',
		async load(context) {
			const problems = await syncReports(context, options);
			const errors = problems.filter((problem) => problem.severity === 'error');
			for (const warning of problems.filter((problem) => problem.severity === 'warning'))
				context.logger.warn(formatProblem(warning));
			if (errors.length > 0) {
				if (!context.watcher) throw new ContentProblemsError(errors);
				context.logger.error(new ContentProblemsError(errors).message);
			}
			if (context.watcher) watchReports(context, options);
		},
	};
}

async function syncReports(
	context: LoaderContext,
	{
		base,
		schema,
		timeZone,
		now,
		sections,
		contextKey,
		problems: earlier = [],
	}: ReportLoaderOptions,
): Promise<ContentProblem[]> {
	const { store, generateDigest } = context;
	const contextDigest = generateDigest(`${STORE_FORMAT}\n${contextKey}`);
	const root = fileURLToPath(context.config.root);
	const files = diskProjectFiles(root);
	const validation: ValidationContext = { schema, timeZone, now, files, sections };
	const all = (await listFiles(join(root, base))).map((file) => `${base}/${file}`);
	const problems: ContentProblem[] = [...earlier, ...strayReportFiles(all)];
	const filed: FiledReport[] = [];
	const seen = new Set<string>();
	/** Lists a stored report as it is, without reading or rendering it again. */
	const keep = (
		path: string,
		entry: StoredEntry,
		metadata: ReportMetadata,
		signature: string | undefined,
	) => {
		const data = entry.data as {
			section: string;
			id?: string;
			url: string;
			tags: string[];
			aliases: string[];
		};
		filed.push({
			file: path,
			href: reportAddress(path, data.section).href,
			id: data.id,
			url: data.url,
			tags: data.tags,
			aliases: data.aliases,
			lines: metadata.lines,
		});
		problems.push(...neededFileProblems(path, metadata.needs, files));
		if (metadata.html) usedBodies.add(metadata.html);
		// The same bytes under a new status (a fresh checkout): remember the new one. And
		// Astro collects the images each build imports from the entries it is given.
		if (metadata.file !== signature || entry.assetImports?.length) {
			store.delete(entry.id);
			store.set(withMetadata(entry, { ...metadata, file: signature }));
		}
	};
	const bodies = new ReportHtmlFiles(context.config.cacheDir);
	const usedBodies = new Set<string>();
	// Taken before any file's status, as fileSignature asks.
	const startedAt = BigInt(Date.now()) * 1_000_000n;
	// Synchronous reads: at 10,000 reports, a read through the thread pool (open, stat, read
	// and close, each a round trip) cost 2.9 s of waiting against 0.3 s read in turn.
	for (const path of all.filter((file) => file.endsWith('.md'))) {
		const id = reportIdFromPath(path.slice(base.length + 1));
		seen.add(id);
		const fullPath = join(root, path);
		const status = fileSignature(statSync(fullPath, { bigint: true }), startedAt);
		// What the store's entry is valid for: this status of the file, under these rules.
		const signature = status && `${contextDigest}:${status}`;
		const existing = store.get(id);
		const stored = existing && reportMetadata(existing);
		// A stored report whose body file went missing is rendered again.
		const checked =
			stored && (stored.html === undefined || bodies.has(stored.html)) ? stored : undefined;
		if (existing && checked && signature !== undefined && checked.file === signature) {
			keep(path, existing, checked, signature);
			continue;
		}
		const bytes = readFileSync(fullPath);
		const digest = generateDigest(`${contextDigest}\n${bytes.toString('utf8')}`);
		if (existing && checked && isUtf8(bytes) && existing.digest === digest) {
			keep(path, existing, checked, signature);
			continue;
		}
		const result = validateReportFile({ path, bytes }, validation);
		problems.push(...result.problems);
		if (result.filed) filed.push(result.filed);
		if (!result.report) {
			store.delete(id);
			continue;
		}
		const report = result.report;
		const data = await context.parseData({ id, data: report.raw, filePath: fullPath });
		const fileURL = pathToFileURL(fullPath);
		// An empty frontmatter block: the body alone is rendered, even if it starts with "---".
		const rendered = await context.renderMarkdown(`---\n---\n${report.body.trim()}`, { fileURL });
		// A body with images stays in the store: Astro's render() puts the optimised images in.
		const html = rendered.metadata?.imagePaths?.length ? undefined : reportHtmlName(id, digest);
		if (html) {
			bodies.write(html, rendered.html);
			usedBodies.add(html);
		}
		const { metadata, frontmatter } = metadataOfRender(path, rendered.metadata?.frontmatter ?? {}, {
			needs: report.needs,
			lines: filedReport(report).lines,
			file: signature,
			html,
		});
		store.set({
			id,
			data,
			filePath: path,
			digest,
			rendered: {
				...rendered,
				html: html ? '' : rendered.html,
				metadata: { ...rendered.metadata, frontmatter, [METADATA_KEY]: metadata },
			},
			...(rendered.metadata?.imagePaths ? { assetImports: rendered.metadata.imagePaths } : {}),
		});
	}
	for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
	bodies.prune(usedBodies);
	problems.push(...crossFileProblems(filed, sections));
	return problems;
}

/** In `astro dev`, checks and renders again whatever an editor saves. */
function watchReports(context: LoaderContext, options: ReportLoaderOptions): void {
	const { watcher, logger } = context;
	if (!watcher) return;
	const folder = join(fileURLToPath(context.config.root), options.base);
	watcher.add(folder);
	const resync = async (changed: string) => {
		if (
			!changed.startsWith(folder) ||
			!/\.(?:md|markdown|png|jpe?g|gif|webp|avif|svg)$/i.test(changed)
		)
			return;
		const problems = await syncReports(context, options);
		for (const problem of problems.filter((item) => item.severity !== 'info'))
			logger[problem.severity === 'error' ? 'error' : 'warn'](formatProblem(problem));
	};
	watcher.on('change', resync);
	watcher.on('add', resync);
	watcher.on('unlink', resync);
}
