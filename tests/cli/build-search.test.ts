import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { run, runScript } from '../helpers/cli.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from '../helpers/site.ts';

test('the search step run before any build says what to run first and fails', async () => {
	const root = await mkdtemp(join(tmpdir(), 'wiredesk-search-'));
	try {
		const result = await runScript('build-search.ts', ['--root', root]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(join(root, 'node_modules/.astro/wiredesk-search-pages.json'));
		expect(result.stderr).toContain('run `astro build` first (`npm run build` runs both steps)');
	} finally {
		await rm(root, { recursive: true, force: true });
	}
});

let site: FixtureSite | undefined;

afterAll(async () => {
	await site?.remove();
});

const NOT_BUILT = 'the search index was not built';
// The build's clock, as a deploy pins it; no npm script around `astro build` unless one runs it.
const env = { SOURCE_DATE_EPOCH: String(Date.parse('2026-11-04T12:00:00Z') / 1000) };

test('`astro build` alone says last that it did not build the search index, and how to; `npm run build` builds it', async () => {
	site = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	const alone = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		cwd: site.root,
		env: { ...env, npm_lifecycle_script: '' },
	});
	expect(alone.code, alone.stderr).toBe(0);
	const lines = alone.stdout.trim().split('\n');
	// Only Astro's two closing lines (pages built, "Complete!") come after it.
	const warning = lines.findIndex((line) => line.includes(NOT_BUILT));
	expect(lines.length - warning).toBe(3);
	expect(lines[warning]).toContain(
		'Run `node scripts/build-search.ts` now, or build with `npm run build`, which runs both steps.',
	);
	expect(existsSync(join(site.dist, 'pagefind'))).toBe(false);

	const both = await run('npm', ['run', 'build'], {
		cwd: site.root,
		env: { ...env, npm_config_update_notifier: 'false' },
	});
	expect(both.code, both.stderr).toBe(0);
	expect(both.stdout).not.toContain(NOT_BUILT);
	expect(both.stdout).toMatch(/\[wiredesk\] search index: 5 reports in 1 part\(s\); 5 re-indexed/);
	expect(existsSync(join(site.dist, 'pagefind/shards.json'))).toBe(true);
}, 120_000);
