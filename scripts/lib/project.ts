import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ContentFile } from '../../src/lib/content-check.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { createReportSchema, type ReportSchema } from '../../src/lib/report-schema.ts';
import { parseSourcesFile, type SourcesFile } from '../../src/lib/sources.ts';
import { storyKey } from '../../src/lib/content-check.ts';
import { site } from '../../src/site.config.ts';
import { listFiles } from './manifest.ts';

/** A wiredesk project on disk: its content/ and public/ folders. */
export interface Project {
	root: string;
	/** Reads every report file under content/, paths as "content/…". */
	reportFiles(): Promise<ContentFile[]>;
	/** Reads content/sources.yaml. */
	sources(): Promise<SourcesFile>;
	/** Whether an image exists: "/images/a.jpg" in public/, "./a.jpg" beside the report. */
	imageExists(src: string, reportPath: string): boolean;
}

/** The project at `root` (default: the working folder, where npm runs scripts). */
export function openProject(root = process.cwd()): Project {
	const absolute = resolve(root);
	return {
		root: absolute,
		async reportFiles() {
			const contentDir = join(absolute, 'content');
			if (!existsSync(contentDir)) throw new Error(`no content/ folder in ${absolute}`);
			const paths = (await listFiles(contentDir)).filter((file) => file.endsWith('.md')).map((file) => `content/${file}`);
			return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(absolute, path), 'utf8') })));
		},
		async sources() {
			const file = join(absolute, 'content/sources.yaml');
			if (!existsSync(file)) {
				return parseSourcesFile('', 'content/sources.yaml');
			}
			return parseSourcesFile(await readFile(file, 'utf8'), 'content/sources.yaml');
		},
		imageExists(src, reportPath) {
			const clean = decodeURI(src.split(/[?#]/)[0] ?? '');
			const path = clean.startsWith('/') ? resolve(absolute, 'public', `.${clean}`) : resolve(absolute, dirname(reportPath), clean);
			return path.startsWith(absolute + sep) && existsSync(path);
		},
	};
}

/** The report schema for this site and these agencies: the very one the build uses. */
export function reportSchemaFor(sources: SourcesFile): ReportSchema {
	return createReportSchema({ sources: sources.directory, sections: site.sections.map((section) => section.slug), timeZone: site.timeZone });
}

/** Every original report URL already filed, with the file that holds it. */
export function filedStories(files: readonly ContentFile[]): Map<string, string> {
	const filed = new Map<string, string>();
	for (const file of files) {
		const url = parseFrontmatter(file.text).data['url'];
		if (typeof url === 'string' && !filed.has(storyKey(url))) filed.set(storyKey(url), file.path);
	}
	return filed;
}
