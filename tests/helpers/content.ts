import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { reportBodyFeatures, reportBodyPlugin, takeBodyText } from '../../src/lib/report-body.ts';
import { checkReportText } from '../../src/lib/report-problems.ts';
import { createReportSchema } from '../../src/lib/report-schema.ts';
import { sortNewestFirst, toReport, type Report } from '../../src/lib/report.ts';
import { parseSourcesFile, type SourceDirectory } from '../../src/lib/sources.ts';
import { site } from '../../src/site.config.ts';
import { listFiles } from './site.ts';

/** A content folder read with the build's own schema, to compare built output against. */
export interface Content {
	sources: SourceDirectory;
	/** Every report, drafts included, newest first. */
	reports: (Report & { file: string })[];
}

/** Reads a content folder (sources.yaml and every report) as the build does. */
export async function readContent(contentDir: string): Promise<Content> {
	const sources = parseSourcesFile(
		await readFile(join(contentDir, 'sources.yaml'), 'utf8'),
		'content/sources.yaml',
	).directory;
	const schema = createReportSchema({
		sources,
		sections: site.sections.map((section) => section.slug),
		timeZone: site.timeZone,
	});
	const files = (await listFiles(contentDir)).filter((file) => file.endsWith('.md'));
	const reports = await Promise.all(
		files.map(async (file) => {
			const text = await readFile(join(contentDir, file), 'utf8');
			const checked = checkReportText(text, `content/${file}`, schema);
			if (!checked.ok)
				throw new Error(checked.problems.map((problem) => problem.message).join('\n'));
			// The excerpt comes from the rendered body, as in the build (smart quotes included).
			const astro = {
				frontmatter: {} as Record<string, unknown>,
				headings: [],
				localImagePaths: new Set<string>(),
				remoteImagePaths: new Set<string>(),
			};
			await markdownToHtml(checked.body, {
				features: { ...reportBodyFeatures, smartPunctuation: true },
				hastPlugins: [reportBodyPlugin({ siteUrl: site.url })],
				data: { astro },
			});
			const { bodyText } = takeBodyText(astro.frontmatter);
			if (bodyText === undefined) throw new Error(`${file}: the body plugin gave no text`);
			return {
				...toReport({ id: file.replace(/\.md$/, ''), data: checked.data, bodyText }, site, sources),
				file,
			};
		}),
	);
	return { sources, reports: sortNewestFirst(reports) };
}
