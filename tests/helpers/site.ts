import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroInlineConfig } from 'astro';
import { copySite, projectRoot } from '../../scripts/lib/site-copy.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { readSearchJob } from '../../src/search/job.ts';
import type { SiteConfigInput } from '../../src/lib/site-config.ts';
import { site as sampleSite } from '../../src/site.config.ts';

export { listFiles } from '../../scripts/lib/manifest.ts';
export { projectRoot };

/** A copy of the site in a temporary folder, with its own content/. */
export interface FixtureSite {
	root: string;
	dist: string;
	/** Removes the temporary folder. */
	remove(): Promise<void>;
}

/** Options for {@link createFixtureSite}. */
export interface FixtureOptions {
	/** A folder whose files become content/ (sources.yaml included). */
	contentDir?: string;
	/** Extra or replacement content files, by path under content/. */
	files?: Record<string, string | Uint8Array>;
	/** Changes to the sample site config, e.g. a smaller page size. */
	siteConfig?: Partial<SiteConfigInput>;
}

/**
 * Copies the site's code (not its content) into a temporary folder and fills content/ from a
 * fixture, so a test builds exactly the input it describes.
 */
export async function createFixtureSite({
	contentDir,
	files = {},
	siteConfig,
}: FixtureOptions): Promise<FixtureSite> {
	const { root } = await copySite('wiredesk-fixture-');
	if (siteConfig) {
		const config = JSON.stringify({ ...sampleSite, ...siteConfig }, null, '\t');
		await writeFile(
			join(root, 'src/site.config.ts'),
			`import { defineSiteConfig } from './lib/site-config.ts';\n\nexport const site = defineSiteConfig(${config});\n`,
		);
	}
	const content = join(root, 'content');
	if (contentDir) await cp(contentDir, content, { recursive: true });
	const site: FixtureSite = {
		root,
		dist: join(root, 'dist'),
		remove: () => rm(root, { recursive: true, force: true }),
	};
	await writeContent(site, files);
	return site;
}

/** Adds or replaces content files of a fixture site, by path under content/. */
export async function writeContent(
	site: FixtureSite,
	files: Record<string, string | Uint8Array>,
): Promise<void> {
	for (const [path, text] of Object.entries(files)) {
		await mkdir(join(site.root, 'content', path, '..'), { recursive: true });
		await writeFile(join(site.root, 'content', path), text);
	}
}

/**
 * Builds a fixture site as `npm run build` does (Astro's programmatic API, then the search
 * step); rejects with the build's error. `vite` adds to the site's Vite config, e.g. a plugin
 * that looks at the bundle.
 */
export async function buildSite(
	site: FixtureSite,
	vite: AstroInlineConfig['vite'] = {},
): Promise<void> {
	const { build } = await import('astro');
	// Vitest sets NODE_ENV=test; build as `astro build` does, in production.
	const nodeEnv = process.env['NODE_ENV'];
	process.env['NODE_ENV'] = 'production';
	try {
		await build({ root: site.root, logLevel: 'error', mode: 'production', vite });
		// The second step of `npm run build`.
		await buildSearchIndex(await readSearchJob(site.root));
	} finally {
		process.env['NODE_ENV'] = nodeEnv;
	}
}

/** A built page's HTML, by its site path (e.g. "/wire/a/"). */
export function readPage(site: FixtureSite, path: string): Promise<string> {
	const file = path.endsWith('/') ? `${path}index.html` : path;
	return readFile(join(site.dist, file), 'utf8');
}
