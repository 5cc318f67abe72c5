import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { runScript } from '../helpers/cli.ts';
import { report, tempProject, type TempProject } from '../helpers/project.ts';

let project: TempProject | undefined;
afterEach(async () => {
	await project?.remove();
	project = undefined;
});

const newReport = (root: string, ...args: string[]) =>
	runScript('new-report.ts', ['--root', root, ...args]);
const base = [
	'--source',
	'quay wire',
	'--url',
	'https://quay.example.com/2026/11/ferries',
	'--title',
	'Ferries run again after "long" strike: Zürich & more',
	'--date',
	'2026-11-24T09:30',
];

describe('report:new', () => {
	test('--help explains the command', async () => {
		const result = await runScript('new-report.ts', ['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/--source AGENCY/);
		// Filing a renamed report anew would give it a second address and break the old one.
		expect(result.stdout).toContain('rename its file (git mv), keep its id, and add its old');
		expect(result.stdout).toContain('address to aliases, e.g. aliases: [/wire/old-headline/]');
	});

	test('files a report with its frontmatter filled and an empty body, and prints the path', async () => {
		project = await tempProject();
		const result = await newReport(project.root, ...base, '--tags', 'shipping, europe');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const path = 'content/wire/2026/11/ferries-run-again-after-long-strike-zuerich-and-more.md';
		expect(result.stdout).toBe(`${path}\n`);
		const written = parseFrontmatter(await project.read(path));
		expect(written.data).toEqual({
			title: 'Ferries run again after "long" strike: Zürich & more',
			source: 'Quay Wire',
			url: 'https://quay.example.com/2026/11/ferries',
			date: '2026-11-24T09:30:00+01:00',
			tags: ['shipping', 'europe'],
			id: expect.stringMatching(/^quay-wire-20261124-[0-9a-f]{6}$/),
		});
		// The exact fields above: a fresh report has no corrections, withdrawal or aliases.
		expect(written.body.trim()).toBe('');
		// The new file passes the editor's check.
		expect((await runScript('check-content.ts', ['--root', project.root])).code).toBe(0);
	});

	test('dates a report now, with the site offset, when no --date is given', async () => {
		project = await tempProject();
		const result = await newReport(
			project.root,
			'--source',
			'Quay Wire',
			'--url',
			'https://quay.example.com/now',
			'--title',
			'Filed now',
		);
		const written = parseFrontmatter(await project.read(result.stdout.trim()));
		const date = String(written.data['date']);
		expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(60_000);
	});

	test('refuses to overwrite an existing file', async () => {
		project = await tempProject();
		const first = await newReport(project.root, ...base);
		const before = await project.read(first.stdout.trim());
		const second = await newReport(
			project.root,
			...base.slice(0, 3),
			'https://quay.example.com/other',
			...base.slice(4),
		);
		expect(second.code).toBe(1);
		expect(second.stderr).toContain('already exists; it is not overwritten');
		expect(await project.read(first.stdout.trim())).toBe(before);
	});

	test('refuses a URL already filed, naming the file', async () => {
		project = await tempProject({
			'content/wire/old.md': report({ url: 'https://quay.example.com/2026/11/ferries/' }),
		});
		const result = await newReport(project.root, ...base);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('url: already filed in content/wire/old.md');
		expect(result.stderr).toContain('Nothing was written.');
	});

	test('refuses an address its section already uses, as the build derives it from the file name', async () => {
		project = await tempProject({
			// Another folder and another spelling of the name: the build gives it the same address.
			'content/wire/2025/01/Ferries Run Again.md': report({}),
		});
		const args = [...base.slice(0, 5), 'Ferries run again', ...base.slice(6)];
		const clash = await newReport(project.root, ...args);
		expect(clash.code).toBe(1);
		expect(clash.stderr).toContain(
			'(file name): the address /wire/ferries-run-again/ is already used by content/wire/2025/01/Ferries Run Again.md',
		);
		const otherSection = await newReport(project.root, ...args, '--section', 'business-wire');
		expect(otherSection.stderr).toBe('');
		expect(otherSection.stdout.trim()).toBe('content/business-wire/2026/11/ferries-run-again.md');
	});

	test('an unknown agency or a bad URL is refused with the schema message', async () => {
		project = await tempProject();
		const result = await newReport(
			project.root,
			'--source',
			'Quay Wyre',
			'--url',
			'javascript:alert(1)',
			'--title',
			'X',
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'source: unknown source "Quay Wyre" (did you mean "Quay Wire"?)',
		);
		expect(result.stderr).toContain('url: must be an http:// or https:// URL');
	});

	test('a Persian headline gets the id as its file name', async () => {
		project = await tempProject();
		const result = await newReport(
			project.root,
			'--source',
			'Quay Wire',
			'--url',
			'https://quay.example.com/fa',
			'--title',
			'قطار دوباره راه افتاد',
			'--date',
			'2026-11-24T09:30',
		);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toMatch(
			/^content\/wire\/2026\/11\/quay-wire-20261124-[0-9a-f]{6}\.md$/,
		);
	});

	test('--dry-run prints the file and writes nothing; missing options are a usage error', async () => {
		project = await tempProject();
		const dry = await newReport(project.root, ...base, '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('title: \'Ferries run again after "long" strike: Zürich & more\'');
		expect(existsSync(join(project.root, 'content/wire/2026'))).toBe(false);
		const usage = await newReport(project.root, '--title', 'Only a title');
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('missing --source, --url');
	});
});
