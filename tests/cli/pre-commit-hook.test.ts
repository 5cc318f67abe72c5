import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.ts';
import { report } from '../helpers/project.ts';
import { createFixtureSite, projectRoot, writeContent, type FixtureSite } from '../helpers/site.ts';

let site: FixtureSite;
const git = (...args: string[]) =>
	run('git', args, {
		cwd: site.root,
		env: {
			GIT_AUTHOR_NAME: 'Editor',
			GIT_AUTHOR_EMAIL: 'editor@example.org',
			GIT_COMMITTER_NAME: 'Editor',
			GIT_COMMITTER_EMAIL: 'editor@example.org',
		},
	});

beforeAll(async () => {
	site = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	await git('init', '-q');
	await git('add', '.');
	await git('commit', '-q', '-m', 'start', '--no-verify');
});

afterAll(async () => {
	await site?.remove();
});

describe('the pre-commit hook', () => {
	test('installs with one command', async () => {
		const result = await run('npm', ['run', '--silent', 'hooks:install'], { cwd: site.root });
		expect(result.code).toBe(0);
		expect((await git('config', 'core.hooksPath')).stdout.trim()).toBe('.githooks');
	});

	test('stops a commit whose staged report has an error, naming file, line and field', async () => {
		await writeContent(site, { 'wire/bad-staged.md': report({ url: '"javascript:alert(1)"' }) });
		await git('add', 'content/wire/bad-staged.md');
		const result = await git('commit', '-m', 'add a bad report');
		expect(result.code).not.toBe(0);
		expect(result.stdout + result.stderr).toContain(
			'content/wire/bad-staged.md:4: url: must be an http:// or https:// URL',
		);
		expect((await git('log', '--oneline')).stdout.trim().split('\n')).toHaveLength(1);
	});

	test('lets a commit of a good report through', async () => {
		await writeContent(site, {
			'wire/bad-staged.md': report({ url: 'https://quay.example.com/fixed' }),
		});
		await git('add', 'content/wire/bad-staged.md');
		const result = await git('commit', '-m', 'add a good report');
		expect(result.code, result.stdout + result.stderr).toBe(0);
	});

	test('stops a commit of a correction dated before its report or of an earlier address that is live', async () => {
		await writeContent(site, {
			'wire/corrected-staged.md': report({
				url: 'https://quay.example.com/corrected',
				corrections: '[{ date: 2026-10-01T10:00:00+01:00, text: Fixed the port. }]',
			}),
			'wire/renamed-staged.md': report({
				url: 'https://quay.example.com/renamed',
				// The address of a report of the basic fixture, not an earlier one of this report.
				aliases: '[/wire/tidal-barrier-closes/]',
			}),
		});
		await git('add', 'content/wire/corrected-staged.md', 'content/wire/renamed-staged.md');
		const result = await git('commit', '-m', 'add a corrected and a renamed report');
		expect(result.code).not.toBe(0);
		const output = result.stdout + result.stderr;
		expect(output).toContain(
			"content/wire/corrected-staged.md:6: corrections.0.date: is earlier than the report's date",
		);
		expect(output).toContain(
			'content/wire/renamed-staged.md:6: aliases: /wire/tidal-barrier-closes/ is the address of content/wire/tidal-barrier-closes.md, a live report',
		);
		expect((await git('log', '--oneline')).stdout.trim().split('\n')).toHaveLength(2);
	});
});
