import { existsSync } from 'node:fs';
import { link, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	ASTRO_VERSION,
	astroCacheDir,
	astroVersionGuard,
	astroVersionProblem,
	cacheDirProblem,
	installedAstroVersion,
	readPartsFromDisk,
	replaceFile,
	storeRewriteProblem,
} from './astro-internals.ts';

const projectRoot = new URL('../../', import.meta.url);
const readProjectFile = (path: string) => readFile(new URL(path, projectRoot), 'utf8');

describe('the Astro version', () => {
	it('is the one package.json pins exactly, the lockfile installs and the patch is made for', async () => {
		const manifest = JSON.parse(await readProjectFile('package.json')) as {
			dependencies: Record<string, string>;
		};
		expect(manifest.dependencies['astro']).toBe(ASTRO_VERSION);
		const lock = JSON.parse(await readProjectFile('package-lock.json')) as {
			packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
		};
		expect(lock.packages['']?.dependencies?.['astro']).toBe(ASTRO_VERSION);
		expect(lock.packages['node_modules/astro']?.version).toBe(ASTRO_VERSION);
		const patches = await readdir(new URL('patches/', projectRoot));
		expect(patches.filter((file) => file.startsWith('astro+'))).toEqual([
			`astro+${ASTRO_VERSION}.patch`,
		]);
	});

	it('is the one installed, with the patch applied', async () => {
		expect(installedAstroVersion()).toBe(ASTRO_VERSION);
		// Every line the patch adds is in the installed file it patches.
		const patch = await readProjectFile(`patches/astro+${ASTRO_VERSION}.patch`);
		const files = patch.split(/^diff --git a\/(\S+) /m).slice(1);
		expect(files.length / 2).toBe(2);
		for (let index = 0; index < files.length; index += 2) {
			const installed = await readProjectFile(files[index] ?? '');
			const added = (files[index + 1] ?? '')
				.split('\n')
				.filter((line) => line.startsWith('+') && !line.startsWith('+++'))
				.map((line) => line.slice(1));
			expect(added.length).toBeGreaterThan(0);
			expect(added.filter((line) => !installed.includes(line))).toEqual([]);
		}
	});

	it('stops the build, naming the version expected, when another Astro is installed', async () => {
		expect(astroVersionProblem(ASTRO_VERSION)).toBeUndefined();
		const problem = astroVersionProblem('7.4.0');
		expect(problem).toContain(`written for Astro ${ASTRO_VERSION}, and this is Astro 7.4.0`);
		expect(problem).toContain(`patches/astro+${ASTRO_VERSION}.patch`);
		const setup = astroVersionGuard('7.4.0').hooks['astro:config:setup'] as () => void;
		expect(() => setup()).toThrow(`written for Astro ${ASTRO_VERSION}`);
		const current = astroVersionGuard(ASTRO_VERSION).hooks['astro:config:setup'] as () => void;
		expect(() => current()).not.toThrow();
	});
});

describe('the cache folder', () => {
	it("is Astro's default; another one is refused, as the search step would not find it", () => {
		const root = pathToFileURL('/site/');
		expect(astroCacheDir('/site')).toBe('/site/node_modules/.astro');
		expect(cacheDirProblem({ root, cacheDir: new URL('node_modules/.astro/', root) })).toBe(
			undefined,
		);
		expect(cacheDirProblem({ root, cacheDir: new URL('.cache/', root) })).toContain(
			'Leave cacheDir unset',
		);
	});
});

describe('storeRewriteProblem', () => {
	it('accepts a build that read every part from disk, or a store without parts', () => {
		expect(storeRewriteProblem({ rewritten: 2, bundled: 0, partFiles: 2 })).toBeUndefined();
		expect(storeRewriteProblem({ rewritten: 0, bundled: 0, partFiles: 0 })).toBeUndefined();
	});

	it('stops a build whose store was bundled: the module renamed, or a part imported elsewhere', () => {
		expect(storeRewriteProblem({ rewritten: 0, bundled: 2, partFiles: 2 })).toContain(
			'bundled instead of read from disk',
		);
		expect(storeRewriteProblem({ rewritten: 0, bundled: 0, partFiles: 2 })).toContain(
			'bundled instead of read from disk',
		);
		expect(storeRewriteProblem({ rewritten: 2, bundled: 1, partFiles: 3 })).toContain(
			'bundled instead of read from disk',
		);
	});
});

describe('replaceFile', () => {
	it('leaves another link to the old file as it was, where writing in place would change it', async () => {
		const folder = await mkdtemp(join(tmpdir(), 'wiredesk-replace-'));
		try {
			const page = join(folder, 'page.html');
			const cached = join(folder, 'cached');
			await writeFile(page, 'as Astro wrote it');
			await link(page, cached);
			await replaceFile(page, 'the new file');
			expect(await readFile(page, 'utf8')).toBe('the new file');
			expect(await readFile(cached, 'utf8')).toBe('as Astro wrote it');
			expect(await readdir(folder)).toEqual(['cached', 'page.html']);
			// What it guards against: a write in place goes through the link.
			await rm(page);
			await link(cached, page);
			await writeFile(page, 'written in place');
			expect(await readFile(cached, 'utf8')).toBe('written in place');
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
		expect(existsSync(folder)).toBe(false);
	});
});

// The code Astro 7 generates for a chunked store of one collection in two parts.
const ASTRO_MODULE =
	'export default{"reports":[(await import("astro:data-layer-content-chunk:1f5ab2637314f70e.txt")),(await import("astro:data-layer-content-chunk:c94d6c5fac2359a4.txt"))]}';

describe('readPartsFromDisk', () => {
	it('reads every part of the store from its file when the module runs', () => {
		const { code, parts } = readPartsFromDisk(
			ASTRO_MODULE,
			'/site/node_modules/.astro/data-store/',
		);
		expect(parts).toBe(2);
		expect(code).not.toContain('import(');
		expect(code).toContain(
			`readFileSync("/site/node_modules/.astro/data-store/1f5ab2637314f70e.txt",'utf8')`,
		);
		expect(code).toContain(
			`readFileSync("/site/node_modules/.astro/data-store/c94d6c5fac2359a4.txt",'utf8')`,
		);
	});

	it('gives the store reader the same value a part module would', async () => {
		const { code } = readPartsFromDisk(ASTRO_MODULE, '/store/');
		const files: Record<string, string> = {
			'/store/1f5ab2637314f70e.txt': 'first part\n',
			'/store/c94d6c5fac2359a4.txt': 'second part\n',
		};
		const body = code.replace("import{readFileSync}from'node:fs';export default", 'return ');
		const run = new Function('readFileSync', body) as (read: (path: string) => string) => {
			reports: { default: string }[];
		};
		expect(run((path) => files[path] ?? '')).toEqual({
			reports: [{ default: 'first part\n' }, { default: 'second part\n' }],
		});
	});

	it('leaves a store without parts alone', () => {
		expect(readPartsFromDisk('export default new Map()', '/store/')).toEqual({
			code: 'export default new Map()',
			parts: 0,
		});
	});

	it('stops the build when Astro imports parts in a way it does not know', () => {
		const changed =
			'export default{"reports":[import("astro:data-layer-content-chunk:1f5ab2637314f70e.txt")]}';
		expect(() => readPartsFromDisk(changed, '/store/')).toThrow(
			/imports its parts in a way wiredesk does not know/,
		);
	});
});
