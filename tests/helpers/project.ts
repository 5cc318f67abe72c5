import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { reportFile } from '../../src/lib/test-fixtures.ts';
import { projectRoot } from './site.ts';

/** A temporary project folder with content/ and public/, for the editor CLIs. */
export interface TempProject {
	root: string;
	write(path: string, text: string): Promise<void>;
	read(path: string): Promise<string>;
	remove(): Promise<void>;
}

/** A temporary project holding the basic fixture's agencies and the given files. */
export async function tempProject(files: Record<string, string> = {}): Promise<TempProject> {
	const root = await mkdtemp(join(tmpdir(), 'wiredesk-cli-'));
	const project: TempProject = {
		root,
		async write(path, text) {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), text);
		},
		read: (path) => readFile(join(root, path), 'utf8'),
		remove: () => rm(root, { recursive: true, force: true }),
	};
	await project.write(
		'content/sources.yaml',
		await readFile(join(projectRoot, 'tests/fixtures/basic/sources.yaml'), 'utf8'),
	);
	await mkdir(join(root, 'public'), { recursive: true });
	for (const [path, text] of Object.entries(files)) await project.write(path, text);
	return project;
}

/** A report file from frontmatter lines, for CLI fixtures. */
export function report(lines: Record<string, string>, body = 'Body text of the report.'): string {
	return reportFile(
		{
			title: 'A report',
			url: 'https://quay.example.com/a',
			date: '2026-11-01T10:00:00+01:00',
			...lines,
		},
		body,
	);
}
