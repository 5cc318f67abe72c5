import type { TestProject } from 'vitest/node';
import { buildSite, createFixtureSite, projectRoot } from '../helpers/site.ts';
import { join } from 'node:path';

declare module 'vitest' {
	export interface ProvidedContext {
		/** dist/ of the sample site (this repository's content/), built once for all tests. */
		sampleDist: string;
		/** dist/ of tests/fixtures/basic, built once for all tests. */
		basicDist: string;
	}
}

/** When the sample site is built, as far as the build knows. */
export const SAMPLE_BUILD_TIME = '2026-11-23T12:00:00Z';
/** When tests/fixtures/basic is built. */
export const BASIC_BUILD_TIME = '2026-11-04T12:00:00Z';

/** Builds the sample site and the basic fixture once; test files read their dist/ folders. */
export default async function setup(project: TestProject) {
	process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
	const sample = await createFixtureSite({ contentDir: join(projectRoot, 'content') });
	const basic = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	// The build's clock, pinned as a deploy would pin it: it decides the news sitemap's window.
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(SAMPLE_BUILD_TIME) / 1000);
	await buildSite(sample);
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(BASIC_BUILD_TIME) / 1000);
	await buildSite(basic);
	delete process.env['SOURCE_DATE_EPOCH'];
	project.provide('sampleDist', sample.dist);
	project.provide('basicDist', basic.dist);
	return async () => {
		await sample.remove();
		await basic.remove();
	};
}
