import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
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
import { ContentProblemsError, formatProblem, type ContentProblem } from '../lib/problems.ts';
import type { ReportSchema } from '../lib/report-schema.ts';
import {
	neededFileProblems,
	validateReportFile,
	type ValidationContext,
} from '../lib/report-validation.ts';
import { reportAddress, reportIdFromPath } from '../lib/urls.ts';
import { diskProjectFiles } from './project-files.ts';
import { METADATA_KEY, metadataOfRender, reportMetadata } from './report-metadata.ts';

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

/** Runs `task` over `items`, `width` at a time. */
async function eachLimited<T>(
	items: readonly T[],
	width: number,
	task: (item: T) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next] as T;
			next += 1;
			await task(item);
		}
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * The report collection's loader: reads each Markdown file under `base` once, checks it with the
 * shared validation that `npm run content:check` runs (so what the check accepts, the build
 * publishes), renders it with the site's Markdown processor and keeps it in Astro's store.
 * A file whose bytes are unchanged since the last build is not parsed or rendered again.
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
	const contextDigest = generateDigest(contextKey);
	const root = fileURLToPath(context.config.root);
	const files = diskProjectFiles(root);
	const validation: ValidationContext = { schema, timeZone, now, files, sections };
	const all = (await listFiles(join(root, base))).map((file) => `${base}/${file}`);
	const problems: ContentProblem[] = [...earlier, ...strayReportFiles(all)];
	const filed: FiledReport[] = [];
	const seen = new Set<string>();
	await eachLimited(
		all.filter((path) => path.endsWith('.md')),
		8,
		async (path) => {
			const id = reportIdFromPath(path.slice(base.length + 1));
			seen.add(id);
			const bytes = await readFile(join(root, path));
			const utf8 = isUtf8(bytes);
			const digest = generateDigest(`${contextDigest}\n${bytes.toString('utf8')}`);
			const existing = store.get(id);
			const checked = existing && reportMetadata(existing);
			if (utf8 && existing && existing.digest === digest && checked) {
				const data = existing.data as {
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
					lines: checked.lines,
				});
				problems.push(...neededFileProblems(path, checked.needs, files));
				// Astro collects the images each build imports from the entries it is given.
				if (existing.assetImports?.length) {
					store.delete(id);
					store.set(existing);
				}
				return;
			}
			const result = validateReportFile({ path, bytes }, validation);
			problems.push(...result.problems);
			if (result.filed) filed.push(result.filed);
			if (!result.report) {
				store.delete(id);
				return;
			}
			const report = result.report;
			const data = await context.parseData({ id, data: report.raw, filePath: join(root, path) });
			const fileURL = pathToFileURL(join(root, path));
			// An empty frontmatter block: the body alone is rendered, even if it starts with "---".
			const rendered = await context.renderMarkdown(`---\n---\n${report.body.trim()}`, { fileURL });
			const { metadata, frontmatter } = metadataOfRender(
				path,
				rendered.metadata?.frontmatter ?? {},
				{ needs: report.needs, lines: filedReport(report).lines },
			);
			store.set({
				id,
				data,
				filePath: path,
				digest,
				rendered: {
					...rendered,
					metadata: { ...rendered.metadata, frontmatter, [METADATA_KEY]: metadata },
				},
				...(rendered.metadata?.imagePaths ? { assetImports: rendered.metadata.imagePaths } : {}),
			});
		},
	);
	for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
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
