import { readFile } from 'node:fs/promises';
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

const correct = (root: string, ...args: string[]) =>
	runScript('correct-report.ts', ['--root', root, ...args]);
const withdraw = (root: string, ...args: string[]) =>
	runScript('withdraw-report.ts', ['--root', root, ...args]);

const PATH = 'content/wire/2026/11/ferry-deal.md';

// Written by hand as editors write: a byte-order mark, Windows line ends, comments, a quoted
// headline, flow-style tags, a blank line, a block list of corrections and a two-paragraph body.
const EDITED = [
	'\uFEFF---',
	'# Restyled headline; agency copy unchanged',
	`title: 'Ferry crews accept "final" pay deal'`,
	'source: Quay Wire # the agency',
	'url: https://quay.example.com/2026/11/20/ferry-deal',
	'date: 2026-11-20T09:15:00+01:00',
	'tags: [shipping, europe]',
	'',
	'corrections:',
	'  - date: 2026-11-21T10:00:00+01:00',
	"    text: An earlier version misspelt the union's name.",
	'id: quay-20261120-ferry',
	'---',
	'Ferry crews on the western routes went back to work.',
	'',
	'The deal runs to *2028*.',
	'',
].join('\r\n');

/** Reads a file's bytes as text, byte-order mark included. */
const bytesOf = async (root: string, path: string) =>
	(await readFile(join(root, path))).toString('utf8');

/**
 * The lines of `after` that are not lines of `before` kept in order; fails when a line of
 * `before` is missing from `after` or out of order. Line ends stay on the lines (CRLF is kept).
 */
function addedLines(before: string, after: string): string[] {
	const old = before.split('\n');
	const added: string[] = [];
	let next = 0;
	for (const line of after.split('\n')) {
		if (next < old.length && line === old[next]) next += 1;
		else added.push(line);
	}
	expect(old.slice(next), 'lines of the old file missing from the new one').toEqual([]);
	return added;
}

/** The date the command wrote: now, in Europe/Berlin's offset. */
function expectNow(date: string | undefined) {
	expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
	expect(Math.abs(Date.parse(date ?? '') - Date.now())).toBeLessThan(60_000);
}

describe('report:correct', () => {
	test('--help explains the command', async () => {
		const result = await runScript('correct-report.ts', ['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: npm run report:correct -- FILE --text/);
	});

	test('adds a correction to an existing list and changes no other byte of the file', async () => {
		project = await tempProject({ [PATH]: EDITED });
		const text = 'The deal runs to *2028*, not 2027.';
		const result = await correct(project.root, PATH, '--text', text);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const after = await bytesOf(project.root, PATH);
		const added = addedLines(EDITED, after);
		const date = /date: (\S+)\r$/.exec(added[0] ?? '')?.[1];
		expectNow(date);
		expect(added).toEqual([`  - date: ${date}\r`, `    text: ${text}\r`]);
		// Added right after the last correction, before the id.
		expect(after).toContain(`name.\r\n  - date: ${date}\r\n    text: ${text}\r\nid:`);
		expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
		expect(result.stdout).toBe(
			`${PATH}: lines 12–13 add a correction dated ${date}.\nCommit the file: the next build shows the notice on the report's page and in its feed items.\n`,
		);
		expect((await runScript('check-content.ts', ['--root', project.root])).code).toBe(0);
	});

	test('starts a corrections list at the end of the frontmatter of a report that has none', async () => {
		const before = report({ tags: '[shipping]' });
		project = await tempProject({ [PATH]: before });
		const result = await correct(project.root, PATH, '--text', 'Quay Wire: "final" offer, not #2.');
		expect(result.code).toBe(0);
		const added = addedLines(before, await project.read(PATH));
		const date = /date: (\S+)$/.exec(added[1] ?? '')?.[1];
		expectNow(date);
		expect(added).toEqual([
			'corrections:',
			`  - date: ${date}`,
			`    text: 'Quay Wire: "final" offer, not #2.'`,
		]);
	});

	test('adds to a flow-style list on its line, and nothing else changes', async () => {
		const before = report({
			corrections: '[{ date: 2026-11-02T10:00:00+01:00, text: Fixed the port. }] # on air',
		});
		project = await tempProject({ [PATH]: before });
		const result = await correct(
			project.root,
			PATH,
			'--text',
			'Fixed the date.',
			'--date',
			'2026-11-03 08:00',
		);
		expect(result.code).toBe(0);
		const oldLines = before.split('\n');
		const newLines = (await project.read(PATH)).split('\n');
		const changed = oldLines.findIndex((line) => line.startsWith('corrections:'));
		expect(newLines).toEqual([
			...oldLines.slice(0, changed),
			'corrections: [{ date: 2026-11-02T10:00:00+01:00, text: Fixed the port. }, { date: 2026-11-03T08:00:00+01:00, text: Fixed the date. }] # on air',
			...oldLines.slice(changed + 1),
		]);
	});

	test('--dry-run prints the change as a diff and writes nothing', async () => {
		project = await tempProject({ [PATH]: EDITED });
		const result = await correct(
			project.root,
			PATH,
			'--text',
			'Fixed the union.',
			'--date',
			'2026-11-22T08:00+01:00',
			'--dry-run',
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(
			[
				`--- a/${PATH}`,
				`+++ b/${PATH}`,
				'@@ -9,6 +9,8 @@',
				' corrections:',
				'   - date: 2026-11-21T10:00:00+01:00',
				"     text: An earlier version misspelt the union's name.",
				'+  - date: 2026-11-22T08:00:00+01:00',
				'+    text: Fixed the union.',
				' id: quay-20261120-ferry',
				' ---',
				' Ferry crews on the western routes went back to work.',
				'Dry run: nothing was written.',
				'',
			].join('\n'),
		);
		expect(await bytesOf(project.root, PATH)).toBe(EDITED);
	});

	test('refuses what the check would refuse after the change: a correction dated before the report', async () => {
		project = await tempProject({ [PATH]: EDITED });
		const result = await correct(project.root, PATH, '--text', 'Fixed.', '--date', '2026-11-19');
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			`${PATH}:12: corrections.1.date: is earlier than the report's date\n` +
				`With this change the check would refuse ${PATH} (lines as they would be). Nothing was written.\n`,
		);
		expect(await bytesOf(project.root, PATH)).toBe(EDITED);
	});

	test('refuses a missing --text, the same correction twice, and a withdrawn report', async () => {
		project = await tempProject({
			[PATH]: EDITED,
			'content/wire/gone.md': report({
				url: 'https://quay.example.com/gone',
				withdrawn: '{ date: 2026-11-02T10:00:00+01:00, reason: Licence ended. }',
			}),
		});
		const missing = await correct(project.root, PATH);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain(
			`${PATH}:9: corrections: --text is required: what was corrected, one paragraph of inline Markdown`,
		);
		const twice = await correct(
			project.root,
			PATH,
			'--text',
			"An earlier version misspelt the union's name.",
		);
		expect(twice.code).toBe(1);
		expect(twice.stderr).toContain(
			`${PATH}:9: corrections: this correction is already there, dated 2026-11-21T10:00:00+01:00`,
		);
		const gone = await correct(project.root, 'content/wire/gone.md', '--text', 'Fixed.');
		expect(gone.code).toBe(1);
		expect(gone.stderr).toContain(
			'content/wire/gone.md:6: withdrawn: the report was withdrawn on 2026-11-02T10:00:00+01:00',
		);
		expect(await bytesOf(project.root, PATH)).toBe(EDITED);
	});
});

describe('report:withdraw', () => {
	test('--help explains the command', async () => {
		const result = await runScript('withdraw-report.ts', ['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: npm run report:withdraw -- FILE --reason/);
	});

	test('adds withdrawn at the end of the frontmatter and changes no other byte of the file', async () => {
		project = await tempProject({ [PATH]: EDITED });
		const reason = 'Quay Wire withdrew the report: the deal was not signed.';
		const result = await withdraw(project.root, PATH, '--reason', reason);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const after = await bytesOf(project.root, PATH);
		const added = addedLines(EDITED, after);
		const date = /date: (\S+)\r$/.exec(added[1] ?? '')?.[1];
		expectNow(date);
		expect(added).toEqual(['withdrawn:\r', `  date: ${date}\r`, `  reason: "${reason}"\r`]);
		expect(after).toContain(`id: quay-20261120-ferry\r\nwithdrawn:\r\n`);
		expect(result.stdout).toBe(
			`${PATH}: lines 13–15 withdraw the report as of ${date}.\nCommit the file: the next build takes it out of every list, feed, sitemap and the search, and its address shows the reason.\n`,
		);
		expect(parseFrontmatter(after).data['withdrawn']).toEqual({ date, reason });
		expect((await runScript('check-content.ts', ['--root', project.root])).code).toBe(0);
	});

	test('refuses a report already withdrawn, and writes nothing', async () => {
		project = await tempProject({ [PATH]: EDITED });
		expect((await withdraw(project.root, PATH, '--reason', 'Gone.')).code).toBe(0);
		const once = await bytesOf(project.root, PATH);
		const again = await withdraw(project.root, PATH, '--reason', 'Gone again.');
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(
			new RegExp(
				`^${PATH}:13: withdrawn: the report is already withdrawn, on \\S+\\nNothing was written.\\n$`,
			),
		);
		expect(await bytesOf(project.root, PATH)).toBe(once);
	});

	test('refuses a missing --reason, a file outside content/, and a file the check refuses', async () => {
		project = await tempProject({
			[PATH]: EDITED,
			'notes/ferry.md': EDITED,
			'content/wire/typo.md': report({ source: 'Quay Wyre' }),
		});
		const missing = await withdraw(project.root, PATH, '--reason', '  ');
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain(
			`${PATH}:13: withdrawn: --reason is required: why the report came down, as readers are told`,
		);
		const outside = await withdraw(project.root, 'notes/ferry.md', '--reason', 'Gone.');
		expect(outside.code).toBe(1);
		expect(outside.stderr).toContain('notes/ferry.md:1: (file): is not a report under content/');
		const refused = await withdraw(project.root, 'content/wire/typo.md', '--reason', 'Gone.');
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('content/wire/typo.md:3: source: unknown source "Quay Wyre"');
		expect(refused.stderr).toContain(
			'The check refuses content/wire/typo.md as it is: fix it first (npm run content:check). Nothing was written.',
		);
		expect(await project.read('content/wire/typo.md')).toBe(report({ source: 'Quay Wyre' }));
		expect(await bytesOf(project.root, PATH)).toBe(EDITED);
	});
});
