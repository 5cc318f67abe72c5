import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runScript } from '../helpers/cli.ts';

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
