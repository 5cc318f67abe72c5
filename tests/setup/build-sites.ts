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

/** Builds the sample site and the basic fixture once; test files read their dist/ folders. */
export default async function setup(project: TestProject) {
	process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
	const sample = await createFixtureSite({ contentDir: join(projectRoot, 'content') });
	const basic = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	await buildSite(sample);
	await buildSite(basic);
	project.provide('sampleDist', sample.dist);
	project.provide('basicDist', basic.dist);
	return async () => {
		await sample.remove();
		await basic.remove();
	};
}
