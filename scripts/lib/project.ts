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
import { reportAddress } from '../../src/lib/urls.ts';
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

/** The section of a report that names none, as the schema defaults it. */
export const DEFAULT_SECTION = site.sections[0]?.slug ?? 'wire';

/** What the reports already filed take, each with the file that takes it first. */
export interface Filed {
	/** Original reports, by {@link storyKey} of their URL. */
	stories: Map<string, string>;
	/** Addresses, by {@link reportAddress}'s href. */
	addresses: Map<string, string>;
}

/** The original reports and addresses that report files already take. */
export function filedReports(files: readonly ContentFile[]): Filed {
	const filed: Filed = { stories: new Map(), addresses: new Map() };
	const take = (map: Map<string, string>, key: string, file: string) => {
		if (!map.has(key)) map.set(key, file);
	};
	for (const file of files) {
		const { data } = parseFrontmatter(textOf(file));
		if (typeof data['url'] === 'string') take(filed.stories, storyKey(data['url']), file.path);
		const section = typeof data['section'] === 'string' ? data['section'] : DEFAULT_SECTION;
		take(filed.addresses, reportAddress(file.path, section).href, file.path);
	}
	return filed;
}
