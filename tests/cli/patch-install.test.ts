import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ASTRO_VERSION } from '../../src/integrations/astro-internals.ts';
import { run } from '../helpers/cli.ts';
import { projectRoot } from '../helpers/site.ts';

// The files patches/astro+<version>.patch changes, relative to the project.
const PATCHED = [
	'node_modules/astro/dist/content/data-store-writer.js',
	'node_modules/astro/dist/core/build/incremental.js',
];
const PATCH = `patches/astro+${ASTRO_VERSION}.patch`;

let project: string;

beforeAll(async () => {
	// A project with this one's postinstall and patch, and an astro of the patched version.
	project = await mkdtemp(join(tmpdir(), 'wiredesk-postinstall-'));
	const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
		scripts: { postinstall: string };
	};
	await writeFile(
		join(project, 'package.json'),
		JSON.stringify({ name: 'postinstall-check', private: true, scripts: manifest.scripts }),
	);
	await mkdir(join(project, 'patches'));
	await copyFile(join(projectRoot, PATCH), join(project, PATCH));
	await mkdir(join(project, 'node_modules/astro'), { recursive: true });
	await writeFile(
		join(project, 'node_modules/astro/package.json'),
		JSON.stringify({ name: 'astro', version: ASTRO_VERSION }),
	);
});

afterAll(async () => {
	await rm(project, { recursive: true, force: true });
});

/**
 * `npm run postinstall`, as `npm ci` runs it, on a developer's machine: patch-package exits 1
 * on CI whatever its options, and `CI=false` is how its CI detection is told "not CI".
 */
function postinstall() {
	return run('npm', ['run', 'postinstall'], {
		cwd: project,
		env: {
			CI: 'false',
			npm_config_update_notifier: 'false',
			PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
		},
	});
}

test('the install fails, naming the patch, when the patch does not apply', async () => {
	// Astro's files as a later release could have them: the patch's context is gone.
	for (const file of PATCHED) {
		await mkdir(dirname(join(project, file)), { recursive: true });
		await writeFile(join(project, file), '// rewritten in a later release\n');
	}
	const result = await postinstall();
	expect(result.stdout + result.stderr).toContain(PATCH);
	expect(result.stdout + result.stderr).toContain('Failed to apply patch for package astro');
	expect(result.code).not.toBe(0);
}, 30_000);

test('the install succeeds on the Astro the patch is for', async () => {
	// The project's own, patched files: patch-package finds the patch applied.
	for (const file of PATCHED) await copyFile(join(projectRoot, file), join(project, file));
	const result = await postinstall();
	expect(result.stdout + result.stderr).toContain(`astro@${ASTRO_VERSION} ✔`);
	expect(result.code).toBe(0);
}, 30_000);
