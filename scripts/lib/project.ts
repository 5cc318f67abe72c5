import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { storyKey, type ContentFile } from '../../src/lib/content-check.ts';
import { diskProjectFiles } from '../../src/data/project-files.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import type { ProjectFiles } from '../../src/lib/local-files.ts';
import { createReportSchema, type ReportSchema } from '../../src/lib/report-schema.ts';
import { decodeReportText } from '../../src/lib/report-text.ts';
import { parseSourcesFile, type SourcesFile } from '../../src/lib/sources.ts';
import { site } from '../../src/site.config.ts';
import { listFiles } from './manifest.ts';

/** A wiredesk project on disk: its content/ and public/ folders. */
export interface Project {
	root: string;
	/** Reads every report file under content/, paths as "content/…". */
	reportFiles(): Promise<ContentFile[]>;
	/** Reads content/sources.yaml. */
	sources(): Promise<SourcesFile>;
	/** The project's files, for images and links to local files. */
	files: ProjectFiles;
}

/** The project at `root` (default: the working folder, where npm runs scripts). */
export function openProject(root = process.cwd()): Project {
	const absolute = resolve(root);
	return {
		root: absolute,
		async reportFiles() {
			const contentDir = join(absolute, 'content');
			if (!existsSync(contentDir)) throw new Error(`no content/ folder in ${absolute}`);
			const paths = (await listFiles(contentDir))
				.filter((file) => file.endsWith('.md'))
				.map((file) => `content/${file}`);
			return Promise.all(
				paths.map(async (path) => ({ path, bytes: await readFile(join(absolute, path)) })),
			);
		},
		async sources() {
			const file = join(absolute, 'content/sources.yaml');
			if (!existsSync(file)) {
				return parseSourcesFile('', 'content/sources.yaml');
			}
			return parseSourcesFile(await readFile(file, 'utf8'), 'content/sources.yaml');
		},
		files: diskProjectFiles(absolute),
	};
}

/** The report schema for this site and these agencies: the very one the build uses. */
export function reportSchemaFor(sources: SourcesFile): ReportSchema {
	return createReportSchema({
		sources: sources.directory,
		sections: site.sections.map((section) => section.slug),
		timeZone: site.timeZone,
	});
}

/** A report file's text, or '' when it is not UTF-8 (the check says so). */
export function textOf(file: ContentFile): string {
	const decoded = decodeReportText(file.bytes);
	return decoded.ok ? decoded.text : '';
}

/** Every original report URL already filed, with the file that holds it. */
export function filedStories(files: readonly ContentFile[]): Map<string, string> {
	const filed = new Map<string, string>();
	for (const file of files) {
		const url = parseFrontmatter(textOf(file)).data['url'];
		if (typeof url === 'string' && !filed.has(storyKey(url))) filed.set(storyKey(url), file.path);
	}
	return filed;
}
