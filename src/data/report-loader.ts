import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { parseFrontmatter } from '../lib/frontmatter.ts';
import { ContentProblemsError, type ContentProblem } from '../lib/problems.ts';
import { checkReportText, collisionProblems, type FiledReport } from '../lib/report-problems.ts';
import type { ReportSchema } from '../lib/report-schema.ts';
import { reportSlug } from '../lib/urls.ts';

/** Options for {@link reportLoader}. */
export interface ReportLoaderOptions {
	/** Folder of the reports, relative to the project root. */
	base: string;
	schema: ReportSchema;
}

/**
 * Astro's `glob` loader over the report files, with two changes an editor relies on:
 * frontmatter is read with YAML 1.2 (a date without an offset stays text, so the schema reads
 * it in the site's zone instead of as UTC), and every problem in every file is collected and
 * thrown together, so one build lists them all and publishes nothing.
 */
export function reportLoader({ base, schema }: ReportLoaderOptions): Loader {
	// Pages render from the HTML Astro keeps; the Markdown itself would double the store.
	const inner = glob({ pattern: '**/*.md', base, retainBody: false });
	return {
		name: 'wiredesk-reports',
		async load(context) {
			const root = fileURLToPath(context.config.root);
			const problems: ContentProblem[] = [];
			const failed = new Set<string>();
			await inner.load({
				...context,
				async parseData(props) {
					const text = props.filePath ? await readFile(props.filePath, 'utf8') : '';
					const { data } = parseFrontmatter(text);
					try {
						return await context.parseData({ ...props, data: data as typeof props.data });
					} catch (error) {
						const file = props.filePath ? relative(root, props.filePath) : props.id;
						const checked = checkReportText(text, file, schema);
						problems.push(...(checked.ok ? [{ file, line: 1, field: '(frontmatter)', message: String(error), severity: 'error' as const }] : checked.problems));
						failed.add(props.id);
						return props.data;
					}
				},
			});
			const filed: FiledReport[] = [];
			for (const entry of context.store.values()) {
				if (failed.has(entry.id)) continue;
				const data = entry.data as { section: string; id?: string };
				filed.push({ file: entry.filePath ?? entry.id, section: data.section, slug: reportSlug(entry.id), id: data.id });
			}
			problems.push(...collisionProblems(filed));
			if (problems.length > 0) {
				// Invalid entries must not stay in Astro's cache, or the next build would skip them.
				for (const id of failed) context.store.delete(id);
				throw new ContentProblemsError(problems);
			}
		},
	};
}
